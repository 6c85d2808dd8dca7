package shell_test

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// jobEnded returns a channel closed once the next background job's end
// has been reported. Fyne's test driver runs fyne.Do on the calling
// goroutine, so tests wait for this before looking at the screen.
func jobEnded(sh *shell.Shell) <-chan struct{} {
	ended := make(chan struct{})
	sh.JobEnded = func() { close(ended) }
	return ended
}

// waitFor waits for c or fails after a while.
func waitFor(t *testing.T, what string, c <-chan struct{}) {
	t.Helper()
	select {
	case <-c:
	case <-time.After(20 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
}

// Escape never closes a running job's progress dialog: it asks, as
// Cancel does, and the dialog stays until the work has let go.
func TestProgressDialogStaysUnderARunningJob(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	started, stopped := make(chan struct{}), make(chan struct{})
	sh.InBackground(shell.BackgroundJob{
		Title: "Importing answers.csv", Cancelled: "The import was cancelled; nothing was stored.",
		Loses: "Nothing of the import is stored.",
		Work: func(ctx context.Context, progress func(string, float64)) error {
			close(started)
			<-ctx.Done()
			<-stopped // the job takes a moment to let go
			return ctx.Err()
		},
		Done: func() { t.Error("a cancelled job reported success") },
	})
	<-started
	progress := uitest.TopOverlay(sh)
	uitest.Key(sh, fyne.KeyEscape)
	ask := uitest.TopOverlay(sh)
	if ask == progress || !uitest.TextIn(ask, "Nothing of the import is stored.") {
		t.Fatal("Escape on the progress dialog did not ask whether to stop")
	}
	uitest.Key(sh, fyne.KeyEscape) // Escape on the question: keep going
	if uitest.TopOverlay(sh) != progress {
		t.Fatal("Escape on the question did not go back to the progress dialog")
	}
	test.Tap(uitest.ButtonIn(t, progress, "Cancel"))
	tap(t, sh, "Stop")
	if uitest.TopOverlay(sh) != progress {
		t.Fatal("the progress dialog closed while the job was still running")
	}
	if _, ok := uitest.Find(progress, func(b *widget.Button) bool { return b.Text == "Stopping…" && b.Disabled() }); !ok {
		t.Error("the dialog does not say it is stopping")
	}
	ended := jobEnded(sh)
	close(stopped)
	waitFor(t, "the job's end", ended)
	if top := uitest.TopOverlay(sh); top == progress || !uitest.TextIn(top, "nothing was stored") {
		t.Fatal("after the job let go, the progress dialog is still up or the cancel is not reported")
	}
}
