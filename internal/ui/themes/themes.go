package themes

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// themeRow is a line of the themes list: a theme, or one of its sub-themes.
type themeRow struct {
	theme, sub int // sub is -1 for the theme itself
}

// themesView edits the network's themes and sub-themes: add, rename,
// renumber, flag horizontal themes, move up and down, delete with a guard.
// The form of the selected row is its shell.Editor.
type themesView struct {
	sh       *shell.Shell
	themes   []data.Theme
	rows     []themeRow
	list     *widget.List
	selected int
	number   *widget.Entry
	title    *widget.Entry
	horiz    *widget.Check
	heading  *widget.Label
	form     *fyne.Container
	dirty    bool // use setDirty: Save follows it
	saveBtn  *widgets.Button
	loading  bool
	obj      fyne.CanvasObject
}

func newThemesView(sh *shell.Shell) *themesView {
	v := &themesView{sh: sh, selected: -1}
	v.list = widget.NewList(func() int { return len(v.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			r := v.rows[i]
			th := v.themes[r.theme]
			if r.sub < 0 {
				l.TextStyle.Bold = true
				text := widgets.NumberedTitle(th.Number, th.Title)
				if th.Horizontal {
					text += "  (horizontal)"
				}
				l.SetText(text)
				return
			}
			st := th.SubThemes[r.sub]
			l.TextStyle.Bold = false
			l.SetText("      " + widgets.NumberedTitle(st.Number, st.Title))
		})
	v.list.OnSelected = func(i widget.ListItemID) {
		if int(i) == v.selected {
			return
		}
		v.sh.Leave(v, func() { v.show(int(i)) }, func() { v.list.Select(v.selected) })
	}
	v.number, v.title = widget.NewEntry(), widget.NewEntry()
	v.number.SetPlaceHolder("e.g. 1 or 1.2")
	v.title.SetPlaceHolder("Title")
	v.horiz = widget.NewCheck("Horizontal theme (green, digital, gender equality…)", func(bool) { v.changed() })
	v.number.OnChanged = func(string) { v.changed() }
	v.title.OnChanged = func(string) { v.changed() }
	v.title.OnSubmitted = func(string) { v.Save() }
	v.number.OnSubmitted = func(string) { v.Save() }
	v.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	save := widgets.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { v.Save() })
	save.Importance = widget.HighImportance
	v.saveBtn = save
	v.form = container.NewVBox(v.heading, widget.NewForm(widget.NewFormItem("Number", v.number), widget.NewFormItem("Title", v.title)), v.horiz,
		container.NewHBox(
			widgets.NewButtonWithIcon("Move up", theme.MoveUpIcon(), func() { v.move(-1) }),
			widgets.NewButtonWithIcon("Move down", theme.MoveDownIcon(), func() { v.move(1) }),
			widgets.NewButtonWithIcon("Delete…", theme.DeleteIcon(), v.confirmDelete), save))
	v.form.Hide()
	addTheme := widgets.NewButtonWithIcon("Add theme", theme.ContentAddIcon(), v.addTheme)
	addSub := widgets.NewButtonWithIcon("Add sub-theme", theme.ContentAddIcon(), v.addSubTheme)
	left := container.NewBorder(nil, container.NewHBox(addTheme, addSub), nil, nil, v.list)
	split := container.NewHSplit(left, container.NewPadded(v.form))
	split.Offset = 0.5
	v.obj = split
	v.Reload()
	return v
}

func (v *themesView) Object() fyne.CanvasObject { return v.obj }

// Reload re-reads the themes and keeps the selected row; the form is read
// again unless it holds unsaved changes.
func (v *themesView) Reload() {
	themeID, subID := "", ""
	if v.selected >= 0 {
		themeID, subID = v.ids(v.selected)
	}
	themes, err := v.sh.Store().Themes(v.sh.Ctx(), v.sh.Network().ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.themes, v.rows = themes, nil
	for i, th := range themes {
		v.rows = append(v.rows, themeRow{theme: i, sub: -1})
		for j := range th.SubThemes {
			v.rows = append(v.rows, themeRow{theme: i, sub: j})
		}
	}
	v.list.Refresh()
	v.selected = v.rowOf(themeID, subID)
	switch {
	case v.selected < 0:
		v.setDirty(false)
		v.form.Hide()
		v.list.UnselectAll()
	case !v.dirty:
		v.show(v.selected)
	}
	if v.selected >= 0 {
		v.list.Select(v.selected) // the same row: OnSelected lets it be
	}
}

// ids of the row: theme id, and sub-theme id or "".
func (v *themesView) ids(i int) (string, string) {
	r := v.rows[i]
	th := v.themes[r.theme]
	if r.sub < 0 {
		return th.ID, ""
	}
	return th.ID, th.SubThemes[r.sub].ID
}

// rowOf is the row of a theme (subID "") or sub-theme, or -1.
func (v *themesView) rowOf(themeID, subID string) int {
	for i := range v.rows {
		if t, s := v.ids(i); t == themeID && s == subID {
			return i
		}
	}
	return -1
}

func (v *themesView) show(i int) {
	v.selected = i
	r := v.rows[i]
	th := v.themes[r.theme]
	v.loading = true
	if r.sub < 0 {
		v.heading.SetText("Theme")
		v.number.SetText(th.Number)
		v.title.SetText(th.Title)
		v.horiz.SetChecked(th.Horizontal)
		v.horiz.Show()
	} else {
		st := th.SubThemes[r.sub]
		v.heading.SetText("Sub-theme of " + widgets.NumberedTitle(th.Number, th.Title))
		v.number.SetText(st.Number)
		v.title.SetText(st.Title)
		v.horiz.Hide()
	}
	v.loading = false
	v.setDirty(false)
	v.form.Show()
}

func (v *themesView) changed() {
	if !v.loading {
		v.setDirty(true)
	}
}

// setDirty says whether the form holds unsaved changes; Save follows it.
func (v *themesView) setDirty(dirty bool) {
	v.dirty = dirty
	widgets.EnableWhen(v.saveBtn, dirty)
}

func (v *themesView) selectIDs(themeID, subID string) {
	if i := v.rowOf(themeID, subID); i >= 0 {
		v.list.Select(i)
		v.list.ScrollTo(i)
	}
}

// confirmDelete says what goes with a theme or sub-theme before deleting it.
func (v *themesView) confirmDelete() {
	if v.selected < 0 {
		return
	}
	themeID, subID := v.ids(v.selected)
	var u data.Usage
	var err error
	what := "the theme " + v.title.Text
	if subID == "" {
		u, err = v.sh.Store().ThemeUsage(v.sh.Ctx(), themeID)
	} else {
		what = "the sub-theme " + v.title.Text
		u, err = v.sh.Store().SubThemeUsage(v.sh.Ctx(), subID)
	}
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	msg := "Delete " + what + "?"
	if u.SubThemes > 0 || u.InUse() {
		msg += fmt.Sprintf("\n\nIn use: %d sub-theme(s), %d matrix cell(s) and %d good practice link(s) go with it. The good practices themselves stay in the catalogue; %d learning need(s) stay without a sub-theme.",
			u.SubThemes, u.MatrixCells, u.GoodPractices, u.LearningNeeds)
	}
	v.sh.ConfirmDelete("Delete", msg, strings.TrimPrefix(what, "the "), func() (string, error) {
		if subID == "" {
			return v.sh.Store().DeleteTheme(v.sh.Ctx(), themeID)
		}
		return v.sh.Store().DeleteSubTheme(v.sh.Ctx(), subID)
	}, func() {
		v.selected = -1
		v.setDirty(false)
		v.form.Hide()
		v.list.UnselectAll()
		v.sh.ReloadAll()
	})
}
