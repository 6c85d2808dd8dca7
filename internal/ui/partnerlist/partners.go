package partnerlist

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Filter and sort choices of the partner list.
const (
	allCountries  = "All countries"
	allRoles      = "All roles"
	onlyLead      = "Lead partner"
	onlyPartners  = "Partners"
	sortName      = "By name"
	sortCountry   = "By country"
	sortPop       = "By population"
	sortUnemploy  = "By unemployment"
	noPartnersYet = "No partners yet.\nAdd one, or import a list from a spreadsheet or the URBACT website."
)

// partnersView is the partner list with search, filters and sorting, and
// the form of the selected partner beside it.
type partnersView struct {
	sh        *shell.Shell
	all       []data.Partner
	shown     []data.Partner
	search    *widget.Entry
	country   *widget.Select
	role      *widget.Select
	sortBy    *widget.Select
	list      *widget.List
	count     *widget.Label
	listEmpty *widget.Label
	form      *partnerForm
	muted     bool   // true while the view selects in the list itself
	imported  func() // called after an import was stored (tests wait for it)
	obj       fyne.CanvasObject
}

func newPartnersView(sh *shell.Shell) *partnersView {
	v := &partnersView{sh: sh}
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder("Search name, country, region…")
	v.search.OnChanged = func(string) { v.applyFilter() }
	v.country = widget.NewSelect([]string{allCountries}, func(string) { v.applyFilter() })
	v.role = widget.NewSelect([]string{allRoles, onlyLead, onlyPartners}, func(string) { v.applyFilter() })
	v.sortBy = widget.NewSelect([]string{sortName, sortCountry, sortPop, sortUnemploy}, func(string) { v.applyFilter() })
	v.country.SetSelected(allCountries)
	v.role.SetSelected(allRoles)
	v.sortBy.SetSelected(sortName)
	v.count = widget.NewLabel("")
	v.listEmpty = widget.NewLabel(noPartnersYet)
	v.listEmpty.Wrapping = fyne.TextWrapWord
	v.listEmpty.Alignment = fyne.TextAlignCenter
	v.list = widget.NewList(func() int { return len(v.shown) }, widgets.NewPartnerRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		widgets.UpdatePartnerRow(v.shown[i], o)
	})
	v.list.OnSelected = v.onSelected
	v.form = newPartnerForm(v)

	add := widgets.NewButtonWithIcon("Add partner", theme.ContentAddIcon(), v.newPartner)
	imp := widgets.NewButtonWithIcon("Import…", theme.DownloadIcon(), v.startImport)
	forms := widgets.NewButtonWithIcon("Profile forms…", theme.MailSendIcon(), v.profileForms)
	filters := container.NewGridWithColumns(3, v.country, v.role, v.sortBy)
	top := container.NewVBox(v.search, filters)
	bottom := container.NewBorder(nil, nil, v.count, container.NewHBox(forms, imp, add))
	left := container.NewBorder(top, bottom, nil, nil, container.NewStack(v.list, container.NewCenter(v.listEmpty)))
	split := container.NewHSplit(left, v.form.Object())
	split.Offset = 0.36
	v.obj = split
	v.Reload()
	return v
}

func (v *partnersView) Object() fyne.CanvasObject { return v.obj }

// Reload re-reads the partners and keeps the selection; unsaved typing in
// the form stays.
func (v *partnersView) Reload() {
	ps, err := v.sh.Store().Partners(v.sh.Ctx(), v.sh.Network().ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.all = ps
	countries := []string{allCountries}
	seen := map[string]bool{}
	for _, p := range ps {
		if p.Country != "" && !seen[data.NameKey(p.Country)] {
			seen[data.NameKey(p.Country)] = true
			countries = append(countries, p.Country)
		}
	}
	sort.Slice(countries[1:], func(i, j int) bool { return data.NameKey(countries[1+i]) < data.NameKey(countries[1+j]) })
	v.country.SetOptions(countries)
	if !slices.Contains(countries, v.country.Selected) {
		v.country.SetSelected(allCountries)
	}
	if !v.form.dirty && v.form.partner.ID != "" {
		if p, ok := v.byID(v.form.partner.ID); ok {
			v.form.load(p)
		} else {
			v.form.clear()
		}
	}
	v.applyFilter()
}

// lead is the stored lead partner, or a zero partner.
func (v *partnersView) lead() data.Partner {
	for _, p := range v.all {
		if p.IsLead() {
			return p
		}
	}
	return data.Partner{}
}

func (v *partnersView) byID(id string) (data.Partner, bool) {
	for _, p := range v.all {
		if p.ID == id {
			return p, true
		}
	}
	return data.Partner{}, false
}

// applyFilter recomputes the shown partners from search, filters and sort.
func (v *partnersView) applyFilter() {
	if v.list == nil {
		return // still being built
	}
	q := data.NameKey(v.search.Text)
	v.shown = v.shown[:0]
	for _, p := range v.all {
		if q != "" && !strings.Contains(data.NameKey(p.Name+" "+p.Country+" "+p.Region), q) {
			continue
		}
		if c := v.country.Selected; c != "" && c != allCountries && data.NameKey(c) != data.NameKey(p.Country) {
			continue
		}
		if (v.role.Selected == onlyLead && !p.IsLead()) || (v.role.Selected == onlyPartners && p.IsLead()) {
			continue
		}
		v.shown = append(v.shown, p)
	}
	sortPartners(v.shown, v.sortBy.Selected)
	v.count.SetText(fmt.Sprintf("%d of %d partners", len(v.shown), len(v.all)))
	v.followFilter()
	switch {
	case len(v.all) == 0:
		v.listEmpty.SetText(noPartnersYet)
		v.listEmpty.Show()
	case len(v.shown) == 0:
		v.listEmpty.SetText("No partner matches the search and filters.")
		v.listEmpty.Show()
	default:
		v.listEmpty.Hide()
	}
	v.list.Refresh()
	v.selectInList(v.form.partner.ID)
}

// followFilter keeps the form and the list in step when the search or a
// filter hides the partner in the form: a form with nothing typed shows the
// first partner shown instead (or none); one with unsaved typing keeps its
// partner at the top of the list, so the typing is neither lost nor hidden
// behind a list that names someone else.
func (v *partnersView) followFilter() {
	id := v.form.partner.ID
	if id == "" || slices.ContainsFunc(v.shown, func(p data.Partner) bool { return p.ID == id }) {
		return
	}
	switch {
	case v.form.dirty:
		v.shown = append([]data.Partner{v.form.partner}, v.shown...)
		v.count.SetText(v.count.Text + ", and " + v.form.partner.Name + " while its changes are not saved")
	case len(v.shown) > 0:
		v.form.load(v.shown[0])
	default:
		v.form.clear()
	}
}

func sortPartners(ps []data.Partner, by string) {
	less := func(a, b data.Partner) bool { return data.NameKey(a.Name) < data.NameKey(b.Name) }
	num := func(p *int64) int64 {
		if p == nil {
			return -1
		}
		return *p
	}
	rate := func(p *float64) float64 {
		if p == nil {
			return -1
		}
		return *p
	}
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		switch by {
		case sortCountry:
			if ka, kb := data.NameKey(a.Country), data.NameKey(b.Country); ka != kb {
				return ka < kb
			}
		case sortPop:
			if num(a.Population) != num(b.Population) {
				return num(a.Population) > num(b.Population)
			}
		case sortUnemploy:
			if rate(a.UnemploymentRate) != rate(b.UnemploymentRate) {
				return rate(a.UnemploymentRate) > rate(b.UnemploymentRate)
			}
		}
		return less(a, b)
	})
}

// selectInList highlights the partner with id without triggering navigation.
func (v *partnersView) selectInList(id string) {
	v.muted = true
	defer func() { v.muted = false }()
	for i, p := range v.shown {
		if p.ID == id {
			v.list.Select(i)
			return
		}
	}
	v.list.UnselectAll()
}

func (v *partnersView) onSelected(i widget.ListItemID) {
	if v.muted || i >= len(v.shown) {
		return
	}
	target := v.shown[i]
	if target.ID == v.form.partner.ID {
		return
	}
	v.sh.Leave(v.form, func() {
		v.form.load(target)
		v.selectInList(target.ID)
	}, func() { v.selectInList(v.form.partner.ID) })
}

// newPartner opens an empty form for a new partner.
func (v *partnersView) newPartner() {
	v.sh.Leave(v.form, func() {
		v.form.load(data.Partner{NetworkID: v.sh.Network().ID, Role: data.RolePartner})
		v.selectInList("")
		v.sh.Window().Canvas().Focus(v.form.inputs["name"].entry)
	}, nil)
}

// confirmDelete asks before deleting the selected partner, saying what
// goes with it.
func (v *partnersView) confirmDelete() {
	p := v.form.partner
	if p.ID == "" {
		return
	}
	if p.IsLead() && len(v.all) > 1 {
		v.sh.ShowMessage("Lead partner", p.Name+" is the lead partner. Make another partner lead partner first, then delete "+p.Name+".")
		return
	}
	deps, err := v.sh.Store().PartnerDependents(v.sh.Ctx(), p.ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	msg := "Delete " + p.Name + "?"
	if !deps.Empty() {
		msg += fmt.Sprintf("\n\nThis also deletes its %d good practice(s), %d matrix cell(s) and %d learning need(s), and removes it as host of %d meeting(s).",
			deps.GoodPractices, deps.MatrixCells, deps.LearningNeeds, deps.MeetingsHosted)
	}
	v.sh.ConfirmDelete("Delete partner", msg, "partner ‘"+p.Name+"’", func() (string, error) {
		return v.sh.Store().DeletePartner(v.sh.Ctx(), p.ID)
	}, func() {
		v.form.clear()
		v.sh.ReloadAll()
	})
}
