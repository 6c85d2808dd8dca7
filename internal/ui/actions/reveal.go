package actions

import "github.com/aoce-desktop/aoce-desktop/internal/data"

// Reveal shows an action found by the search in its partner's table
// (shell.Revealer); an action being typed is asked about first.
func (v *actionsView) Reveal(kind, id string) bool {
	return v.sh.RevealPlace(v, kind, data.SearchAction, id, func(at data.SearchPlace) bool {
		for _, p := range v.partners {
			if p.ID == at.PartnerID {
				v.partner.Selected = p.Name
				v.partner.Refresh()
			}
		}
		v.loadShowing(id)
		v.list.ScrollTo(v.current)
		return v.current >= 0 && v.actions[v.current].ID == id
	})
}
