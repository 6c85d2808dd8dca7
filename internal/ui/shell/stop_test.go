package shell_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// When the app stops, every view stores what it can, tracked work stops,
// background jobs are cancelled and waited for, and a view that could not
// store its work is reported, not ignored.
func TestStoppingFlushesStopsAndWaits(t *testing.T) {
	sh, views := newFakeShell(t, true)
	sh.ShowArea(1)
	first, second := (*views)[0], (*views)[1]
	first.typed, second.typed = "kept", "lost"
	second.flushErr = errBroken
	var logged error
	sh.SetLogError(func(_ string, err error) { logged = err })
	liveStopped := false
	sh.Track(func() { liveStopped = true })
	untracked := false
	untrack := sh.Track(func() { untracked = true })
	untrack()
	jobEnded := make(chan struct{})
	sh.InBackground(shell.BackgroundJob{Title: "Exporting", Work: func(ctx context.Context, _ func(string, float64)) error {
		<-ctx.Done()
		close(jobEnded)
		return ctx.Err()
	}, Done: func() {}})
	var stopped error
	sh.Stopped = func(err error) { stopped = err }

	sh.WhenStopping()

	if first.stored != "kept" || !second.flushed {
		t.Fatalf("views not flushed: %q, second flushed %v", first.stored, second.flushed)
	}
	if !liveStopped || untracked {
		t.Fatalf("tracked work stopped %v, untracked work stopped %v", liveStopped, untracked)
	}
	select {
	case <-jobEnded:
	default:
		t.Fatal("the background job was still running after stopping")
	}
	if !errors.Is(stopped, errBroken) || !errors.Is(logged, errBroken) {
		t.Fatalf("the failed flush was not reported: %v / %v", stopped, logged)
	}
}

// A dropped file goes to the view on screen when it takes it, else to the
// area that takes dropped files.
func TestDroppedFilesGoWhereTheyAreTaken(t *testing.T) {
	sh, views := newFakeShell(t, true)
	sh.ShowArea(1)
	second := (*views)[1]
	second.takes = true
	sh.OnDropped("/tmp/answers.csv")
	if len(second.dropped) != 1 || sh.CurrentIndex() != 1 {
		t.Fatalf("the view on screen did not take the file: %v", second.dropped)
	}
	second.takes = false
	sh.OnDropped("/tmp/partners.csv")
	first := (*views)[0]
	if sh.CurrentIndex() != 0 || len(first.dropped) != 1 || first.dropped[0] != "/tmp/partners.csv" {
		t.Fatalf("the file did not go to the area that takes drops: on %d, %v", sh.CurrentIndex(), first.dropped)
	}
}
