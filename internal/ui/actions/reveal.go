package actions

import "github.com/aoce-desktop/aoce-desktop/internal/data"

// Reveal shows an action found by the search in its partner's table
// (shell.Revealer); an action being typed is asked about first.
func (v *actionsView) Reveal(kind, id string) bool {
	if kind != data.SearchAction {
		return false
	}
	at, err := v.sh.Store().PlaceOf(v.sh.Ctx(), kind, id)
	if err != nil {
		v.sh.ShowError(err)
		return false
	}
	shown := false
	v.sh.Leave(v, func() {
		for _, p := range v.partners {
			if p.ID == at.PartnerID {
				v.partner.Selected = p.Name
				v.partner.Refresh()
			}
		}
		v.loadShowing(id)
		v.list.ScrollTo(v.current)
		shown = v.current >= 0 && v.actions[v.current].ID == id
	}, nil)
	return shown
}
