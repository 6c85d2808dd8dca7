package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/choice"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/study"
	"github.com/aoce-desktop/aoce-desktop/internal/study/outline"
)

// sectionKindLabels name the kinds of section: text, or a block the app
// generates from its data.
var sectionKinds = choice.List{{Label: "Text", Value: data.SectionText},
	{Label: "Partner profiles (generated)", Value: data.SectionPartnerProfiles}, {Label: "Matrix table (generated)", Value: data.SectionMatrix},
	{Label: "Action-plan focus and testing actions (generated)", Value: data.SectionFocusTable},
	{Label: "Roadmap table (generated)", Value: data.SectionRoadmap}, {Label: "Index (generated)", Value: data.SectionIndex}}

var sectionStatuses = choice.List{{Label: "Draft", Value: data.StatusDraft}, {Label: "In review", Value: data.StatusInReview},
	{Label: "Final", Value: data.StatusFinal}}

// studyView is the Baseline Study: its sections on the left, the chosen
// one on the right as Markdown with a live preview (or as the block the
// app generates), autosaved; versions and export above.
type studyView struct {
	sh      *Shell
	in      study.Inputs // the study and all it is assembled from
	current int
	list    *widget.List
	editor  *sectionEditor
	body    *fyne.Container // the editor, or the empty state
	obj     fyne.CanvasObject
}

func newStudyView(sh *Shell) *studyView {
	v := &studyView{sh: sh, current: -1}
	v.list = widget.NewList(func() int { return len(v.in.Sections) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(sectionLine(v.in.Sections[i]))
	})
	v.list.OnSelected = func(i widget.ListItemID) {
		if i == v.current {
			return
		}
		if !v.editor.flush() { // keep what was typed on screen rather than lose it
			v.reselect()
			return
		}
		v.current = i
		v.editor.show(v.in, i)
	}
	v.editor = newSectionEditor(sh, v.sectionSaved)
	add := widget.NewButtonWithIcon("Add section…", theme.ContentAddIcon(), v.askAdd)
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { v.move(-1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { v.move(1) })
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), v.confirmDeleteSection)
	versions := widget.NewButtonWithIcon("Versions…", theme.HistoryIcon(), v.showVersions)
	export := widget.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), v.exportDialog)
	left := container.NewBorder(nil, container.NewHBox(add, up, down, del), nil, nil, v.list)
	split := container.NewHSplit(left, v.editor.obj)
	split.Offset = 0.28
	top := container.NewBorder(nil, nil, nil, container.NewHBox(versions, export), widget.NewLabel(""))
	v.body = container.NewStack(container.NewBorder(top, nil, nil, nil, split))
	v.obj = v.body
	v.Reload()
	return v
}

func (v *studyView) Object() fyne.CanvasObject { return v.obj }

// Leave saves the section being typed; nothing is ever asked.
func (v *studyView) Leave(proceed func()) { v.editor.flush(); proceed() }

// sectionLine is a section in the list: indented under its chapter,
// with its status, generated blocks marked.
func sectionLine(sec data.Section) string {
	indent := ""
	if sec.Level == 2 {
		indent = "      "
	}
	mark := ""
	if sec.Kind != data.SectionText {
		mark = "  ⚙"
	}
	return fmt.Sprintf("%s%s%s  · %s", indent, sec.Title, mark, sectionStatuses.Label(sec.Status))
}

// Reload reads the network's (first) study, or shows how to start one.
func (v *studyView) Reload() {
	studies, err := v.sh.store.Studies(v.sh.ctx, v.sh.network.ID)
	if err != nil {
		v.sh.showError(err)
		return
	}
	if len(studies) == 0 {
		v.in, v.current = study.Inputs{}, -1
		v.showEmpty()
		return
	}
	v.load(studies[0].ID, -1)
}

// load reads the study and selects section keep (or keeps the selection).
// The editor is always shown afresh: after a restore, a move or a delete
// the same row may hold another section.
func (v *studyView) load(studyID string, keep int) {
	v.editor.flush()
	in, err := study.Load(v.sh.ctx, v.sh.store, studyID)
	if err != nil {
		v.sh.showError(err)
		return
	}
	if len(v.body.Objects) > 1 { // the empty state gives way to the study
		v.body.Objects = v.body.Objects[:1]
		v.body.Objects[0].Show()
		v.body.Refresh()
	}
	v.in = in
	if keep < 0 {
		keep = max(v.current, 0)
	}
	v.current = -1
	v.list.UnselectAll()
	v.list.Refresh()
	if len(in.Sections) == 0 {
		v.editor.show(in, -1)
		return
	}
	keep = min(keep, len(in.Sections)-1)
	v.list.Select(keep)
	v.list.ScrollTo(keep)
}

// reselect puts the list's selection back on the section being edited.
func (v *studyView) reselect() {
	if v.current >= 0 {
		v.list.Select(v.current)
	} else {
		v.list.UnselectAll()
	}
}

// showEmpty offers to start the study from the URBACT outline.
func (v *studyView) showEmpty() {
	start := widget.NewButtonWithIcon("Start the Baseline Study from the URBACT outline", theme.DocumentCreateIcon(), func() {
		st, err := v.sh.store.CreateStudy(v.sh.ctx, data.Study{NetworkID: v.sh.network.ID, Title: "Baseline Study"}, outline.Default())
		if err != nil {
			v.sh.showError(err)
			return
		}
		v.load(st.ID, 0)
	})
	start.Importance = widget.HighImportance
	note := widget.NewLabel("The network has no Baseline Study yet. It starts with the chapters of an URBACT baseline study;\nthe partner profiles, the matrix, the action-plan focus and the roadmap are written from the app's data.")
	note.Alignment = fyne.TextAlignCenter
	v.body.Objects[0].Hide()
	v.body.Objects = append(v.body.Objects[:1], container.NewCenter(container.NewVBox(note, container.NewCenter(start))))
	v.body.Refresh()
}

// sectionSaved keeps the list in step with an autosaved section.
func (v *studyView) sectionSaved(sec data.Section) {
	for i := range v.in.Sections {
		if v.in.Sections[i].ID == sec.ID {
			v.in.Sections[i] = sec
			v.list.RefreshItem(i)
		}
	}
}

func (v *studyView) move(delta int) {
	if v.current < 0 {
		return
	}
	v.editor.flush()
	to := v.current + delta
	if to < 0 || to >= len(v.in.Sections) {
		return
	}
	if err := v.sh.store.MoveSection(v.sh.ctx, v.in.Sections[v.current].ID, delta); err != nil {
		v.sh.showError(err)
		return
	}
	v.load(v.in.Study.ID, to)
}

func (v *studyView) confirmDeleteSection() {
	if v.current < 0 {
		return
	}
	v.editor.flush()
	sec := v.in.Sections[v.current]
	msg := fmt.Sprintf("Delete the section “%s”?", sec.Title)
	if words := study.WordCount(sec.Body); words > 0 {
		msg += fmt.Sprintf(" Its %d words go with it; a snapshot under Versions… can bring them back.", words)
	}
	at := v.current
	v.sh.confirmDelete("Delete section", msg, func() error { _, err := v.sh.store.DeleteSection(v.sh.ctx, sec.ID); return err },
		func() { v.load(v.in.Study.ID, max(at-1, 0)) })
}

// askAdd adds a text section or a generated block after the chosen one.
func (v *studyView) askAdd() {
	if v.in.Study.ID == "" {
		return
	}
	v.editor.flush()
	kind := widget.NewSelect(sectionKinds.Labels(), nil)
	kind.SetSelected(sectionKinds.Label(data.SectionText))
	title := widget.NewEntry()
	level := widget.NewRadioGroup([]string{"Chapter", "Section"}, nil)
	level.Horizontal = true
	level.SetSelected("Section")
	items := []*widget.FormItem{widget.NewFormItem("Kind", kind), widget.NewFormItem("Title", title), widget.NewFormItem("Level", level)}
	at := v.current + 1
	showForm(v.sh, "Add a section after the chosen one", "Add", items, func() {
		sec := data.Section{Title: title.Text, Level: 2, Status: data.StatusDraft}
		if level.Selected == "Chapter" {
			sec.Level = 1
		}
		sec.Kind = sectionKinds.Value(kind.Selected)
		if _, err := v.sh.store.AddSection(v.sh.ctx, v.in.Study.ID, at, sec); err != nil {
			v.sh.showError(err)
			return
		}
		v.load(v.in.Study.ID, at)
	})
	v.sh.win.Canvas().Focus(title)
}
