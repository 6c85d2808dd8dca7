// Package studyview is the Baseline Study area: its sections, edited as
// Markdown beside a live preview and autosaved, the generated blocks, the
// study's versions and its export.
package studyview

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
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// sectionKindLabels name the kinds of section: text, or a block the app
// generates from its data.
var sectionKinds = choice.List{{Label: "Text", Value: data.SectionText},
	{Label: "Partner profiles (generated)", Value: data.SectionPartnerProfiles}, {Label: "Matrix table (generated)", Value: data.SectionMatrix},
	{Label: "Action-plan focus and testing actions (generated)", Value: data.SectionFocusTable},
	{Label: "Roadmap table (generated)", Value: data.SectionRoadmap}, {Label: "Index (generated)", Value: data.SectionIndex}}

var sectionStatuses = choice.List{{Label: "Draft", Value: data.StatusDraft}, {Label: "In review", Value: data.StatusInReview},
	{Label: "Final", Value: data.StatusFinal}}

// Area is the Baseline Study.
func Area() shell.Area {
	return shell.Area{ID: "study", Title: "Baseline Study", Icon: theme.FileTextIcon(),
		Build: func(sh *shell.Shell) shell.View { return newStudyView(sh) }}
}

// studyView is the Baseline Study: its sections on the left, the chosen
// one on the right as Markdown with a live preview (or as the block the
// app generates), autosaved; versions and export above.
type studyView struct {
	sh      *shell.Shell
	in      study.Inputs // the study and all it is assembled from
	current int
	list    *widget.List
	editor  *sectionEditor
	body    *fyne.Container // the editor, or the empty state
	obj     fyne.CanvasObject
}

func newStudyView(sh *shell.Shell) *studyView {
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
		v.sh.Leave(v.editor, func() { v.current = i; v.editor.show(v.in, i) }, v.reselect)
	}
	v.editor = newSectionEditor(sh, v.sectionSaved)
	add := widgets.NewButtonWithIcon("Add section…", theme.ContentAddIcon(), v.New)
	up := widgets.NewButtonWithIcon("", theme.MoveUpIcon(), func() { v.move(-1) })
	down := widgets.NewButtonWithIcon("", theme.MoveDownIcon(), func() { v.move(1) })
	del := widgets.NewButtonWithIcon("", theme.DeleteIcon(), v.DeleteSelected)
	versions := widgets.NewButtonWithIcon("Versions…", theme.HistoryIcon(), v.showVersions)
	export := widgets.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), v.Export)
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

// The section being typed is the study's only unsaved work: see
// sectionEditor for how leaving saves it.
func (v *studyView) Unsaved() string { return v.editor.Unsaved() }
func (v *studyView) Save() bool      { return v.editor.Save() }
func (v *studyView) Discard()        { v.editor.Discard() }
func (v *studyView) Flush() error    { return v.editor.Flush() }

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
	studies, err := v.sh.Store().Studies(v.sh.Ctx(), v.sh.Network().ID)
	if err != nil {
		v.sh.ShowError(err)
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
// the same row may hold another section. Typing that cannot be saved
// stays on screen instead (the error is shown).
func (v *studyView) load(studyID string, keep int) {
	if !v.editor.Save() {
		return
	}
	in, err := study.Load(v.sh.Ctx(), v.sh.Store(), studyID)
	if err != nil {
		v.sh.ShowError(err)
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
	start := widgets.NewButtonWithIcon("Start the Baseline Study from the URBACT outline", theme.DocumentCreateIcon(), func() {
		st, err := v.sh.Store().CreateStudy(v.sh.Ctx(), data.Study{NetworkID: v.sh.Network().ID, Title: "Baseline Study"}, outline.Default())
		if err != nil {
			v.sh.ShowError(err)
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
	if v.current < 0 || !v.editor.Save() {
		return
	}
	to := v.current + delta
	if to < 0 || to >= len(v.in.Sections) {
		return
	}
	sec, st, ctx := v.in.Sections[v.current], v.sh.Store(), v.sh.Ctx()
	if err := st.MoveSection(ctx, sec.ID, delta); err != nil {
		v.sh.ShowError(err)
		return
	}
	way := "down"
	if delta < 0 {
		way = "up"
	}
	v.sh.Did("move section ‘"+sec.Title+"’ "+way, func() error { return st.MoveSection(ctx, sec.ID, -delta) },
		func() error { return st.MoveSection(ctx, sec.ID, delta) })
	v.load(v.in.Study.ID, to)
}

// DeleteSelected asks before deleting the chosen section (Ctrl+Delete).
func (v *studyView) DeleteSelected() {
	if v.current < 0 || !v.editor.Save() {
		return
	}
	sec := v.in.Sections[v.current]
	msg := fmt.Sprintf("Delete the section “%s”?", sec.Title)
	if words := study.WordCount(sec.Body); words > 0 {
		msg += fmt.Sprintf(" Its %d words go with it.", words)
	}
	at := v.current
	v.sh.ConfirmDelete("Delete section", msg, "section ‘"+sec.Title+"’", func() (string, error) { return v.sh.Store().DeleteSection(v.sh.Ctx(), sec.ID) },
		func() { v.load(v.in.Study.ID, max(at-1, 0)) })
}

// New adds a text section or a generated block after the chosen one
// (Ctrl+N).
func (v *studyView) New() {
	if v.in.Study.ID == "" || !v.editor.Save() {
		return
	}
	kind := widget.NewSelect(sectionKinds.Labels(), nil)
	kind.SetSelected(sectionKinds.Label(data.SectionText))
	title := widgets.NewEntry()
	level := widget.NewRadioGroup([]string{"Chapter", "Section"}, nil)
	level.Horizontal = true
	level.SetSelected("Section")
	items := []*widget.FormItem{widget.NewFormItem("Title", title), widget.NewFormItem("Kind", kind), widget.NewFormItem("Level", level)}
	at, studyID := v.current+1, v.in.Study.ID
	v.sh.ShowForm(shell.Form{Title: "Add a section after the chosen one", Confirm: "Add", Items: items,
		Changed: func() bool { return title.Text != "" },
		OnConfirm: func() bool {
			sec := data.Section{Title: title.Text, Level: 2, Status: data.StatusDraft, Kind: sectionKinds.Value(kind.Selected)}
			if level.Selected == "Chapter" {
				sec.Level = 1
			}
			st, ctx := v.sh.Store(), v.sh.Ctx()
			added, err := st.AddSection(ctx, studyID, at, sec)
			if err != nil {
				v.sh.ShowError(err)
				return false
			}
			v.sh.Added("add section ‘"+added.Title+"’", func() (string, error) { return st.DeleteSection(ctx, added.ID) })
			v.load(studyID, at)
			return true
		}})
}
