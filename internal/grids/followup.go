package grids

import (
	"fmt"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

// FollowUpTitle names the follow-up document of the meeting.
func (sh Sheet) FollowUpTitle() string { return "Follow-up — " + sh.Meeting.Title }

// FollowUpDocument is the meeting's follow-up for its minutes: what was
// done since the earlier meetings (the review held at this one), then
// what the partners agreed at it and how each action went since.
func (sh Sheet) FollowUpDocument() doc.Document {
	d := doc.Document{Title: sh.FollowUpTitle(), Subtitle: sh.subtitle()}
	d.Blocks = append(d.Blocks, doc.Heading{Level: 1, Text: "What was done since the earlier meetings"})
	if len(sh.Review) == 0 {
		d.Blocks = append(d.Blocks, doc.Text("No action of an earlier meeting came up for review at "+sh.Meeting.Title+"."))
	} else {
		d.Blocks = append(d.Blocks, doc.Text(StatusSummary(sh.Review)))
		d.Blocks = append(d.Blocks, reviewTables(sh.Review, 2, true)...)
	}
	d.Blocks = append(d.Blocks, doc.Heading{Level: 1, Text: "What was agreed at " + sh.Meeting.Title})
	if len(sh.Agreed) == 0 {
		d.Blocks = append(d.Blocks, doc.Text("No partner set itself an action in a learning grid of this meeting."))
	} else {
		d.Blocks = append(d.Blocks, doc.Text(StatusSummary(sh.Agreed)))
		d.Blocks = append(d.Blocks, reviewTables(sh.Agreed, 2, false)...)
	}
	return d
}

// StatusSummary counts actions by their review status, e.g. "4 actions:
// 3 done, 1 in progress."; statuses no action has are left out.
func StatusSummary(actions []ReviewedAction) string {
	count := map[string]int{}
	for _, a := range actions {
		count[a.Row.ReviewStatus]++
	}
	var parts []string
	for _, st := range []string{data.ReviewDone, data.ReviewInProgress, data.ReviewDropped, data.ReviewOpen} {
		if count[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[st], strings.ToLower(ReviewStatuses.Label(st))))
		}
	}
	noun := "actions"
	if len(actions) == 1 {
		noun = "action"
	}
	return fmt.Sprintf("%d %s: %s.", len(actions), noun, strings.Join(parts, ", "))
}
