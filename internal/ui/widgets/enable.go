package widgets

import "fyne.io/fyne/v2"

// EnableWhen enables b while on holds and disables it otherwise: an area's
// Save follows its form, usable only while something is typed and unsaved.
func EnableWhen(b fyne.Disableable, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
