package grids

import (
	"fmt"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

// FollowUpTitle names the follow-up document of the meeting.
func (sh Sheet) FollowUpTitle() string { return "Follow-up — " + sh.Meeting.Title }

// FollowUpDocument is the meeting's follow-up for its minutes: what was
// done since the earlier meetings (the review held at this one), then
// what the partners agreed at it and how each action went since.
func (sh Sheet) FollowUpDocument() doc.Document {
	d := doc.Document{Title: sh.FollowUpTitle(), Subtitle: sh.subtitle()}
	// Only actions with a report stand under what was done; those still
	// open at the review have a section of their own.
	reported, open := byReport(sh.Review)
	d.Blocks = append(d.Blocks, doc.Heading{Level: 1, Text: "What was done since the earlier meetings"})
	switch {
	case len(sh.Review) == 0:
		d.Blocks = append(d.Blocks, doc.Text("No action of an earlier meeting came up for review at "+sh.Meeting.Title+"."))
	case len(reported) == 0:
		d.Blocks = append(d.Blocks, doc.Text("No action of an earlier meeting was reported done, in progress or dropped at "+sh.Meeting.Title+"."))
	default:
		d.Blocks = append(d.Blocks, doc.Text("As reviewed at "+sh.Meeting.Title+": "+StatusSummary(reported)))
		d.Blocks = append(d.Blocks, reviewTables(reported, 2, true, sh.Meeting)...)
	}
	if len(open) > 0 {
		d.Blocks = append(d.Blocks, doc.Heading{Level: 1, Text: "Not reviewed yet"},
			doc.Text(text.Count(len(open), "action", "actions")+" of earlier meetings came up at "+sh.Meeting.Title+" with no report yet (still open)."))
		d.Blocks = append(d.Blocks, reviewTables(open, 2, true, sh.Meeting)...)
	}
	d.Blocks = append(d.Blocks, doc.Heading{Level: 1, Text: "What was agreed at " + sh.Meeting.Title})
	if len(sh.Agreed) == 0 {
		d.Blocks = append(d.Blocks, doc.Text("No partner set itself an action in a learning grid of this meeting."))
	} else {
		d.Blocks = append(d.Blocks, doc.Text(StatusSummary(sh.Agreed)))
		d.Blocks = append(d.Blocks, reviewTables(sh.Agreed, 2, false, sh.Meeting)...)
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
	return text.Count(len(actions), "action", "actions") + ": " + strings.Join(parts, ", ") + "."
}
