package gridsview

import "github.com/aoce-desktop/aoce-desktop/internal/data"

// Reveal opens the grid holding a row found by the search and puts the
// cursor in the row (shell.Revealer); unsaved rows on screen are asked
// about first.
func (v *gridsView) Reveal(kind, id string) bool {
	if kind != data.SearchGridRow {
		return false
	}
	at, err := v.sh.Store().PlaceOf(v.sh.Ctx(), kind, id)
	if err != nil {
		v.sh.ShowError(err)
		return false
	}
	shown := false
	v.sh.Leave(v, func() {
		v.grid = data.LearningGrid{MeetingID: at.MeetingID, PartnerID: at.PartnerID, ThemeKey: at.ThemeKey}
		v.showChosen() // the choosers on the row's grid
		v.load()
		for _, f := range v.rows {
			if f.id == id {
				v.sh.Window().Canvas().Focus(f.learning)
				shown = true
			}
		}
	}, nil)
	return shown
}
