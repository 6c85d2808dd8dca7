package shell

import (
	"time"

	"fyne.io/fyne/v2"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// FullScreen shows view alone on the whole screen, without menus, with its
// own keys, and returns the function that brings the window back. Used by
// every presenter view (matrix, survey results, live session). The shell
// routes the common keys (presenterkeys.go: the view sees Right for next,
// Left for back); own lists the view's other keys for the help on F1.
func (sh *Shell) FullScreen(view fyne.CanvasObject, keys func(*fyne.KeyEvent), own ...KeyHelp) (leave func()) {
	before, size, title := sh.win.Content(), sh.win.Canvas().Size(), sh.win.Title()
	sh.win.SetTitle(title + " — " + PresenterKeys) // for the presenter (taskbar, window switcher), never on the slide the room reads
	sh.presenting = true
	sh.win.Canvas().Unfocus()
	sh.win.SetMainMenu(nil) // no chrome on the projector
	sh.win.SetContent(view)
	sh.win.SetFullScreen(true)
	sh.win.Canvas().SetOnTypedKey(sh.presenterKeys(keys, own))
	// Drawn again once the window has its full-screen size: on Linux the
	// driver paints only what changed, and the window's surface may grow
	// after the first frame was painted at the old size — the room then saw
	// the corner of the first slide until a key was pressed.
	stopRedraw := sh.After(fullScreenSettles, func() {
		if sh.win.Content() == view {
			sh.win.Canvas().Refresh(view)
		}
	})
	return func() {
		stopRedraw()
		sh.win.SetFullScreen(false)
		sh.win.Resize(size) // the window as it was, not the screen's size
		sh.restoreKeys()
		sh.win.SetContent(before)
		sh.win.SetMainMenu(sh.mainMenu())
		sh.win.SetTitle(title)
		sh.presenting = false
	}
}

// fullScreenSettles is how long a window takes to become full screen.
const fullScreenSettles = 500 * time.Millisecond

// Presenting tells whether a full-screen view is up.
func (sh *Shell) Presenting() bool { return sh.presenting }

// PresentSlides shows count slides full screen, drawn by render: the
// common keys step (presenterkeys.go), Down and Up too, Home goes to the
// first slide, Esc or F11 leave.
func (sh *Shell) PresentSlides(count int, render func(index int, size fyne.Size) fyne.CanvasObject) {
	index := 0
	view := widgets.NewSlideView(func(size fyne.Size) fyne.CanvasObject { return render(index, size) })
	var leave func()
	leave = sh.FullScreen(view, func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyEscape, fyne.KeyF11:
			leave()
			return
		case fyne.KeyRight, fyne.KeyDown:
			index = min(index+1, count-1)
		case fyne.KeyLeft, fyne.KeyUp:
			index = max(index-1, 0)
		case fyne.KeyHome:
			index = 0
		default:
			return
		}
		view.Refresh()
	}, KeyHelp{"Down, Up", "next, back"}, KeyHelp{"Home", "first slide"})
}
