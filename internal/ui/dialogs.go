package ui

import (
	"fyne.io/fyne/v2/dialog"
)

// confirmDelete asks before remove runs; after runs once it succeeded, and
// a failure is shown instead.
func (sh *Shell) confirmDelete(title, msg string, remove func() error, after func()) {
	dialog.NewConfirm(title, msg, func(ok bool) {
		if !ok {
			return
		}
		if err := remove(); err != nil {
			sh.showError(err)
			return
		}
		after()
	}, sh.win).Show()
}
