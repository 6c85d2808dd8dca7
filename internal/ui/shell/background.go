package shell

import (
	"context"
	"errors"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
	"path/filepath"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// BackgroundJob is long work (an import, an export, a backup) run off the
// UI goroutine behind a progress dialog with Cancel.
type BackgroundJob struct {
	Title     string // the dialog's title
	Cancelled string // what the user is told after Cancel
	// Loses says what stopping would throw away ("The import so far is not
	// stored."); when set, Cancel asks before stopping.
	Loses string
	// Work may report progress: a status line and the share done (0–1);
	// until it does, the bar just shows that something is happening. It
	// must end soon after ctx is cancelled.
	Work   func(ctx context.Context, progress func(status string, fraction float64)) error
	Failed func(error) // nil: the error is shown as it is
	Done   func()      // on the UI goroutine, after success
}

// InBackground runs j. The progress dialog stays until the work has
// returned: Cancel (or Escape) asks the work to stop — after asking, when
// stopping loses something — and the dialog says it is stopping until the
// work has let go of the store. Jobs end with the app (Shell.Ctx).
func (sh *Shell) InBackground(j BackgroundJob) {
	appCtx := sh.ctx // the store's: a move to another database replaces sh.ctx
	ctx, cancel := context.WithCancel(appCtx)
	busy, bar, status := widget.NewProgressBarInfinite(), widget.NewProgressBar(), widget.NewLabel("")
	bar.Hide()
	status.Hide()
	var stop *widgets.Button
	stopNow := func() {
		cancel()
		stop.Disable()
		stop.SetText(lang.L("Stopping…"))
	}
	askStop := func() {
		if stop.Disabled() {
			return
		}
		if j.Loses == "" {
			stopNow()
			return
		}
		sh.Ask(Question{Title: "Stop " + lowerFirst(j.Title) + "?", Message: j.Loses, Confirm: lang.L("Stop"), Dismiss: lang.L("Keep going"), NoEnter: true,
			OnAnswer: func(yes bool) {
				if yes {
					stopNow()
				}
			}})
	}
	stop = widgets.NewButton(lang.L("Cancel"), askStop)
	d := dialog.NewCustomWithoutButtons(j.Title, container.NewVBox(busy, bar, status), sh.win)
	d.SetButtons([]fyne.CanvasObject{stop})
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	sh.Keys(DialogKeys{Escape: askStop, Keep: true})
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
	sh.jobs.Add(1)
	run := func() {
		defer sh.jobs.Done()
		err := j.Work(ctx, progress)
		cancel()
		fyne.Do(func() {
			d.Hide()
			switch {
			case errors.Is(err, context.Canceled) && appCtx.Err() != nil:
				// the app is stopping, or its store closing: nobody to tell
			case errors.Is(err, context.Canceled):
				sh.ShowMessage(lang.L("Cancelled"), j.Cancelled)
			case err != nil && j.Failed != nil:
				j.Failed(err)
			case err != nil:
				sh.ShowError(err)
			default:
				j.Done()
			}
			if sh.JobEnded != nil {
				sh.JobEnded()
			}
		})
	}
	sh.startJob(run)
}

// startJob runs work off the UI goroutine: on a goroutine of its own, or,
// in tests, as StartJob says — the test driver has no UI goroutine, and a
// test that runs jobs once its key or tap has returned keeps the window's
// state to one goroutine.
func (sh *Shell) startJob(run func()) {
	if sh.StartJob != nil {
		sh.StartJob(run)
		return
	}
	go run()
}

// lowerFirst is s with a lower-case first letter, for a title used inside
// a sentence ("Importing answers.csv" → "Stop importing answers.csv?").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// ExportInBackground writes an export off the UI goroutine behind the
// progress dialog; write returns what to tell the user once it is done,
// beside Open and Show in folder.
func (sh *Shell) ExportInBackground(path string, write func(ctx context.Context, progress func(string, float64)) (string, error)) {
	var said string
	sh.InBackground(BackgroundJob{
		Title: "Exporting " + filepath.Base(path), Cancelled: lang.L("The export was cancelled; nothing was written."),
		Work: func(ctx context.Context, progress func(string, float64)) error {
			var err error
			said, err = write(ctx, progress)
			return err
		},
		Done: func() {
			sh.showExported(path, said)
			if sh.Exported != nil {
				sh.Exported()
			}
		},
	})
}

// Quietly runs work the user need not wait for (indexing a survey's
// answers for search) off the UI goroutine, with no dialog. Like
// InBackground's jobs it ends with the app, which waits for it when
// stopping. An error is logged, not shown: such work is done again at the
// next start.
func (sh *Shell) Quietly(what string, work func(ctx context.Context) error) {
	ctx := sh.ctx // read here: a move to another database replaces sh.ctx
	sh.jobs.Add(1)
	go func() {
		defer sh.jobs.Done()
		if err := work(ctx); err != nil && ctx.Err() == nil {
			sh.logError(what, err)
		}
	}()
}
