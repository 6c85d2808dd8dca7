package roadmapview

import (
	"slices"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Reveal opens a meeting found by the search on the Meetings tab
// (shell.Revealer).
func (v *roadmapView) Reveal(kind, id string) bool {
	if kind != data.SearchMeeting || !slices.ContainsFunc(v.meetings.meetings, func(m data.Meeting) bool { return m.ID == id }) {
		return false
	}
	shown := false
	v.sh.Leave(v.meetings, func() {
		v.tabs.SelectIndex(1)
		v.meetings.selectID(id)
		shown = true
	}, nil)
	return shown
}
