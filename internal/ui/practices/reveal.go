package practices

import (
	"slices"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Reveal selects a good practice found by the search (Ctrl+K), clearing
// the filters when they hide it (shell.Revealer).
func (v *practicesView) Reveal(kind, id string) bool {
	if kind != data.SearchPractice {
		return false
	}
	at := func() int { return slices.IndexFunc(v.shown, func(gp data.GoodPractice) bool { return gp.ID == id }) }
	if at() < 0 {
		v.owner.SetSelected(allOwners)
		v.subTheme.SetSelected(allSubThemes)
	}
	i := at()
	if i < 0 {
		return false
	}
	v.list.Select(i)
	v.list.ScrollTo(i)
	return true
}
