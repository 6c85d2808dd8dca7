package partnerlist

import (
	"slices"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Reveal selects a partner found by the search (Ctrl+K), clearing the
// list's filters when they hide it (shell.Revealer).
func (v *partnersView) Reveal(kind, id string) bool {
	if kind != data.SearchPartner {
		return false
	}
	at := func() int { return slices.IndexFunc(v.shown, func(p data.Partner) bool { return p.ID == id }) }
	if at() < 0 {
		v.search.SetText("")
		v.country.SetSelected(allCountries)
		v.role.SetSelected(allRoles)
	}
	i := at()
	if i < 0 {
		return false
	}
	v.list.Select(i) // the form follows, after asking about its unsaved changes
	v.list.ScrollTo(i)
	return true
}
