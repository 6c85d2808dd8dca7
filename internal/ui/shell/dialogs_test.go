package shell

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Every file dialog must open without crashing (Fyne 2.8 panics when a file
// dialog is resized before it is shown).
func TestFileDialogsOpen(t *testing.T) {
	sh := newTestShell(t, true)
	v := partnersArea(t, sh)
	v.chooseImportFile()
	if topOverlay(sh) == nil {
		t.Fatal("no partner file dialog")
	}
	sh.Window().Canvas().Overlays().Remove(topOverlay(sh))
	m := matrixArea(t, sh)
	m.importDialog()
	if topOverlay(sh) == nil {
		t.Fatal("no matrix import dialog")
	}
	sh.Window().Canvas().Overlays().Remove(topOverlay(sh))
	sh.backupDialog()
	if topOverlay(sh) == nil {
		t.Fatal("no backup dialog")
	}
}

func TestBackupRefusesTheLiveDatabase(t *testing.T) {
	sh := newTestShell(t, true)
	before, _ := os.Stat(sh.Store().Path())
	for _, name := range []string{sh.Store().Path(), sh.Store().Path() + "-wal", sh.Store().Path() + ".lock"} {
		if sh.unsafeSavePath(name) == "" {
			t.Errorf("%s is accepted as a backup target", name)
		}
	}
	sh.backupDialog()
	d := topOverlay(sh)
	name := findEntryWithText(t, d, "aoce-backup-")
	name.SetText(filepath.Base(sh.Store().Path()))
	test.Tap(buttonIn(t, d, "Save"))
	if !textIn(topOverlay(sh), "own database") {
		t.Fatal("choosing the live database as backup target was not refused")
	}
	after, err := os.Stat(sh.Store().Path())
	if err != nil || after.Size() != before.Size() {
		t.Fatalf("the database changed: %v %v → %v", err, before.Size(), after.Size())
	}
	// A real backup lands beside it.
	sh.Window().Canvas().Overlays().Remove(topOverlay(sh))
	sh.backupDialog()
	d = topOverlay(sh)
	findEntryWithText(t, d, "aoce-backup-").SetText("copy.db")
	test.Tap(buttonIn(t, d, "Save"))
	if _, err := os.Stat(filepath.Join(filepath.Dir(sh.Store().Path()), "copy.db")); err != nil {
		t.Fatalf("no backup written: %v", err)
	}
}
