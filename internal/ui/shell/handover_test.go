package shell_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/autobackup"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/sync"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// exported is the shell's open network as a hand-over file.
func exported(t *testing.T, sh *shell.Shell) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "aoce.aoce")
	if _, err := sh.Store().ExportNetwork(context.Background(), sh.Network().ID, out, "test"); err != nil {
		t.Fatal(err)
	}
	return out
}

func previewed(t *testing.T, sh *shell.Shell, path string) string {
	t.Helper()
	ended := jobEnded(sh)
	sh.PreviewHandover(path)
	waitFor(t, "reading the hand-over file", ended)
	return topText(sh)
}

// The preview names the network, when and where it was exported and what
// it holds; into the database that has it, Merge and Keep both are offered;
// Keep both imports a copy, which opens, and Undo moves it to the trash.
func TestImportPreviewThenKeepBothAndUndo(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	orig := sh.Network()
	file := exported(t, sh)
	text := previewed(t, sh, file)
	for _, want := range []string{orig.Name, "Exported ", "(AoCE Desktop test)", "partners\n", "good practices\n", "meetings\n", "This database has this network already"} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview does not say %q:\n%s", want, text)
		}
	}
	top := uitest.TopOverlay(sh)
	if uitest.ButtonIn(t, top, "Merge").Disabled() || uitest.ButtonIn(t, top, "Keep both").Disabled() {
		t.Error("Merge and Keep both should be enabled")
	}
	ended := jobEnded(sh)
	tap(t, sh, "Keep both")
	waitFor(t, "the import", ended)
	copyName := orig.Name + " (imported " + time.Now().Format("2006-01-02") + ")"
	if sh.Network().Name != copyName || sh.Network().ID == orig.ID {
		t.Fatalf("the window shows %+v", sh.Network())
	}
	if got := names(t, sh.Store()); !slices.Equal(got, []string{orig.Name, copyName}) {
		t.Fatalf("networks: %v", got)
	}
	if !strings.HasPrefix(sh.UndoName(), "import network") {
		t.Fatalf("undo offers %q", sh.UndoName())
	}
	sh.Undo()
	if got := names(t, sh.Store()); !slices.Equal(got, []string{orig.Name}) {
		t.Errorf("after Undo: %v", got)
	}
	if sh.Network().ID != orig.ID {
		t.Errorf("after Undo the window shows %+v", sh.Network())
	}
}

// Merge brings the file's edits into the network this database has (as a
// sync would), keeps one network, and takes a backup first: no undo step,
// the backup is the way back.
func TestMergeBringsTheFilesEditsAndBacksUpFirst(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	orig := sh.Network()
	ctx := context.Background()
	ps, err := sh.Store().Partners(ctx, orig.ID)
	if err != nil || len(ps) == 0 {
		t.Fatal(ps, err)
	}
	// The file's copy of the network gets an edit this database does not have.
	other := filepath.Join(t.TempDir(), "other.db")
	if err := sh.Store().Backup(ctx, other); err != nil {
		t.Fatal(err)
	}
	laptop, err := data.Open(other, data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sync.NewLaptopID(ctx, laptop); err != nil { // a laptop of its own
		t.Fatal(err)
	}
	p, population := ps[0], int64(123456)
	p.Population = &population
	if _, err := laptop.SavePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "edited.aoce")
	if _, err := laptop.ExportNetwork(ctx, orig.ID, file, "the other laptop"); err != nil {
		t.Fatal(err)
	}
	laptop.Close()
	previewed(t, sh, file)
	ended := jobEnded(sh)
	tap(t, sh, "Merge")
	waitFor(t, "the merge", ended)
	if got := names(t, sh.Store()); !slices.Equal(got, []string{orig.Name}) {
		t.Fatalf("networks after the merge: %v", got)
	}
	got, err := sh.Store().Partner(ctx, p.ID)
	if err != nil || got.Population == nil || *got.Population != population {
		t.Fatalf("the file's edit did not arrive: %v %v", got.Population, err)
	}
	if list, err := autobackup.List(autobackup.DefaultFolder(sh.Store().Path())); err != nil || len(list) == 0 {
		t.Fatalf("no backup before the merge: %v %v", list, err)
	}
}

// Into a database that does not have the network the preview offers Import.
func TestImportPreviewIntoAnotherDatabase(t *testing.T) {
	from, _ := newFakeShell(t, true)
	file := exported(t, from)
	sh, _ := newFakeShell(t, false)
	text := previewed(t, sh, file)
	if strings.Contains(text, "already") || strings.Contains(text, "Merge") {
		t.Errorf("a database without the network: %s", text)
	}
	ended := jobEnded(sh)
	tap(t, sh, "Import")
	waitFor(t, "the import", ended)
	if sh.Network().ID != from.Network().ID {
		t.Errorf("the window shows %+v", sh.Network())
	}
}

// A file that is not a hand-over is refused with what it is.
func TestImportRefusesAWholeDatabase(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	text := previewed(t, sh, backedUp(t, sh))
	if !strings.Contains(text, "nothing was imported") || !strings.Contains(text, "not a hand-over file") {
		t.Errorf("%s", text)
	}
}

// Restore from backup… lists the automatic backups, newest first, with
// date, reason and size; choosing one goes to the restore's check and
// question; "Other file…" is there too.
func TestRestoreListsTheAutomaticBackups(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	dir := autobackup.DefaultFolder(sh.Store().Path())
	sh.RestoreDialog()
	if !strings.Contains(topText(sh), "No automatic backup in "+dir) {
		t.Fatalf("empty folder: %s", topText(sh))
	}
	tap(t, sh, "Cancel")
	k := &autobackup.Keeper{Source: sh.Store(), Now: func() time.Time { return time.Date(2026, 11, 30, 8, 15, 0, 0, time.Local) }}
	if _, err := k.Daily(context.Background()); err != nil {
		t.Fatal(err)
	}
	k.Now = func() time.Time { return time.Date(2026, 12, 1, 9, 30, 0, 0, time.Local) }
	if _, err := k.Before(context.Background(), "sync"); err != nil {
		t.Fatal(err)
	}
	list, _ := autobackup.List(dir)
	sh.RestoreDialog()
	top := uitest.TopOverlay(sh)
	var rows *widget.List
	uitest.Walk(top, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.List); ok {
			rows = l
		}
		return true
	})
	if rows == nil || rows.Length() != 2 {
		t.Fatalf("no list of two backups: %s", topText(sh))
	}
	if !strings.Contains(topText(sh), shell.BackupLine(list[0])) || !strings.Contains(shell.BackupLine(list[0]), "before a sync") ||
		!strings.Contains(shell.BackupLine(list[1]), "daily") || !strings.Contains(shell.BackupLine(list[1]), "KB") {
		t.Errorf("rows: %s / %s\n%s", shell.BackupLine(list[0]), shell.BackupLine(list[1]), topText(sh))
	}
	uitest.ButtonIn(t, top, "Other file…")
	ended := jobEnded(sh)
	rows.Select(1)
	waitFor(t, "the backup check", ended)
	if !strings.Contains(topText(sh), "Replace the data of shell.db with the backup of") || !strings.Contains(topText(sh), filepath.Base(list[1].Path)) {
		t.Errorf("the question: %s", topText(sh))
	}
}

// Two backups before syncs of one minute (of one size) read apart in the
// list: each shows its seconds, so the one to restore can be told.
func TestTwoBackupsOfOneMinuteReadApart(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	k := &autobackup.Keeper{Source: sh.Store()}
	for _, sec := range []int{5, 9} {
		at := time.Date(2026, 12, 1, 9, 30, sec, 0, time.Local)
		k.Now = func() time.Time { return at }
		out, err := k.Before(context.Background(), "sync")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(out, at, at); err != nil { // written at that second
			t.Fatal(err)
		}
	}
	sh.RestoreDialog()
	text := topText(sh)
	for _, want := range []string{"1 Dec 2026 09:30:05 · before a sync", "1 Dec 2026 09:30:09 · before a sync"} {
		if !strings.Contains(text, want) {
			t.Errorf("the list does not say %q:\n%s", want, text)
		}
	}
	// Files whose time is not the one their names say (copied from
	// elsewhere) are told apart by their place in the minute.
	list, err := k.List()
	if err != nil || len(list) != 2 {
		t.Fatalf("backups %v, %v", list, err)
	}
	for _, b := range list {
		if err := os.Chtimes(b.Path, time.Now(), time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	list, _ = k.List()
	if lines := shell.BackupLines(list); len(lines) != 2 || !strings.HasPrefix(lines[0], "1 Dec 2026 09:30 (2) · before a sync") || !strings.HasPrefix(lines[1], "1 Dec 2026 09:30 (1) · before a sync") {
		t.Errorf("copied backups read %q", lines)
	}
}

// Opening a database writes its day's backup beside it, off the UI
// goroutine, once a day.
func TestOpeningADatabaseBacksItUpOnceADay(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	other := filepath.Join(t.TempDir(), "other.db")
	if err := sh.Store().Backup(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	sh.EnableAutoBackups()
	home := sh.Store().Path()
	backedUp := make(chan struct{})
	var written string
	var failed error
	sh.AutoBackedUp = func(p string, err error) { written, failed = p, err; close(backedUp) }
	openDatabase(t, sh, other)
	waitFor(t, "the automatic backup", backedUp)
	if failed != nil || filepath.Dir(written) != filepath.Join(filepath.Dir(other), "backups") {
		t.Fatalf("written %q, %v", written, failed)
	}
	if _, err := os.Stat(written); err != nil {
		t.Fatal(err)
	}
	// Back to the first database (its day's backup), then to the other
	// again the same day: none is due.
	for _, db := range []string{home, other} {
		backedUp = make(chan struct{})
		openDatabase(t, sh, db)
		waitFor(t, "the backup check of "+db, backedUp)
	}
	if failed != nil || written != "" {
		t.Errorf("a second start the same day: %q, %v", written, failed)
	}
}

// Into the database that has the network under another name, the preview
// names the network here and says what Merge does, as it says Keep both.
func TestImportPreviewExplainsMergeAndNamesTheNetworkHere(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	file := exported(t, sh)
	n := sh.Network()
	n.Name = "AoCE (renamed here)"
	if err := sh.Store().UpdateNetwork(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	text := previewed(t, sh, file)
	for _, want := range []string{"“AoCE (renamed here)”", "Merge brings", "conflicts", "backup"} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview does not say %q:\n%s", want, text)
		}
	}
}
