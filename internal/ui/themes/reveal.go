package themes

import "github.com/aoce-desktop/aoce-desktop/internal/data"

// Reveal selects a sub-theme found by the search (shell.Revealer); its
// form follows, after asking about unsaved changes.
func (v *themesView) Reveal(kind, id string) bool {
	if kind != data.SearchSubTheme {
		return false
	}
	for _, th := range v.themes {
		for _, st := range th.SubThemes {
			if st.ID == id {
				v.selectIDs(th.ID, st.ID)
				return v.selected == v.rowOf(th.ID, st.ID)
			}
		}
	}
	return false
}
