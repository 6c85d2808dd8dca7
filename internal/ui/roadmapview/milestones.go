package roadmapview

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/choice"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// tracks name the roadmap's milestone tracks.
var tracks = choice.List{{Label: "Testing action", Value: data.TrackTestingAction}, {Label: "Action plan", Value: data.TrackActionPlan},
	{Label: "Thematic output (Lead Expert)", Value: data.TrackThematicOutput},
	{Label: "Quality check, meeting preparation (Lead Expert)", Value: data.TrackQualityCheck}}

// milestonesEditor lists the roadmap's milestones; each is edited in a
// small dialog, so nothing is half-typed when the list moves on.
type milestonesEditor struct {
	sh      *shell.Shell
	items   []data.Milestone
	list    *widget.List
	onSaved func()
	obj     fyne.CanvasObject
}

func newMilestonesEditor(sh *shell.Shell, onSaved func()) *milestonesEditor {
	e := &milestonesEditor{sh: sh, onSaved: onSaved}
	e.list = widget.NewList(func() int { return len(e.items) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		m := e.items[i]
		done := ""
		if m.Done {
			done = "  ✓ done"
		}
		o.(*widget.Label).SetText(fmt.Sprintf("%s  %s — %s%s", m.DueDate, tracks.Label(m.Track), m.Title, done))
	})
	e.list.OnSelected = func(i widget.ListItemID) {
		e.list.UnselectAll()
		e.edit(e.items[i])
	}
	add := widgets.NewButtonWithIcon("New milestone", theme.ContentAddIcon(), e.startNew)
	note := widget.NewLabel("Dated tasks of the roadmap: the partners' testing action and action plan, the Lead Expert's outputs and checks. Click one to edit it.")
	note.Wrapping = fyne.TextWrapWord
	e.obj = container.NewBorder(note, container.NewHBox(add), nil, nil, e.list)
	return e
}

// set shows the milestones the roadmap area read.
func (e *milestonesEditor) set(ms []data.Milestone) {
	e.items = ms
	e.list.Refresh()
}

// startNew opens the dialog for a new milestone.
func (e *milestonesEditor) startNew() {
	e.edit(data.Milestone{NetworkID: e.sh.Network().ID, Track: data.TrackTestingAction})
}

// edit opens the dialog for a milestone (a new one when it has no id).
func (e *milestonesEditor) edit(before data.Milestone) {
	track := widget.NewSelect(tracks.Labels(), nil)
	track.SetSelected(tracks.Label(before.Track))
	due, title := widgets.NewDateEntry(""), widgets.NewEntry()
	due.SetISO(before.DueDate)
	title.SetText(before.Title)
	done := widget.NewCheck("Done", nil)
	done.SetChecked(before.Done)
	edited := func() data.Milestone {
		m := before
		m.Track, m.DueDate, m.Title, m.Done = tracks.Value(track.Selected), due.ISO(), title.Text, done.Checked
		return m
	}
	items := []*widget.FormItem{widget.NewFormItem("Title", title), widget.NewFormItem("Due", due),
		widget.NewFormItem("Track", track), widget.NewFormItem("", done)}
	var closeForm func() // set by ShowForm: a delete from inside the form closes it
	heading := "New milestone"
	if before.ID != "" {
		heading = "Milestone"
		items = append(items, widget.NewFormItem("", widgets.NewButtonWithIcon("Delete this milestone", theme.DeleteIcon(), func() {
			e.confirmDelete(before, func() { closeForm() })
		})))
	}
	closeForm = e.sh.ShowForm(shell.Form{Title: heading, Confirm: "Save", Items: items,
		Changed:   func() bool { return edited() != before },
		OnConfirm: func() bool { return e.store(before, edited()) }})
}

// store saves a milestone as one undo step; false keeps the dialog open.
func (e *milestonesEditor) store(before, m data.Milestone) bool {
	st, ctx := e.sh.Store(), e.sh.Ctx()
	saved, err := st.SaveMilestone(ctx, m)
	if err != nil {
		e.sh.ShowError(err)
		return false
	}
	if before.ID == "" {
		e.sh.Added("add milestone ‘"+saved.Title+"’", func() (string, error) { return st.DeleteMilestone(ctx, saved.ID) })
	} else {
		e.sh.Did("edit milestone ‘"+saved.Title+"’", func() error { _, err := st.SaveMilestone(ctx, before); return err },
			func() error { _, err := st.SaveMilestone(ctx, saved); return err })
	}
	e.onSaved()
	return true
}

func (e *milestonesEditor) confirmDelete(m data.Milestone, closeForm func()) {
	e.sh.ConfirmDelete("Delete milestone", "Delete “"+m.Title+"” ("+m.DueDate+") from the roadmap?", "milestone ‘"+m.Title+"’",
		func() (string, error) { return e.sh.Store().DeleteMilestone(e.sh.Ctx(), m.ID) }, func() { closeForm(); e.onSaved() })
}
