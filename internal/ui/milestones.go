package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/choice"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// tracks name the roadmap's milestone tracks.
var tracks = choice.List{{Label: "Testing action", Value: data.TrackTestingAction}, {Label: "Action plan", Value: data.TrackActionPlan},
	{Label: "Thematic output (Lead Expert)", Value: data.TrackThematicOutput},
	{Label: "Quality check, meeting preparation (Lead Expert)", Value: data.TrackQualityCheck}}

// milestonesEditor lists the roadmap's milestones; each is edited in a
// small dialog, so nothing is half-typed when the list moves on.
type milestonesEditor struct {
	sh      *Shell
	items   []data.Milestone
	list    *widget.List
	onSaved func()
	obj     fyne.CanvasObject
}

func newMilestonesEditor(sh *Shell, onSaved func()) *milestonesEditor {
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
	add := widget.NewButtonWithIcon("New milestone", theme.ContentAddIcon(), func() {
		e.edit(data.Milestone{NetworkID: sh.network.ID, Track: data.TrackTestingAction})
	})
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

// edit opens the dialog for a milestone (a new one when it has no id).
func (e *milestonesEditor) edit(m data.Milestone) {
	track := widget.NewSelect(tracks.Labels(), nil)
	track.SetSelected(tracks.Label(m.Track))
	due, title := widget.NewEntry(), widget.NewEntry()
	due.SetPlaceHolder("YYYY-MM-DD")
	due.SetText(m.DueDate)
	title.SetText(m.Title)
	done := widget.NewCheck("Done", nil)
	done.SetChecked(m.Done)
	items := []*widget.FormItem{widget.NewFormItem("Track", track), widget.NewFormItem("Due", due),
		widget.NewFormItem("Title", title), widget.NewFormItem("", done)}
	var d dialog.Dialog
	save := func(ok bool) {
		if !ok {
			return
		}
		m.Track = tracks.Value(track.Selected)
		m.DueDate, m.Title, m.Done = due.Text, title.Text, done.Checked
		if _, err := e.sh.store.SaveMilestone(e.sh.ctx, m); err != nil {
			e.sh.showError(err)
			return
		}
		e.onSaved()
	}
	heading := "New milestone"
	if m.ID != "" {
		heading = "Milestone"
		items = append(items, widget.NewFormItem("", widget.NewButtonWithIcon("Delete this milestone", theme.DeleteIcon(), func() {
			d.Hide()
			e.confirmDelete(m)
		})))
	}
	fd := dialog.NewForm(heading, "Save", "Cancel", items, save, e.sh.win)
	fd.Resize(fyne.NewSize(560, 0))
	d = fd
	d.Show()
	e.sh.win.Canvas().Focus(title)
}

func (e *milestonesEditor) confirmDelete(m data.Milestone) {
	e.sh.confirmDelete("Delete milestone", "Delete “"+m.Title+"” ("+m.DueDate+") from the roadmap?",
		func() error { _, err := e.sh.store.DeleteMilestone(e.sh.ctx, m.ID); return err }, e.onSaved)
}
