package gridsview

import "github.com/aoce-desktop/aoce-desktop/internal/data"

// Reveal opens the grid holding a row found by the search and puts the
// cursor in the row (shell.Revealer); unsaved rows on screen are asked
// about first.
func (v *gridsView) Reveal(kind, id string) bool {
	return v.sh.RevealPlace(v, kind, data.SearchGridRow, id, func(at data.SearchPlace) bool {
		v.grid = data.LearningGrid{MeetingID: at.MeetingID, PartnerID: at.PartnerID, ThemeKey: at.ThemeKey}
		v.showChosen() // the choosers on the row's grid
		v.load()
		for _, f := range v.rows {
			if f.id == id {
				v.sh.Window().Canvas().Focus(f.learning)
				return true
			}
		}
		return false
	})
}
