package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// KeyHelp is one line of a presenter's keys: the keys and what they do.
type KeyHelp struct{ Keys, Does string }

// commonKeys are the keys every presenter answers the same way; the shell
// routes them (commonKey), so a view sees next as Right and back as Left.
var commonKeys = []KeyHelp{
	{"Right, Space or PageDown", "next"},
	{"Left or PageUp", "back"},
	{"Esc", "ends the presentation"},
	{"F1", "this list of keys"},
}

// PresenterKeys names the common keys; it goes in the window's title while
// presenting (taskbar, window switcher), so the slides never tell the room.
var PresenterKeys = "presenting: " + joinKeys(commonKeys)

func joinKeys(keys []KeyHelp) string {
	s := ""
	for i, k := range keys {
		if i > 0 {
			s += " · "
		}
		s += k.Keys + " " + k.Does
	}
	return s
}

// commonKey is the key a view sees for e: Space and PageDown step next as
// Right does, PageUp back as Left.
func commonKey(e *fyne.KeyEvent) *fyne.KeyEvent {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyPageDown:
		return &fyne.KeyEvent{Name: fyne.KeyRight, Physical: e.Physical}
	case fyne.KeyPageUp:
		return &fyne.KeyEvent{Name: fyne.KeyLeft, Physical: e.Physical}
	}
	return e
}

// presenterKeys routes a presenter's keys: F1 shows every key (the common
// ones and the view's own) until the next key; the rest go, as commonKey
// makes them, to the view.
func (sh *Shell) presenterKeys(view func(*fyne.KeyEvent), own []KeyHelp) func(*fyne.KeyEvent) {
	var help *widget.PopUp
	return func(e *fyne.KeyEvent) {
		if help != nil { // any key closes the help, and only that
			help.Hide()
			help = nil
			return
		}
		if e.Name == fyne.KeyF1 && sh.win.Canvas().Overlays().Top() == nil {
			help = widget.NewModalPopUp(keysHelp(append(append([]KeyHelp{}, commonKeys...), own...)), sh.win.Canvas())
			help.Show()
			return
		}
		view(commonKey(e))
	}
}

// keysHelp lists keys in two columns.
func keysHelp(keys []KeyHelp) fyne.CanvasObject {
	grid := container.NewGridWithColumns(2)
	for _, k := range keys {
		grid.Add(widget.NewLabelWithStyle(k.Keys, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(k.Does))
	}
	return container.NewVBox(widget.NewLabelWithStyle("Presenter keys (any key closes this)", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}), grid)
}
