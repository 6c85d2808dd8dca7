package gridsview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

var reviewChoices = grids.ReviewStatuses

// reviewForm is the review of one earlier action at this meeting.
type reviewForm struct {
	item      data.ReviewItem // as loaded: what undo puts back
	meetingID string
	status    *widget.Select
	comment   *widget.Entry
}

// loadReview lists the partner's actions from earlier meetings. A status
// chosen here is stored at once; a comment when Enter is pressed or the
// grid is saved (Ctrl+S), so each stored review is one undo step rather
// than one per key.
func (v *gridsView) loadReview(m data.Meeting, p data.Partner) {
	v.review.Objects = nil
	items, err := v.sh.Store().ActionsToReview(v.sh.Ctx(), p.ID, m.ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	if len(items) == 0 {
		v.review.Add(widget.NewLabel("No open actions from earlier meetings."))
	}
	titles := map[string]string{}
	for _, mt := range v.meetings {
		titles[mt.ID] = mt.Title
	}
	for _, it := range items {
		f := &reviewForm{item: it, meetingID: m.ID, status: widget.NewSelect(reviewChoices.Labels(), nil), comment: widget.NewEntry()}
		f.comment.SetPlaceHolder("What happened (Enter stores it)")
		f.comment.SetText(it.Row.ReviewComment)
		f.status.Selected = reviewChoices.Label(it.Row.ReviewStatus)
		f.status.OnChanged = func(string) { v.storeReview(f) }
		f.comment.OnChanged = func(string) { v.comments[it.Row.ID] = f; v.followSave() }
		f.comment.OnSubmitted = func(string) { v.storeReview(f) }
		what := widget.NewLabel(fmt.Sprintf("%s — %s (%s)", it.Row.Action, strings.TrimSpace(it.Row.ActionWho+" "+it.Row.ActionBy), titles[it.MeetingID]))
		what.Wrapping = fyne.TextWrapWord
		v.review.Add(container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(150, f.status.MinSize().Height), f.status),
			container.NewVBox(what, f.comment)))
	}
	v.review.Add(layout.NewSpacer())
	v.review.Refresh()
}

// storeReview stores one review as the form shows it; a failure is shown
// and the comment stays typed.
func (v *gridsView) storeReview(f *reviewForm) {
	if err := v.saveReview(f); err != nil {
		v.sh.ShowError(err)
	}
	v.followSave()
}

// storeComments stores every review comment typed and not stored yet.
func (v *gridsView) storeComments() error {
	for _, f := range v.comments {
		if err := v.saveReview(f); err != nil {
			return err
		}
	}
	return nil
}

func (v *gridsView) saveReview(f *reviewForm) error {
	st, ctx := v.sh.Store(), v.sh.Ctx()
	row := f.item.Row
	status, comment := reviewChoices.Value(f.status.Selected), f.comment.Text
	if status == row.ReviewStatus && comment == row.ReviewComment {
		delete(v.comments, row.ID)
		return nil
	}
	if err := st.ReviewAction(ctx, row.ID, f.meetingID, status, comment); err != nil {
		return err
	}
	delete(v.comments, row.ID)
	before := row
	f.item.Row.ReviewStatus, f.item.Row.ReviewComment = status, comment
	// Undo puts the review back as it was, at the meeting it was held at.
	v.sh.Did("review of ‘"+widgets.Truncate(row.Action, 40)+"’",
		func() error {
			return st.ReviewAction(ctx, before.ID, before.ReviewedMeeting, before.ReviewStatus, before.ReviewComment)
		},
		func() error { return st.ReviewAction(ctx, before.ID, f.meetingID, status, comment) })
	return nil
}
