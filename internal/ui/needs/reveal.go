package needs

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Reveal shows a learning need found by the search on the By partner tab,
// its line set apart and scrolled into view (shell.Revealer). The list has
// no selection: the need's line is the one in the accent colour until the
// next reload.
func (v *needsView) Reveal(kind, id string) bool {
	l := v.lines[id]
	if kind != data.SearchNeed || l == nil {
		return false
	}
	for _, other := range v.lines {
		other.Importance = widget.MediumImportance
		other.Refresh()
	}
	l.Importance = widget.HighImportance
	l.Refresh()
	v.tabs.SelectIndex(1)
	v.partners.ScrollToOffset(fyne.NewPos(0, lineTop(v.byPart, l)))
	return true
}

// lineTop is the height in the list where the row holding l starts.
func lineTop(list *fyne.Container, l *widget.Label) float32 {
	list.Refresh()
	for _, row := range list.Objects {
		if c, ok := row.(*fyne.Container); ok {
			for _, o := range c.Objects {
				if o == l {
					return row.Position().Y
				}
			}
		}
	}
	return 0
}
