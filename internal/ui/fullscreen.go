package ui

import "fyne.io/fyne/v2"

// fullScreen shows view alone on the whole screen, without menus, with its
// own keys, and returns the function that brings the window back. Used by
// every presenter view (matrix, survey results, live session).
func (sh *Shell) fullScreen(view fyne.CanvasObject, keys func(*fyne.KeyEvent)) (leave func()) {
	before, size := sh.win.Content(), sh.win.Canvas().Size()
	sh.win.Canvas().Unfocus()
	sh.win.SetMainMenu(nil) // no chrome on the projector
	sh.win.SetContent(view)
	sh.win.SetFullScreen(true)
	sh.win.Canvas().SetOnTypedKey(keys)
	return func() {
		sh.win.SetFullScreen(false)
		sh.win.Resize(size) // the window as it was, not the screen's size
		sh.win.Canvas().SetOnTypedKey(sh.typedKey)
		sh.win.SetContent(before)
		sh.win.SetMainMenu(sh.mainMenu())
	}
}
