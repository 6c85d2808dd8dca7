package shell_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// waitForText waits for s in the top dialog: the check runs off the UI goroutine.
func waitForText(t *testing.T, sh interface{ Window() fyne.Window }, s string) fyne.CanvasObject {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		var found fyne.CanvasObject
		fyne.DoAndWait(func() {
			if top := sh.Window().Canvas().Overlays().Top(); top != nil && uitest.TextIn(top, s) {
				found = top
			}
		})
		if found != nil {
			return found
		}
	}
	t.Fatalf("no dialog saying %q", s)
	return nil
}

func TestRestoreFromBackupChecksAndTellsHow(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	dir := t.TempDir()
	backup := filepath.Join(dir, "my backup.db")
	if err := sh.Store().Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	sh.CheckRestore(backup)
	d := waitForText(t, sh, "Quit AoCE Desktop, then run:")
	want := "aoce-desktop restore --db " + sh.Store().Path() + " --from '" + backup + "'"
	if !uitest.TextIn(d, "is kept as") {
		t.Fatal("the dialog does not say where the current data is kept")
	}
	if got := uitest.EntryWithText(t, d, "aoce-desktop restore").Text; got != want {
		t.Fatalf("command %q, want %q", got, want)
	}

	junk := filepath.Join(dir, "notes.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not sqlite "), 100), 0o644)
	sh.CheckRestore(junk)
	waitForText(t, sh, "cannot be restored")
}
