package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// restoreSetup is a database with the demo network and a backup of it,
// after which the database changes (a network the backup lacks).
func restoreSetup(t *testing.T) (dir, db, backup string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "aoce.db")
	backup = filepath.Join(dir, "monday.db")
	mustRunOK(t, "", "demo", "--db", db)
	mustRunOK(t, "", "backup", "--db", db, "--out", backup)
	mustRunOK(t, "", "network", "create", "--db", db, "--name", "After The Backup")
	return dir, db, backup
}

func networksOf(t *testing.T, db string) string {
	t.Helper()
	return mustRunOK(t, "", "network", "list", "--db", db)
}

func TestRestoreRefusedWhileTheDatabaseIsOpen(t *testing.T) {
	_, db, backup := restoreSetup(t)
	s, err := data.Open(db, data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr := aoce(t, "", "restore", "--db", db, "--from", backup)
	s.Close()
	if code != 1 || !strings.Contains(stderr, "already open") {
		t.Fatalf("restore while open: exit %d %s", code, stderr)
	}
	if !strings.Contains(networksOf(t, db), "After The Backup") {
		t.Fatal("the database changed")
	}
}

func TestRestoreRefusesABadBackupAndChangesNothing(t *testing.T) {
	dir, db, backup := restoreSetup(t)
	junk := filepath.Join(dir, "notes.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not sqlite "), 1000), 0o644)
	damaged := filepath.Join(dir, "damaged.db")
	b, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	for off := 2 * page; off+page < len(b); off += 2 * page { // every other page from the third on
		copy(b[off+8:off+page], bytes.Repeat([]byte{0x5a}, page-8))
	}
	os.WriteFile(damaged, b, 0o644)
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	before, _ := os.ReadFile(db)
	for _, bad := range []struct{ file, want string }{
		{junk, "is not a database"}, {damaged, "damaged"}, {empty, "is not an AoCE Desktop database"},
		{filepath.Join(dir, "missing.db"), "cannot be read"}, {db, "is the database itself"},
	} {
		code, stdout, stderr := aoce(t, "", "restore", "--db", db, "--from", bad.file)
		if code != 1 || !strings.Contains(stderr, bad.want) {
			t.Errorf("restore from %s: exit %d %s%s (want %q)", filepath.Base(bad.file), code, stdout, stderr, bad.want)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Fatal("a refused restore changed the database file")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "replaced") || strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("a refused restore left %s", e.Name())
		}
	}
	if code, _, _ := aoce(t, "", "restore", "--db", db); code != 2 {
		t.Fatalf("restore without --from: exit %d, want 2", code)
	}
}

func TestRestoreKeepsTheReplacedDatabase(t *testing.T) {
	dir, db, backup := restoreSetup(t)
	out := mustRunOK(t, "", "restore", "--db", db, "--from", backup)
	if strings.Contains(networksOf(t, db), "After The Backup") || !strings.Contains(mustRunOK(t, "", "partners", "list", "--db", db), "Genk") {
		t.Fatalf("the database is not the backup's:\n%s", networksOf(t, db))
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "aoce.replaced-*.db"))
	if len(kept) != 1 || !strings.Contains(out, kept[0]) {
		t.Fatalf("kept %v; said %s", kept, out)
	}
	if !strings.Contains(networksOf(t, kept[0]), "After The Backup") {
		t.Fatal("the kept file lacks the change made after the backup")
	}
	for _, f := range []string{db + "-wal", db + "-shm"} {
		if fi, err := os.Stat(f); err == nil && fi.Size() > 0 && strings.HasSuffix(f, "-wal") {
			t.Errorf("%s left beside the restored file", f)
		}
	}
	// a second restore in the same minute keeps the file under another name
	mustRunOK(t, "", "restore", "--db", db, "--from", backup)
	if kept, _ := filepath.Glob(filepath.Join(dir, "aoce.replaced-*.db")); len(kept) != 2 {
		t.Fatalf("after two restores kept %v", kept)
	}
	if b, _ := os.ReadFile(backup); len(b) == 0 {
		t.Fatal("the backup is gone")
	}
}
