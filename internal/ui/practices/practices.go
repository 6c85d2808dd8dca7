package practices

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

const (
	allOwners      = "All owners"
	outsideOwner   = "Outside the network"
	allSubThemes   = "All sub-themes"
	noPracticesYet = "No good practices yet. Add one, or name them in the matrix."
)

// practicesView is the good-practice catalogue: a list filtered by owner
// and sub-theme, and the form of the selected practice.
type practicesView struct {
	sh        *shell.Shell
	all       []data.GoodPractice
	shown     []data.GoodPractice
	partners  []data.Partner
	subThemes []data.SubTheme
	owner     *widget.Select
	subTheme  *widget.Select
	list      *widget.List
	empty     *widget.Label
	form      *practiceForm
	obj       fyne.CanvasObject
}

func newPracticesView(sh *shell.Shell) *practicesView {
	v := &practicesView{sh: sh}
	v.owner = widget.NewSelect(nil, func(string) { v.filter() })
	v.subTheme = widget.NewSelect(nil, func(string) { v.filter() })
	v.empty = widget.NewLabel(noPracticesYet)
	v.list = widget.NewList(func() int { return len(v.shown) }, widgets.NewPartnerRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		gp := v.shown[i]
		box := o.(*fyne.Container)
		box.Objects[0].(*widget.Label).SetText(gp.Title)
		box.Objects[1].(*widget.Label).SetText(v.ownerName(gp))
	})
	v.list.OnSelected = func(i widget.ListItemID) {
		target := v.shown[i]
		if target.ID == v.form.gp.ID {
			return
		}
		v.sh.Leave(v.form, func() { v.form.load(target); v.selectID(target.ID) }, func() { v.selectID(v.form.gp.ID) })
	}
	v.form = newPracticeForm(v)
	add := widgets.NewButtonWithIcon("Add good practice", theme.ContentAddIcon(), v.New)
	left := container.NewBorder(container.NewGridWithColumns(2, v.owner, v.subTheme), container.NewHBox(layout.NewSpacer(), add), nil, nil,
		container.NewStack(v.list, container.NewCenter(v.empty)))
	split := container.NewHSplit(left, v.form.obj)
	split.Offset = 0.42
	v.obj = split
	v.Reload()
	return v
}

func (v *practicesView) Object() fyne.CanvasObject { return v.obj }

// Reload re-reads the catalogue; the form is read again unless it holds
// unsaved changes.
func (v *practicesView) Reload() {
	ctx, s, n := v.sh.Ctx(), v.sh.Store(), v.sh.Network().ID
	var err error
	if v.all, err = s.GoodPractices(ctx, n); err == nil {
		if v.partners, err = s.Partners(ctx, n); err == nil {
			var themes []data.Theme
			themes, err = s.Themes(ctx, n)
			v.subThemes = v.subThemes[:0]
			for _, th := range themes {
				v.subThemes = append(v.subThemes, th.SubThemes...)
			}
		}
	}
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	owners := []string{allOwners}
	for _, p := range v.partners {
		owners = append(owners, p.Name)
	}
	v.owner.SetOptions(append(owners, outsideOwner))
	if v.owner.Selected == "" || !slices.Contains(v.owner.Options, v.owner.Selected) {
		v.owner.SetSelected(allOwners)
	}
	subs := []string{allSubThemes}
	for _, st := range v.subThemes {
		subs = append(subs, widgets.NumberedTitle(st.Number, st.Title))
	}
	v.subTheme.SetOptions(subs)
	if v.subTheme.Selected == "" || !slices.Contains(subs, v.subTheme.Selected) {
		v.subTheme.SetSelected(allSubThemes)
	}
	v.form.refreshChoices()
	if v.form.gp.ID != "" && !v.form.dirty {
		if i := slices.IndexFunc(v.all, func(gp data.GoodPractice) bool { return gp.ID == v.form.gp.ID }); i >= 0 {
			v.form.load(v.all[i])
		} else {
			v.form.clear()
		}
	}
	v.filter()
}

func (v *practicesView) ownerName(gp data.GoodPractice) string {
	if gp.IsOutside() {
		return strings.Join(nonEmptyStrings(gp.OutsideCity, gp.OutsideCountry), ", ") + " (outside the network)"
	}
	for _, p := range v.partners {
		if p.ID == gp.OwnerPartnerID {
			return p.Name
		}
	}
	return ""
}

func (v *practicesView) filter() {
	if v.list == nil {
		return
	}
	v.shown = v.shown[:0]
	subID := ""
	if i := slices.Index(v.subTheme.Options, v.subTheme.Selected); i > 0 {
		subID = v.subThemes[i-1].ID
	}
	for _, gp := range v.all {
		switch o := v.owner.Selected; {
		case o == outsideOwner && !gp.IsOutside(), o != allOwners && o != outsideOwner && v.ownerName(gp) != o:
			continue
		}
		if subID != "" && slices.Index(gp.SubThemeIDs, subID) < 0 {
			continue
		}
		v.shown = append(v.shown, gp)
	}
	v.empty.SetText(noPracticesYet)
	if len(v.all) > 0 {
		v.empty.SetText("No good practice matches the filters.")
	}
	if len(v.shown) == 0 {
		v.empty.Show()
	} else {
		v.empty.Hide()
	}
	v.list.Refresh()
	v.selectID(v.form.gp.ID)
}

func (v *practicesView) selectID(id string) {
	for i, gp := range v.shown {
		if gp.ID == id {
			v.list.Select(i)
			return
		}
	}
	v.list.UnselectAll()
}

func nonEmptyStrings(s ...string) []string {
	var out []string
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return out
}

// practiceForm edits one good practice; it is the view's shell.Editor.
type practiceForm struct {
	v                          *practicesView
	gp                         data.GoodPractice
	title, city, country, link *widget.Entry
	description                *widget.Entry
	owner                      *widget.Select
	subs                       *widget.CheckGroup
	problem                    *widget.Label
	dirty, loading             bool // dirty: use setDirty, the Save button follows it
	saveBtn                    *widgets.Button
	body, hint                 fyne.CanvasObject
	obj                        *fyne.Container
}

func newPracticeForm(v *practicesView) *practiceForm {
	f := &practiceForm{v: v}
	mark := func(string) {
		if !f.loading {
			f.setDirty(true)
		}
	}
	f.title, f.city, f.country, f.link = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.description = widget.NewMultiLineEntry()
	f.description.Wrapping = fyne.TextWrapWord
	f.description.SetMinRowsVisible(4)
	for _, e := range []*widget.Entry{f.title, f.city, f.country, f.link, f.description} {
		e.OnChanged = mark
	}
	f.link.SetPlaceHolder("https://…")
	f.owner = widget.NewSelect(nil, func(s string) { mark(s); f.showOutside() })
	f.subs = widget.NewCheckGroup(nil, func([]string) { mark("") })
	f.problem = widget.NewLabel("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	save := widgets.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { f.save() })
	save.Importance = widget.HighImportance
	save.Disable() // until something is typed
	f.saveBtn = save
	del := widgets.NewButtonWithIcon("Delete…", theme.DeleteIcon(), f.confirmDelete)
	del.Importance = widget.DangerImportance
	form := widget.NewForm(widget.NewFormItem("Title", f.title), widget.NewFormItem("Owner", f.owner),
		widget.NewFormItem("City (outside)", f.city), widget.NewFormItem("Country (outside)", f.country),
		widget.NewFormItem("Description", f.description), widget.NewFormItem("Source link", f.link))
	f.body = container.NewBorder(nil, container.NewVBox(f.problem, container.NewHBox(del, layout.NewSpacer(), save)), nil, nil,
		widgets.VScroll(container.NewVBox(form, widget.NewLabel("Sub-themes it serves:"), f.subs)))
	f.hint = container.NewCenter(widget.NewLabel("Select a good practice, or add one."))
	f.obj = container.NewStack(f.hint)
	return f
}

func (f *practiceForm) refreshChoices() {
	owners := []string{}
	for _, p := range f.v.partners {
		owners = append(owners, p.Name)
	}
	f.owner.SetOptions(append(owners, outsideOwner))
	var subs []string
	for _, st := range f.v.subThemes {
		subs = append(subs, widgets.NumberedTitle(st.Number, st.Title))
	}
	f.subs.Options = subs
	f.subs.Refresh()
}

func (f *practiceForm) showOutside() {
	if f.owner.Selected == outsideOwner {
		f.city.Enable()
		f.country.Enable()
	} else {
		f.city.Disable()
		f.country.Disable()
	}
}

func (f *practiceForm) load(gp data.GoodPractice) {
	f.loading = true
	f.gp = gp
	f.title.SetText(gp.Title)
	f.city.SetText(gp.OutsideCity)
	f.country.SetText(gp.OutsideCountry)
	f.link.SetText(gp.SourceLink)
	f.description.SetText(gp.Description)
	owner := outsideOwner
	for _, p := range f.v.partners {
		if p.ID == gp.OwnerPartnerID {
			owner = p.Name
		}
	}
	if gp.ID == "" && len(f.v.partners) > 0 {
		owner = f.v.partners[0].Name
	}
	f.owner.SetSelected(owner)
	var checked []string
	for _, st := range f.v.subThemes {
		if slices.Index(gp.SubThemeIDs, st.ID) >= 0 {
			checked = append(checked, widgets.NumberedTitle(st.Number, st.Title))
		}
	}
	f.subs.SetSelected(checked)
	f.problem.Hide()
	f.loading = false
	f.setDirty(false)
	f.showOutside()
	f.obj.Objects = []fyne.CanvasObject{f.body}
	f.obj.Refresh()
}

// edited is the practice as the form shows it, or what is missing.
func (f *practiceForm) edited() (data.GoodPractice, error) {
	gp := f.gp
	gp.Title = strings.TrimSpace(f.title.Text)
	gp.Description, gp.SourceLink = strings.TrimSpace(f.description.Text), strings.TrimSpace(f.link.Text)
	gp.OwnerPartnerID, gp.OutsideCity, gp.OutsideCountry = "", "", ""
	if f.owner.Selected == outsideOwner {
		gp.OutsideCity, gp.OutsideCountry = strings.TrimSpace(f.city.Text), strings.TrimSpace(f.country.Text)
	} else {
		gp.OwnerPartnerID = widgets.PartnerNamed(f.v.partners, f.owner.Selected).ID
	}
	gp.SubThemeIDs = nil
	for _, st := range f.v.subThemes {
		if slices.Index(f.subs.Selected, widgets.NumberedTitle(st.Number, st.Title)) >= 0 {
			gp.SubThemeIDs = append(gp.SubThemeIDs, st.ID)
		}
	}
	switch {
	case gp.Title == "":
		return gp, errors.New("a good practice needs a title")
	case gp.OwnerPartnerID == "" && gp.OutsideCity == "":
		return gp, errors.New("choose the partner that owns it, or name the city outside the network")
	}
	return gp, nil
}

// save stores the form and records it for undo; a failed save keeps the
// changes and says why under the form.
func (f *practiceForm) save() bool {
	sh := f.v.sh
	before := f.gp
	gp, err := f.write()
	if err != nil {
		f.problem.SetText(err.Error())
		f.problem.Show()
		return false
	}
	f.recordUndo(before, gp)
	f.gp = gp
	f.setDirty(false)
	f.problem.Hide()
	sh.ReloadAll()
	return true
}

// write stores the practice as the form shows it: a new one is created.
func (f *practiceForm) write() (data.GoodPractice, error) {
	gp, err := f.edited()
	switch {
	case err != nil:
	case gp.ID == "":
		gp, err = f.v.sh.Store().CreateGoodPractice(f.v.sh.Ctx(), gp)
	default:
		err = f.v.sh.Store().UpdateGoodPractice(f.v.sh.Ctx(), gp)
	}
	return gp, err
}

// recordUndo makes the save one undo step: an edit puts back the practice
// as it was loaded; an addition goes to the trash, and redo restores it.
func (f *practiceForm) recordUndo(before, after data.GoodPractice) {
	sh := f.v.sh
	if before.ID != "" {
		sh.Did("edit practice ‘"+after.Title+"’",
			func() error { return sh.Store().UpdateGoodPractice(sh.Ctx(), before) },
			func() error { return sh.Store().UpdateGoodPractice(sh.Ctx(), after) })
		return
	}
	sh.Added("add practice ‘"+after.Title+"’", func() (string, error) { return sh.Store().DeleteGoodPractice(sh.Ctx(), after.ID) })
}

// clear shows the "select a practice" hint.
func (f *practiceForm) clear() {
	f.gp = data.GoodPractice{}
	f.setDirty(false)
	f.obj.Objects = []fyne.CanvasObject{f.hint}
	f.obj.Refresh()
}

// setDirty says whether the form holds unsaved changes; Save follows it.
func (f *practiceForm) setDirty(dirty bool) {
	f.dirty = dirty
	widgets.EnableWhen(f.saveBtn, dirty)
}

// Unsaved names the practice while the form holds changes (shell.Editor).
func (f *practiceForm) Unsaved() string {
	switch {
	case !f.dirty:
		return ""
	case f.gp.ID == "":
		return "the new good practice"
	}
	return "the good practice ‘" + f.gp.Title + "’"
}

// Save stores the form (shell.Editor).
func (f *practiceForm) Save() bool { return f.save() }

// Discard shows the practice as stored again, or nothing for a new one.
func (f *practiceForm) Discard() {
	if f.gp.ID == "" {
		f.clear()
		return
	}
	f.load(f.gp)
}

// Flush stores the form's changes when the app stops; a form that is not
// complete cannot be stored and is reported.
func (f *practiceForm) Flush() error {
	if !f.dirty {
		return nil
	}
	gp, err := f.write()
	if err != nil {
		return fmt.Errorf("keeping %s: %w", f.Unsaved(), err)
	}
	f.gp = gp
	f.setDirty(false)
	return nil
}

func (f *practiceForm) confirmDelete() {
	if f.gp.ID == "" {
		return
	}
	cells, err := f.v.sh.Store().PracticeCells(f.v.sh.Ctx(), f.gp.ID)
	if err != nil {
		f.v.sh.ShowError(err)
		return
	}
	msg := "Delete the good practice " + f.gp.Title + "?"
	if cells > 0 {
		msg += fmt.Sprintf("\n\n%d matrix cell(s) name it: a cell it leaves with no other practice goes back to what was noted without one (GP to nothing, GP+KN to KN). Undo or the trash brings them back.", cells)
	}
	id := f.gp.ID
	f.v.sh.ConfirmDelete("Delete good practice", msg, "practice ‘"+f.gp.Title+"’", func() (string, error) {
		return f.v.sh.Store().DeleteGoodPractice(f.v.sh.Ctx(), id)
	}, func() {
		f.clear()
		f.v.sh.ReloadAll()
	})
}
