package ui

import (
	"context"
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// backgroundJob is long work (an import, an export) run off the UI
// goroutine behind a progress dialog with Cancel.
type backgroundJob struct {
	title     string // the dialog's title
	cancelled string // what the user is told after Cancel
	// work may report progress: a status line and the share done (0–1);
	// until it does, the bar just shows that something is happening.
	work   func(ctx context.Context, progress func(status string, fraction float64)) error
	failed func(error) // nil: the error is shown as it is
	done   func()      // on the UI goroutine, after success
}

func (sh *Shell) inBackground(j backgroundJob) {
	ctx, cancel := context.WithCancel(sh.ctx)
	busy, bar, status := widget.NewProgressBarInfinite(), widget.NewProgressBar(), widget.NewLabel("")
	bar.Hide()
	status.Hide()
	stop := widget.NewButton("Cancel", cancel)
	d := dialog.NewCustomWithoutButtons(j.title, container.NewVBox(busy, bar, status), sh.win)
	d.SetButtons([]fyne.CanvasObject{stop})
	d.Show()
	progress := func(text string, fraction float64) {
		fyne.Do(func() {
			busy.Stop()
			busy.Hide()
			bar.Show()
			bar.SetValue(fraction)
			status.SetText(text)
			status.Show()
		})
	}
	go func() {
		err := j.work(ctx, progress)
		cancel()
		fyne.Do(func() {
			d.Hide()
			switch {
			case errors.Is(err, context.Canceled):
				widgets.ShowMessage(sh.win, "Cancelled", j.cancelled)
			case err != nil && j.failed != nil:
				j.failed(err)
			case err != nil:
				sh.showError(err)
			default:
				j.done()
			}
		})
	}()
}

// exportInBackground writes an export off the UI goroutine behind the
// progress dialog; write returns what to tell the user once it is done.
func (sh *Shell) exportInBackground(path string, write func(ctx context.Context, progress func(string, float64)) (string, error)) {
	var said string
	sh.inBackground(backgroundJob{
		title: "Exporting " + filepath.Base(path), cancelled: "The export was cancelled; nothing was written.",
		work: func(ctx context.Context, progress func(string, float64)) error {
			var err error
			said, err = write(ctx, progress)
			return err
		},
		done: func() {
			widgets.ShowMessage(sh.win, "Exported", said)
			if sh.exported != nil {
				sh.exported()
			}
		},
	})
}
