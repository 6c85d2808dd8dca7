package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// navList is the sidebar. Fyne's list takes the focus when an item is
// clicked and then gets every key; the window's own keys (F11, Escape)
// go on to the window, so F11 presents after a click in the sidebar.
type navList struct {
	widget.List
	window func(*fyne.KeyEvent)
}

func newNavList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), window func(*fyne.KeyEvent)) *navList {
	l := &navList{window: window}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *navList) TypedKey(e *fyne.KeyEvent) {
	if widgets.WindowKey(e.Name) {
		l.window(e)
		return
	}
	l.List.TypedKey(e)
}

// Sidebar is the list of areas (for tests that click it as a user does).
func (sh *Shell) Sidebar() *widget.List { return &sh.nav.List }
