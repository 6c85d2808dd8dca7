package shell_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
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
		t.Fatalf("no dialog saying %q: %q", s, topText(sh))
	}
	return top
}

// backedUp is a backup of the shell's store, written now.
func backedUp(t *testing.T, sh *shell.Shell) string {
	t.Helper()
	backup := filepath.Join(t.TempDir(), "monday.db")
	if err := sh.Store().Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	return backup
}

func names(t *testing.T, s *data.Store) []string {
	t.Helper()
	ns, err := s.Networks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range ns {
		out = append(out, n.Name)
	}
	return out
}

// The window restores a backup itself: after the check and the question,
// the data is the backup's, the replaced file is kept beside it with its
// rows, and the window holds the file again (a second writer is refused).
func TestRestoreInTheWindowReplacesTheDataAndKeepsTheOld(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	ctx := context.Background()
	db := sh.Store().Path()
	backup := backedUp(t, sh)
	if _, err := sh.Store().CreateNetwork(ctx, data.Network{Name: "After The Backup"}); err != nil {
		t.Fatal(err)
	}
	before := sh.Store()
	opener := &recordingOpener{}
	sh.Opener = opener
	checked(t, sh, backup, "Replace the data of shell.db with the backup of")
	if !strings.Contains(topText(sh), "The current data is kept as shell.replaced-") {
		t.Fatalf("the question does not say where the data goes: %q", topText(sh))
	}
	done := reopened(sh)
	tap(t, sh, "Replace with the backup")
	waitFor(t, "the restore", done)
	if sh.Store() == before || sh.Store().Path() != db {
		t.Fatal("the window is not on the restored file")
	}
	if got := names(t, sh.Store()); slices.Contains(got, "After The Backup") {
		t.Fatalf("the data is not the backup's: %v", got)
	}
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "shell.replaced-*.db"))
	if len(kept) != 1 || !strings.Contains(topText(sh), filepath.Base(kept[0])) || !strings.Contains(topText(sh), filepath.Dir(kept[0])) {
		t.Fatalf("kept %v; the message says %q", kept, topText(sh))
	}
	// The kept file may be in a hidden folder (~/.local) Fyne's file
	// dialog does not list: the message shows it in the file manager, or
	// opens it.
	uitest.ButtonIn(t, uitest.TopOverlay(sh), "Open that database")
	tap(t, sh, "Show in folder")
	if !slices.Equal(opener.shown, kept) {
		t.Fatalf("Show in folder showed %v, want %v", opener.shown, kept)
	}
	old, err := data.Open(kept[0], data.Reader)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(t, old); !slices.Contains(got, "After The Backup") {
		t.Fatalf("the kept file holds %v", got)
	}
	old.Close()
	if _, err := data.Open(db, data.Writer); !errors.Is(err, data.ErrLocked) {
		t.Fatalf("a second writer on the restored file: %v, want it refused", err)
	}
	if sh.Network().ID == "" {
		t.Fatal("no network open after the restore")
	}
}

// Another instance restoring the window's file (the command line) is
// refused while the window has it, and a backup that is not ours is
// refused before anything changes.
func TestRestoreRefusedWhileTheWindowHoldsTheFile(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	ctx := context.Background()
	db := sh.Store().Path()
	backup := backedUp(t, sh)
	if _, err := data.Restore(ctx, backup, db); !errors.Is(err, data.ErrLocked) {
		t.Fatalf("a second instance's restore: %v, want it refused", err)
	}
	junk := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not sqlite "), 100), 0o644)
	checked(t, sh, junk, "cannot be restored")
	if kept, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "*replaced*")); len(kept) > 0 {
		t.Fatalf("a refused restore kept %v", kept)
	}
}
