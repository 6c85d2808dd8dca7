package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// themeRow is a line of the themes list: a theme, or one of its sub-themes.
type themeRow struct {
	theme, sub int // sub is -1 for the theme itself
}

// themesView edits the network's themes and sub-themes: add, rename,
// renumber, flag horizontal themes, move up and down, delete with a guard.
type themesView struct {
	sh       *Shell
	themes   []data.Theme
	rows     []themeRow
	list     *widget.List
	selected int
	number   *widget.Entry
	title    *widget.Entry
	horiz    *widget.Check
	heading  *widget.Label
	form     *fyne.Container
	dirty    bool
	loading  bool
	obj      fyne.CanvasObject
}

func newThemesView(sh *Shell) *themesView {
	v := &themesView{sh: sh, selected: -1}
	v.list = widget.NewList(func() int { return len(v.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			r := v.rows[i]
			th := v.themes[r.theme]
			if r.sub < 0 {
				l.TextStyle.Bold = true
				text := numberedTitle(th.Number, th.Title)
				if th.Horizontal {
					text += "  (horizontal)"
				}
				l.SetText(text)
				return
			}
			st := th.SubThemes[r.sub]
			l.TextStyle.Bold = false
			l.SetText("      " + numberedTitle(st.Number, st.Title))
		})
	v.list.OnSelected = func(i widget.ListItemID) {
		if int(i) != v.selected {
			v.saveIfDirty()
			v.show(int(i))
		}
	}
	v.number, v.title = widget.NewEntry(), widget.NewEntry()
	v.number.SetPlaceHolder("e.g. 1 or 1.2")
	v.title.SetPlaceHolder("Title")
	v.horiz = widget.NewCheck("Horizontal theme (green, digital, gender equality…)", func(bool) { v.changed() })
	v.number.OnChanged = func(string) { v.changed() }
	v.title.OnChanged = func(string) { v.changed() }
	v.title.OnSubmitted = func(string) { v.save() }
	v.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { v.save() })
	save.Importance = widget.HighImportance
	v.form = container.NewVBox(v.heading, widget.NewForm(widget.NewFormItem("Number", v.number), widget.NewFormItem("Title", v.title)), v.horiz,
		container.NewHBox(
			widget.NewButtonWithIcon("Move up", theme.MoveUpIcon(), func() { v.move(-1) }),
			widget.NewButtonWithIcon("Move down", theme.MoveDownIcon(), func() { v.move(1) }),
			widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), v.confirmDelete), save))
	v.form.Hide()
	addTheme := widget.NewButtonWithIcon("Add theme", theme.ContentAddIcon(), v.addTheme)
	addSub := widget.NewButtonWithIcon("Add sub-theme", theme.ContentAddIcon(), v.addSubTheme)
	left := container.NewBorder(nil, container.NewHBox(addTheme, addSub), nil, nil, v.list)
	split := container.NewHSplit(left, container.NewPadded(v.form))
	split.Offset = 0.5
	v.obj = split
	v.Reload()
	return v
}

func (v *themesView) Object() fyne.CanvasObject { return v.obj }

// Leave keeps a valid edit; an empty title is put back as it was.
func (v *themesView) Leave(proceed func()) {
	v.saveIfDirty()
	proceed()
}

func (v *themesView) Reload() {
	themes, err := v.sh.store.Themes(v.sh.ctx, v.sh.network.ID)
	if err != nil {
		v.sh.showError(err)
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
	if v.selected >= len(v.rows) {
		v.selected = -1
		v.form.Hide()
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
		v.heading.SetText("Sub-theme of " + numberedTitle(th.Number, th.Title))
		v.number.SetText(st.Number)
		v.title.SetText(st.Title)
		v.horiz.Hide()
	}
	v.loading, v.dirty = false, false
	v.form.Show()
}

func (v *themesView) changed() {
	if !v.loading {
		v.dirty = true
	}
}

func (v *themesView) saveIfDirty() {
	if v.dirty && strings.TrimSpace(v.title.Text) != "" {
		v.save()
	}
	v.dirty = false
}

func (v *themesView) save() {
	if v.selected < 0 {
		return
	}
	r := v.rows[v.selected]
	number, title := strings.TrimSpace(v.number.Text), strings.TrimSpace(v.title.Text)
	var err error
	if r.sub < 0 {
		th := v.themes[r.theme]
		th.Number, th.Title, th.Horizontal = number, title, v.horiz.Checked
		err = v.sh.store.UpdateTheme(v.sh.ctx, th)
	} else {
		st := v.themes[r.theme].SubThemes[r.sub]
		st.Number, st.Title = number, title
		err = v.sh.store.UpdateSubTheme(v.sh.ctx, st)
	}
	if err != nil {
		v.sh.showError(err)
		return
	}
	v.dirty = false
	v.Reload()
}

func (v *themesView) selectIDs(themeID, subID string) {
	for i := range v.rows {
		if t, s := v.ids(i); t == themeID && s == subID {
			v.list.Select(i)
			v.list.ScrollTo(i)
			return
		}
	}
}

func (v *themesView) addTheme() {
	v.saveIfDirty()
	th, err := v.sh.store.AddTheme(v.sh.ctx, data.Theme{NetworkID: v.sh.network.ID, Number: fmt.Sprint(len(v.themes) + 1), Title: "New theme"})
	if err != nil {
		v.sh.showError(err)
		return
	}
	v.Reload()
	v.selectIDs(th.ID, "")
	v.sh.win.Canvas().Focus(v.title)
}

func (v *themesView) addSubTheme() {
	v.saveIfDirty()
	if len(v.themes) == 0 {
		showMessage(v.sh.win, "No theme yet", "Add a theme first; sub-themes belong to a theme.")
		return
	}
	ti := len(v.themes) - 1
	if v.selected >= 0 {
		ti = v.rows[v.selected].theme
	}
	th := v.themes[ti]
	number := ""
	if th.Number != "" {
		number = fmt.Sprintf("%s.%d", th.Number, len(th.SubThemes)+1)
	}
	st, err := v.sh.store.AddSubTheme(v.sh.ctx, data.SubTheme{ThemeID: th.ID, Number: number, Title: "New sub-theme"})
	if err != nil {
		v.sh.showError(err)
		return
	}
	v.Reload()
	v.selectIDs(th.ID, st.ID)
	v.sh.win.Canvas().Focus(v.title)
}

func (v *themesView) move(delta int) {
	if v.selected < 0 {
		return
	}
	v.saveIfDirty()
	themeID, subID := v.ids(v.selected)
	var err error
	if subID == "" {
		err = v.sh.store.MoveTheme(v.sh.ctx, themeID, delta)
	} else {
		err = v.sh.store.MoveSubTheme(v.sh.ctx, subID, delta)
	}
	if err != nil {
		v.sh.showError(err)
		return
	}
	v.Reload()
	v.selected = -1
	v.selectIDs(themeID, subID)
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
		u, err = v.sh.store.ThemeUsage(v.sh.ctx, themeID)
	} else {
		what = "the sub-theme " + v.title.Text
		u, err = v.sh.store.SubThemeUsage(v.sh.ctx, subID)
	}
	if err != nil {
		v.sh.showError(err)
		return
	}
	msg := "Delete " + what + "?"
	if u.SubThemes > 0 || u.InUse() {
		msg += fmt.Sprintf("\n\nIn use: %d sub-theme(s), %d matrix cell(s) and %d good practice link(s) go with it. The good practices themselves stay in the catalogue; %d learning need(s) stay without a sub-theme.",
			u.SubThemes, u.MatrixCells, u.GoodPractices, u.LearningNeeds)
	}
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Delete", "Delete", "Cancel", container.NewGridWrap(fyne.NewSize(440, label.MinSize().Height*4), label), func(ok bool) {
		if !ok {
			return
		}
		if subID == "" {
			_, err = v.sh.store.DeleteTheme(v.sh.ctx, themeID)
		} else {
			_, err = v.sh.store.DeleteSubTheme(v.sh.ctx, subID)
		}
		if err != nil {
			v.sh.showError(err)
			return
		}
		v.selected, v.dirty = -1, false
		v.form.Hide()
		v.list.UnselectAll()
		v.sh.reloadAll()
	}, v.sh.win)
	d.Show()
}
