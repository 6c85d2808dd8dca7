package shell

import (
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// A slow open shows "Checking your data…" in the window meanwhile and
// gives the window back what it showed before its result is handed on; a
// quick one never shows it.
func TestSlowOpenShowsCheckingThenGivesTheWindowBack(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("AoCE Desktop")
	t.Cleanup(w.Close)
	before := widget.NewLabel("the network on screen")
	w.SetContent(before)
	errSlow := errors.New("refused after a while")
	release, done := make(chan struct{}), make(chan error, 1)
	offUI(w, "big.db", func(run func()) { go run() }, func() (*data.Store, error) { <-release; return nil, errSlow }, func(_ *data.Store, err error) {
		if w.Content() != before {
			t.Error("done ran before the window had its content back")
		}
		done <- err
	})
	if w.Content() == before {
		t.Fatal("no checking screen while a slow open runs")
	}
	close(release)
	select {
	case err := <-done:
		if err != errSlow {
			t.Fatalf("done got %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("done never ran")
	}

	offUI(w, "small.db", func(run func()) { go run() }, func() (*data.Store, error) { return nil, nil }, func(*data.Store, error) {
		if w.Content() != before {
			t.Error("a quick open changed the window")
		}
		done <- nil
	})
	<-done
}
