package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// layoutAgain lays o out again from the top down, every container in it —
// through scrolls, splits, tabs, clips and theme overrides — at the size
// it has. A view's Reload fills its boxes anew and refreshes them, which
// lays out what is inside each box, not the boxes around it: a box that
// grew from no row to one kept its height of none, and what follows it
// (the grid's "0 rows" status line) was drawn over the new row. The shell
// calls it after it reloads the view on screen (ReloadAll: a sync that
// brought changes, an undo, a restore; ShowArea), the one way every view
// is reloaded.
func layoutAgain(o fyne.CanvasObject) {
	if o == nil || !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		for _, c := range x.Objects {
			layoutAgain(c)
		}
	case *container.Scroll:
		x.Refresh() // gives the content its new minimum size, and the bars
		layoutAgain(x.Content)
	case *container.Split:
		x.Refresh()
		layoutAgain(x.Leading)
		layoutAgain(x.Trailing)
	case *container.AppTabs:
		if it := x.Selected(); it != nil {
			layoutAgain(it.Content)
		}
	case *container.Clip:
		layoutAgain(x.Content)
	case *container.ThemeOverride:
		layoutAgain(x.Content)
	}
}
