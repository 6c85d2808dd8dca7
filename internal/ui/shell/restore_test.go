package shell_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// checked runs the backup check and waits until its job has reported
// (the test driver runs fyne.Do on the job's goroutine), then hands back
// the dialog on top, which must say s.
func checked(t *testing.T, sh *shell.Shell, path, s string) fyne.CanvasObject {
	t.Helper()
	ended := jobEnded(sh)
	sh.CheckRestore(path)
	waitFor(t, "the backup check", ended)
	top := uitest.TopOverlay(sh)
	if top == nil || !uitest.TextIn(top, s) {
		t.Fatalf("no dialog saying %q", s)
	}
	return top
}

func TestRestoreFromBackupChecksAndTellsHow(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	dir := t.TempDir()
	backup := filepath.Join(dir, "my backup.db")
	if err := sh.Store().Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	d := checked(t, sh, backup, "Quit AoCE Desktop, then run:")
	want := "aoce-desktop restore --db " + sh.Store().Path() + " --from '" + backup + "'"
	if !uitest.TextIn(d, "is kept as") {
		t.Fatal("the dialog does not say where the current data is kept")
	}
	if got := uitest.EntryWithText(t, d, "aoce-desktop restore").Text; got != want {
		t.Fatalf("command %q, want %q", got, want)
	}

	junk := filepath.Join(dir, "notes.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not sqlite "), 100), 0o644)
	checked(t, sh, junk, "cannot be restored")
}
