package widgets

import "fyne.io/fyne/v2"

// AfterForm closes the form dialog on top of w — the one whose confirm is
// running — and then runs next. A dialog next shows survives this way:
// Fyne's overlay stack drops every overlay above the one it removes, so a
// message shown from a form's confirm vanishes when the form closes after
// it. (The shell's Form could run a Done after hiding instead.)
func AfterForm(w fyne.Window, next func()) {
	if top := w.Canvas().Overlays().Top(); top != nil {
		w.Canvas().Overlays().Remove(top)
	}
	next()
}
