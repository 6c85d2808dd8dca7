package ui

import "fyne.io/fyne/v2"

// Preference keys: what the app remembers between runs.
const (
	prefLastNetwork  = "last_network_id"
	prefWindowWidth  = "window_width"
	prefWindowHeight = "window_height"
)

// defaultWindowSize fits a 1366×768 laptop screen with room for a taskbar.
var defaultWindowSize = fyne.NewSize(1180, 720)

// restoreWindowSize resizes w to the size it had when last closed.
func restoreWindowSize(a fyne.App, w fyne.Window) {
	p := a.Preferences()
	width := p.FloatWithFallback(prefWindowWidth, float64(defaultWindowSize.Width))
	height := p.FloatWithFallback(prefWindowHeight, float64(defaultWindowSize.Height))
	w.Resize(fyne.NewSize(float32(max(width, 640)), float32(max(height, 420))))
}

func saveWindowSize(a fyne.App, w fyne.Window) {
	s := w.Canvas().Size()
	if s.Width < 100 || s.Height < 100 {
		return // not shown yet, or minimised
	}
	a.Preferences().SetFloat(prefWindowWidth, float64(s.Width))
	a.Preferences().SetFloat(prefWindowHeight, float64(s.Height))
}
