package shell_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// reopened returns a channel closed once the next move to another
// database has ended (opened or refused).
func reopened(sh *shell.Shell) <-chan struct{} {
	done := make(chan struct{})
	sh.Reopened = func() { close(done) }
	return done
}

// openDatabase opens path in the window and waits until that has ended.
func openDatabase(t *testing.T, sh *shell.Shell, path string) {
	t.Helper()
	done := reopened(sh)
	sh.OpenDatabase(path)
	waitFor(t, "opening "+filepath.Base(path), done)
}

// databaseWith is a database file in dir holding networks of these names.
func databaseWith(t *testing.T, dir, name string, networks ...string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	s, err := data.Open(path, data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, n := range networks {
		if _, err := s.CreateNetwork(context.Background(), data.Network{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// A second database opens in the window with its network; the first is
// closed (its lock let go), unsaved edits are asked about first.
func TestOpenAnotherDatabaseShowsItsNetwork(t *testing.T) {
	sh, views := newFakeShell(t, true)
	first := sh.Store()
	other := databaseWith(t, t.TempDir(), "water.db", "Cities of Water")
	v := (*views)[0]
	v.typed = "typed before the move"
	done := reopened(sh)
	sh.OpenDatabase(other)
	if !strings.Contains(topText(sh), "not saved yet") {
		t.Fatalf("unsaved edits were not asked about: %q", topText(sh))
	}
	tap(t, sh, "Save")
	waitFor(t, "opening water.db", done)
	if v.stored != "typed before the move" || !v.flushed {
		t.Fatalf("the edit was not stored (%q) or the view not flushed (%v) before the move", v.stored, v.flushed)
	}
	if sh.Store().Path() != other || sh.Network().Name != "Cities of Water" {
		t.Fatalf("open: %s, network %q", sh.Store().Path(), sh.Network().Name)
	}
	if got := sh.Window().Title(); got != "Cities of Water — water.db — AoCE Desktop" {
		t.Fatalf("title %q", got)
	}
	if _, err := first.Networks(context.Background()); err == nil {
		t.Fatal("the first database is still open")
	}
	again, err := data.Open(first.Path(), data.Writer)
	if err != nil {
		t.Fatalf("the first database is still locked: %v", err)
	}
	again.Close()
	if last := (*views)[len(*views)-1]; last == v || sh.CurrentView() != last {
		t.Fatal("the areas were not built again on the new database")
	}
	if got := sh.RecentDatabases(); len(got) != 2 || got[0] != other || got[1] != first.Path() {
		t.Fatalf("recent databases %v", got)
	}
	openDatabase(t, sh, first.Path())
	if got := sh.Window().Title(); got != sh.Network().Name+" — AoCE Desktop" {
		t.Fatalf("back on the default database, title %q", got)
	}
}

// A file that cannot be used is refused with a message naming why, and
// the database open before stays open, untouched.
func TestOpenABadFileKeepsTheCurrentDatabase(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	before, net := sh.Store(), sh.Network()
	dir := t.TempDir()
	junk := filepath.Join(dir, "notes.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not sqlite "), 100), 0o644)
	newer := databaseWith(t, dir, "newer.db", "From The Future")
	db, err := sql.Open("sqlite", newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO aoce_schema_version (version_id, is_applied, tstamp) VALUES (?, 1, CURRENT_TIMESTAMP)`, data.LatestSchemaVersion()+5); err != nil {
		t.Fatal(err)
	}
	db.Close()
	held := databaseWith(t, dir, "held.db", "Held Elsewhere")
	other, err := data.Open(held, data.Writer) // another instance has it open
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for _, bad := range []struct{ path, want string }{
		{junk, "is not a database"},
		{newer, "newer version"},
		{held, "already open in another AoCE Desktop window"},
		{filepath.Join(dir, "gone.db"), "cannot be found"},
	} {
		junkBefore, _ := os.ReadFile(bad.path)
		openDatabase(t, sh, bad.path)
		msg := topText(sh)
		if !strings.Contains(msg, bad.want) || !strings.Contains(msg, "still open: "+before.Path()) {
			t.Errorf("%s: message %q, want %q and the database still open", filepath.Base(bad.path), msg, bad.want)
		}
		tap(t, sh, "OK")
		if after, _ := os.ReadFile(bad.path); !bytes.Equal(junkBefore, after) {
			t.Errorf("%s was changed by the refused open", filepath.Base(bad.path))
		}
		if sh.Store() != before || sh.Network().ID != net.ID {
			t.Fatalf("%s: the window left its database", filepath.Base(bad.path))
		}
		if _, err := sh.Store().Networks(context.Background()); err != nil {
			t.Fatalf("%s: the current database no longer answers: %v", filepath.Base(bad.path), err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "gone.db")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("opening a missing file created it")
	}
}

// File → New database… starts an empty file: the welcome screen follows.
func TestNewDatabaseShowsTheWelcome(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	path := filepath.Join(t.TempDir(), "second network")
	done := reopened(sh)
	sh.CreateDatabase(path)
	waitFor(t, "the new database", done)
	if sh.Store().Path() != path+".db" || sh.Network().ID != "" {
		t.Fatalf("open %s, network %q", sh.Store().Path(), sh.Network().Name)
	}
	if demoBtn, _ := sh.WelcomeButtons(); demoBtn == nil {
		t.Fatal("no welcome screen on the new database")
	}
	if got := sh.Window().Title(); got != "second network.db — AoCE Desktop" {
		t.Fatalf("title %q", got)
	}
	sh.CreateDatabase(path) // it exists now
	if !strings.Contains(topText(sh), "already in") {
		t.Fatalf("an existing file was not refused: %q", topText(sh))
	}
}

// The recent databases: the last five, newest first, the open one ticked,
// one that is gone disabled.
func TestRecentDatabasesOrderAndMissingFiles(t *testing.T) {
	sh, _ := newFakeShell(t, false)
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"a.db", "b.db", "c.db", "d.db", "e.db", "f.db"} {
		p := databaseWith(t, dir, name)
		paths = append(paths, p)
		openDatabase(t, sh, p)
	}
	want := []string{paths[5], paths[4], paths[3], paths[2], paths[1]}
	if got := sh.RecentDatabases(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("recent %v, want %v", got, want)
	}
	os.Remove(paths[3]) // d.db
	openDatabase(t, sh, paths[2])
	items := sh.RecentDatabaseItems()
	if len(items) != 5 || !strings.HasPrefix(items[0].Label, "c.db — ") || !items[0].Checked {
		t.Fatalf("first item %q checked %v of %d", items[0].Label, items[0].Checked, len(items))
	}
	for _, it := range items[1:] {
		missing := strings.HasPrefix(it.Label, "d.db")
		if it.Checked || it.Disabled != missing || missing != strings.HasSuffix(it.Label, "(not found)") {
			t.Errorf("item %q: checked %v disabled %v", it.Label, it.Checked, it.Disabled)
		}
	}
	if !strings.HasPrefix(items[1].Label, "f.db") || !strings.HasPrefix(items[4].Label, "b.db") {
		t.Fatalf("order %q … %q", items[1].Label, items[4].Label)
	}
}
