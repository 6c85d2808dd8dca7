package shell

import (
	"fyne.io/fyne/v2"
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
// ones and the view's own) over the slide, drawn for the screen
// (keyshelp.go). F1 or Esc closes it; any other key closes it and does what
// it always does, so a presenter who looked up a key goes on at once. The
// rest go, as commonKey makes them, to the view.
func (sh *Shell) presenterKeys(view func(*fyne.KeyEvent), own []KeyHelp) func(*fyne.KeyEvent) {
	var help *widget.PopUp
	return func(e *fyne.KeyEvent) {
		if help != nil {
			help.Hide()
			help = nil
			if e.Name == fyne.KeyF1 || e.Name == fyne.KeyEscape {
				return
			}
		} else if e.Name == fyne.KeyF1 && sh.win.Canvas().Overlays().Top() == nil {
			keys := append(append([]KeyHelp{}, commonKeys...), own...)
			help = widget.NewModalPopUp(keysHelp(keys, sh.win.Canvas().Size()), sh.win.Canvas())
			help.Show()
			return
		}
		view(commonKey(e))
	}
}
