package studyview

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/study"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// theStudyNow names the current state among the snapshots to compare.
const theStudyNow = "The study now"

// Diff colours: green for lines added, red for lines removed (with + and −
// in front, so the colours are not needed to tell them apart).
var (
	diffInserted = color.NRGBA{0x00, 0x9E, 0x73, 0x40}
	diffDeleted  = color.NRGBA{0xD5, 0x5E, 0x00, 0x40}
)

// showVersions lists the study's snapshots: take one, restore one (the
// study as it is is kept first), compare a section between two.
func (v *studyView) showVersions() {
	if v.in.Study.ID == "" || !v.editor.Save() {
		return
	}
	snaps, err := v.sh.Store().Snapshots(v.sh.Ctx(), v.in.Study.ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	var d dialog.Dialog
	chosen := -1
	list := widget.NewList(func() int { return len(snaps) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(snaps[i].Name + "  ·  " + shortTime(snaps[i].CreatedAt))
		})
	take := widgets.NewButtonWithIcon("Take a snapshot…", theme.ContentAddIcon(), func() { d.Hide(); v.askSnapshot() })
	restore := widgets.NewButtonWithIcon("Restore…", theme.HistoryIcon(), func() {
		if chosen >= 0 {
			d.Hide()
			v.confirmRestore(snaps[chosen])
		}
	})
	restore.Disable() // until a snapshot is chosen
	list.OnSelected = func(i widget.ListItemID) { chosen = i; restore.Enable() }
	compare := widgets.NewButtonWithIcon("Compare a section…", theme.ViewRestoreIcon(), func() { d.Hide(); v.showCompare(snaps) })
	empty := widget.NewLabel("")
	if len(snaps) == 0 {
		empty.SetText("No snapshot yet: take one before sending the study out or before big changes.")
	}
	content := container.NewBorder(empty, container.NewHBox(take, restore, compare), nil, nil, list)
	d = dialog.NewCustom("Versions of the study", "Close", content, v.sh.Window())
	d.Resize(fyne.NewSize(720, 460))
	d.Show()
	v.sh.Keys(shell.DialogKeys{})
}

// shortTime shows an RFC 3339 time as "2026-11-23 13:45".
func shortTime(ts string) string {
	if len(ts) >= 16 {
		return ts[:10] + " " + ts[11:16]
	}
	return ts
}

func (v *studyView) askSnapshot() {
	name := widgets.NewEntry()
	name.SetPlaceHolder("e.g. Sent to the partners for comments")
	v.sh.ShowForm(shell.Form{Title: "Take a snapshot of the whole study", Confirm: "Take snapshot",
		Items: []*widget.FormItem{widget.NewFormItem("Name", name)}, Changed: func() bool { return name.Text != "" },
		OnConfirm: func() bool {
			// no undo step: a snapshot changes nothing of the study
			if _, err := v.sh.Store().SnapshotStudy(v.sh.Ctx(), v.in.Study.ID, name.Text); err != nil {
				v.sh.ShowError(err)
				return false
			}
			v.sh.ShowMessage("Snapshot taken", "“"+name.Text+"” keeps the study as it is now. Versions… restores or compares it.")
			return true
		}})
}

// confirmRestore brings the study back to snap. The store keeps the study
// as it was as a snapshot first, so undo restores that one.
func (v *studyView) confirmRestore(snap data.Snapshot) {
	msg := fmt.Sprintf("Bring the study back to “%s”?\n\nThe study as it is now is kept as a snapshot first, so this can be undone.", snap.Name)
	restore := func(ok bool) {
		if !ok {
			return
		}
		st, ctx := v.sh.Store(), v.sh.Ctx()
		kept, err := st.RestoreSnapshot(ctx, snap.ID)
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		v.sh.Did("restore ‘"+snap.Name+"’", func() error { _, err := st.RestoreSnapshot(ctx, kept.ID); return err },
			func() error { _, err := st.RestoreSnapshot(ctx, snap.ID); return err })
		v.load(v.in.Study.ID, 0)
		v.sh.ShowMessage("Restored", "The study is back to “"+snap.Name+"”. What it was before is the snapshot “"+kept.Name+"”.")
	}
	v.sh.Ask(shell.Question{Title: "Restore a snapshot", Message: msg, Confirm: "Restore", OnAnswer: restore})
}

// showCompare shows a section's text line by line between two versions.
func (v *studyView) showCompare(snaps []data.Snapshot) {
	names := []string{theStudyNow}
	for _, s := range snaps {
		names = append(names, s.Name+" · "+shortTime(s.CreatedAt))
	}
	if len(v.in.Sections) == 0 {
		v.sh.ShowMessage("Nothing to compare", "The study has no section now.")
		return
	}
	var titles []string
	for i, sec := range v.in.Sections {
		titles = append(titles, fmt.Sprintf("%d. %s", i+1, sec.Title)) // numbered: titles may repeat
	}
	older, newer, section := widget.NewSelect(names, nil), widget.NewSelect(names, nil), widget.NewSelect(titles, nil)
	lines := container.NewVBox()
	summary := widget.NewLabel("")
	// sectionsOf reads a chosen version by its place in the list (0 is now):
	// two snapshots may bear the same name and minute.
	sectionsOf := func(choice int) ([]data.Section, error) {
		if choice >= 1 {
			return v.sh.Store().SnapshotSections(v.sh.Ctx(), snaps[choice-1].ID)
		}
		return v.in.Sections, nil
	}
	redraw := func(string) {
		if section.SelectedIndex() < 0 || older.SelectedIndex() < 0 || newer.SelectedIndex() < 0 {
			return
		}
		before, err := sectionsOf(older.SelectedIndex())
		if err == nil {
			var after []data.Section
			if after, err = sectionsOf(newer.SelectedIndex()); err == nil {
				diff := study.CompareSection(before, after, v.in.Sections[section.SelectedIndex()].ID)
				lines.Objects = diffLines(diff)
				summary.SetText(diffSummary(diff))
				lines.Refresh()
				return
			}
		}
		v.sh.ShowError(err)
	}
	older.OnChanged, newer.OnChanged, section.OnChanged = redraw, redraw, redraw
	if len(snaps) > 0 {
		older.SetSelected(names[1])
	}
	newer.SetSelected(theStudyNow)
	section.SetSelected(titles[max(v.current, 0)])
	form := widget.NewForm(widget.NewFormItem("Section", section), widget.NewFormItem("From", older), widget.NewFormItem("To", newer))
	d := dialog.NewCustom("Compare a section", "Close", container.NewBorder(container.NewVBox(form, summary), nil, nil, nil, widgets.VScroll(lines)), v.sh.Window())
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
	v.sh.Keys(shell.DialogKeys{})
}

// diffLines draws each line with its numbers and a mark: + added, − removed.
func diffLines(diff []study.Line) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, l := range diff {
		mark, fill := "  ", color.Color(color.Transparent)
		switch l.Op {
		case study.Insert:
			mark, fill = "+ ", diffInserted
		case study.Delete:
			mark, fill = "− ", diffDeleted
		}
		num := func(n int) string {
			if n == 0 {
				return "    "
			}
			return fmt.Sprintf("%4d", n)
		}
		text := widget.NewLabel(num(l.Old) + " " + num(l.New) + "  " + mark + l.Text)
		text.Wrapping = fyne.TextWrapWord
		text.TextStyle.Monospace = true
		out = append(out, container.NewStack(canvas.NewRectangle(fill), text))
	}
	if len(out) == 0 {
		out = append(out, widget.NewLabel("The section has no text in either version."))
	}
	return out
}

func diffSummary(diff []study.Line) string {
	added, removed := 0, 0
	for _, l := range diff {
		switch l.Op {
		case study.Insert:
			added++
		case study.Delete:
			removed++
		}
	}
	if added+removed == 0 {
		return "The text is the same in both versions."
	}
	return fmt.Sprintf("%d lines added (+, green), %d removed (−, red).", added, removed)
}
