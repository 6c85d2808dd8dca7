package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func tempDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "aoce.db")
}

func openWriter(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path, Writer)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenCreatesCurrentSchema(t *testing.T) {
	s := openWriter(t, tempDB(t))
	v, err := s.SchemaVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if v != LatestSchemaVersion() || v < 1 {
		t.Fatalf("schema version %d, want %d", v, LatestSchemaVersion())
	}
	var mode string
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal mode %q (%v), want wal", mode, err)
	}
	var fk int
	if err := s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign_keys %d (%v), want 1", fk, err)
	}
}

// assertRefusedUnchanged opens path and expects an OpenError wrapping want,
// with the file's bytes exactly as before.
func assertRefusedUnchanged(t *testing.T, path string, want error, msgPart string) {
	t.Helper()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []Mode{Writer, Reader} {
		s, err := Open(path, mode)
		if err == nil {
			s.Close()
			t.Fatalf("mode %d: opened %s, want refusal", mode, path)
		}
		var oe *OpenError
		if !errors.As(err, &oe) || !errors.Is(err, want) {
			t.Fatalf("mode %d: error %v (%T), want OpenError wrapping %v", mode, err, err, want)
		}
		if !strings.Contains(err.Error(), msgPart) || !strings.Contains(err.Error(), path) {
			t.Fatalf("mode %d: message %q should name the file and say %q", mode, err, msgPart)
		}
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("the refused file's bytes changed")
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("opening left a %s file beside the refused database", side)
		}
	}
}

func TestNewerSchemaIsRefusedAndUntouched(t *testing.T) {
	path := tempDB(t)
	s := openWriter(t, path)
	if _, err := s.db.Exec(`INSERT INTO `+versionTable+` (version_id, is_applied, tstamp) VALUES (?, 1, CURRENT_TIMESTAMP)`, LatestSchemaVersion()+5); err != nil {
		t.Fatal(err)
	}
	// Leave a plain rollback-journal file, as a newer version might.
	if _, err := s.db.Exec(`PRAGMA journal_mode=DELETE`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	assertRefusedUnchanged(t, path, ErrNewerSchema, "newer version")
}

func TestNotADatabaseIsRefusedAndUntouched(t *testing.T) {
	path := tempDB(t)
	junk := bytes.Repeat([]byte("This is a Word document, not a database. "), 200)
	if err := os.WriteFile(path, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	assertRefusedUnchanged(t, path, ErrNotDatabase, "not a database")
}

func TestCorruptDatabaseIsRefusedAndUntouched(t *testing.T) {
	path := tempDB(t)
	s := openWriter(t, path)
	if _, err := s.db.Exec(`PRAGMA journal_mode=DELETE`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Keep the 100-byte header valid, scribble over the schema page.
	for i := 100; i < len(b) && i < 4096; i++ {
		b[i] = 0xA5
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	assertRefusedUnchanged(t, path, ErrNotDatabase, "damaged")
}

func TestForeignSQLiteDatabaseIsRefused(t *testing.T) {
	path := tempDB(t)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	assertRefusedUnchanged(t, path, ErrNotDatabase, "another program")
}

func TestSecondWriterIsToldAndFirstKeepsWorking(t *testing.T) {
	path := tempDB(t)
	first := openWriter(t, path)
	_, err := Open(path, Writer)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "already open") {
		t.Fatalf("second writer: %v, want ErrLocked saying it is already open", err)
	}
	ctx := context.Background()
	if _, err := first.CreateNetwork(ctx, Network{Name: "Still writable"}); err != nil {
		t.Fatalf("first writer after refused second: %v", err)
	}
	// A reader may come in meanwhile and sees the committed data.
	r, err := Open(path, Reader)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ns, err := r.Networks(ctx)
	if err != nil || len(ns) != 1 {
		t.Fatalf("reader sees %d networks (%v), want 1", len(ns), err)
	}
	if _, err := r.CreateNetwork(ctx, Network{Name: "x"}); err == nil {
		t.Fatal("a reader could write")
	}
	first.Close()
	again, err := Open(path, Writer)
	if err != nil {
		t.Fatalf("writer after the first closed: %v", err)
	}
	again.Close()
}

func TestReaderRefusesMissingFile(t *testing.T) {
	path := tempDB(t)
	_, err := Open(path, Reader)
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("got %v, want not-exist", err)
	}
	if _, statErr := os.Stat(path); statErr == nil {
		t.Fatal("a reader created the file")
	}
}

func TestBackupIsConsistentCopyWhileWriterOpen(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	w := openWriter(t, path)
	if _, err := w.CreateNetwork(ctx, Network{Name: "Backed up"}); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Reader)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := r.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	if _, err := w.CreateNetwork(ctx, Network{Name: "Added later"}); err != nil {
		t.Fatal(err)
	}
	if err := r.Backup(ctx, out); err != nil { // a newer backup replaces the old one
		t.Fatalf("second backup over the same file: %v", err)
	}
	c, err := Open(out, Reader)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ns, err := c.Networks(ctx)
	if err != nil || len(ns) != 2 || ns[0].Name != "Added later" || ns[1].Name != "Backed up" {
		t.Fatalf("copy holds %v (%v)", ns, err)
	}
	problems, err := c.Check(ctx)
	if err != nil || len(problems) != 0 {
		t.Fatalf("check of copy: %v %v", problems, err)
	}
}

func TestOlderSchemaIsBackedUpBeforeMigrating(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	s := openWriter(t, path)
	if _, err := s.CreateNetwork(ctx, Network{Name: "Old"}); err != nil {
		t.Fatal(err)
	}
	old := LatestSchemaVersion()
	s.Close()

	// A later release adds a migration.
	next := fstest.MapFS{}
	entries, _ := fs.ReadDir(migrations, ".")
	for _, e := range entries {
		b, _ := fs.ReadFile(migrations, e.Name())
		next[e.Name()] = &fstest.MapFile{Data: b}
	}
	next[fmt.Sprintf("%05d_test.sql", old+1)] = &fstest.MapFile{Data: []byte("-- +goose Up\nALTER TABLE networks ADD COLUMN motto TEXT NOT NULL DEFAULT '';\n")}
	saved := migrations
	migrations = next
	t.Cleanup(func() { migrations = saved })

	s2 := openWriter(t, path)
	if v, _ := s2.SchemaVersion(ctx); v != old+1 {
		t.Fatalf("after upgrade schema %d, want %d", v, old+1)
	}
	if s2.BackupPath == "" || !strings.Contains(s2.BackupPath, fmt.Sprintf("schema%d", old)) {
		t.Fatalf("backup path %q should name schema %d", s2.BackupPath, old)
	}
	migrations = saved // the copy is at the old version: open it with the old program
	b, err := Open(s2.BackupPath, Reader)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if v, _ := b.SchemaVersion(ctx); v != old {
		t.Fatalf("backup at schema %d, want %d", v, old)
	}
	if ns, _ := b.Networks(ctx); len(ns) != 1 || ns[0].Name != "Old" {
		t.Fatalf("backup holds %v", ns)
	}
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	if v, err := s.Setting(ctx, "ui.width"); err != nil || v != "" {
		t.Fatalf("unset setting: %q %v", v, err)
	}
	for _, v := range []string{"1180", "1024", "1024"} {
		if err := s.SetSetting(ctx, "ui.width", v); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Setting(ctx, "ui.width"); got != v {
			t.Fatalf("got %q, want %q", got, v)
		}
	}
}

func TestDamageBeyondTheSchemaIsRefusedAndUntouched(t *testing.T) {
	path := tempDB(t)
	s := openWriter(t, path)
	ctx := context.Background()
	n, _ := s.CreateNetwork(ctx, Network{Name: "Big"})
	for i := 0; i < 400; i++ {
		if _, err := s.SavePartner(ctx, Partner{NetworkID: n.ID, Name: fmt.Sprintf("City %d with a long name to fill pages", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.Exec(`PRAGMA journal_mode=DELETE`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ := os.ReadFile(path)
	if len(b) < 40000 {
		t.Fatalf("file only %d bytes", len(b))
	}
	for i := len(b) - 12000; i < len(b)-8000; i++ { // scribble over data pages, not the schema
		b[i] = 0x5A
	}
	os.WriteFile(path, b, 0o644)
	assertRefusedUnchanged(t, path, ErrNotDatabase, "damaged")
}

// A call that arrives after Close (a goroutine that outlived the window)
// gets an error, not a nil-pointer panic.
func TestCallsAfterCloseAreErrors(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "closed.db"), Writer)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Networks(context.Background()); err == nil {
		t.Fatal("a read after Close succeeded")
	}
	if _, err := s.CreateNetwork(context.Background(), Network{Name: "Late"}); err == nil {
		t.Fatal("a write after Close succeeded")
	}
	if err := s.Close(); err != nil {
		t.Fatalf("a second Close: %v", err)
	}
}

// A panic inside a transaction rolls it back and frees the writer: the
// next write goes through and the panicking one left nothing.
func TestPanicInATransactionFreesTheWriter(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "panic.db"), Writer)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	func() {
		defer func() { _ = recover() }()
		_ = s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `INSERT INTO networks (id, name, created_at, updated_at) VALUES ('x', 'Half', '2026-12-01', '2026-12-01')`); err != nil {
				t.Errorf("the write before the panic: %v", err)
			}
			panic("a reader found a file nobody foresaw")
		})
	}()
	done := make(chan error, 1)
	go func() { _, err := s.CreateNetwork(ctx, Network{Name: "After"}); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the writer is still held by the panicked transaction")
	}
	ns, _ := s.Networks(ctx)
	if len(ns) != 1 || ns[0].Name != "After" {
		t.Fatalf("networks after the panic: %v", ns)
	}
}
