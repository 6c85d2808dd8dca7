package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// inBackground runs work off the UI goroutine behind a progress dialog
// with Cancel; done runs on the UI goroutine when the work succeeded, and
// a failure is shown as an error.
func (sh *Shell) inBackground(title string, work func(context.Context) error, done func()) {
	ctx, cancel := context.WithCancel(sh.ctx)
	stop := widget.NewButton("Cancel", cancel)
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewProgressBarInfinite()), sh.win)
	d.SetButtons([]fyne.CanvasObject{stop})
	d.Show()
	go func() {
		err := work(ctx)
		cancel()
		fyne.Do(func() {
			d.Hide()
			switch {
			case errors.Is(err, context.Canceled):
				showMessage(sh.win, "Cancelled", "Nothing was written.")
			case err != nil:
				sh.showError(err)
			default:
				done()
			}
		})
	}()
}
