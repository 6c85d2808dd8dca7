package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteIsWholeOrNothing(t *testing.T) {
	dir, path := oldFile(t, "out.csv")
	boom := errors.New("disk full")
	if err := Write(path, func(w io.Writer) error { io.WriteString(w, "half"); return boom }); !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("a failed write changed the file to %q", b)
	}
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(b) != "new" || st.Mode().Perm() != 0o644 {
		t.Fatalf("%q %v", b, st.Mode())
	}
	onlyFile(t, dir)
}

// oldFile makes a folder holding name, with content "old".
func oldFile(t *testing.T, name string) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// onlyFile fails when anything but the one target is left in dir.
func onlyFile(t *testing.T, dir string) {
	t.Helper()
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("temporary files left: %v", entries)
	}
}

// TestSyncedBeforeRenameAndFolderAfter records the order of the syncs and
// the rename, and checks that a failing sync keeps the old file.
func TestSyncedBeforeRenameAndFolderAfter(t *testing.T) {
	dir, path := oldFile(t, "out.docx")
	var events []string
	content := func() string { b, _ := os.ReadFile(path); return string(b) }
	realFile, realDir := syncFile, syncDir
	t.Cleanup(func() { syncFile, syncDir = realFile, realDir })
	syncFile = func(f *os.File) error { events = append(events, "file synced, target "+content()); return realFile(f) }
	syncDir = func(d string) error {
		events = append(events, "folder synced, target "+content())
		if d != dir {
			t.Errorf("synced %s, want %s", d, dir)
		}
		return realDir(d)
	}
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	want := []string{"file synced, target old", "folder synced, target new"}
	if len(events) != 2 || events[0] != want[0] || events[1] != want[1] {
		t.Fatalf("events %q, want %q", events, want)
	}

	eio := errors.New("input/output error")
	syncFile = func(*os.File) error { return eio }
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "newer"); return err }); !errors.Is(err, eio) {
		t.Fatalf("err %v", err)
	}
	if got := content(); got != "new" {
		t.Fatalf("a failed sync replaced the file with %q", got)
	}
	onlyFile(t, dir)
}

func TestWriteByNameFillsTheTemporaryFile(t *testing.T) {
	dir, path := oldFile(t, "copy.db")
	boom := errors.New("cancelled")
	err := WriteByName(path, func(name string) error {
		if filepath.Dir(name) != dir || name == path {
			t.Errorf("temporary file %s is not beside %s", name, path)
		}
		os.WriteFile(name, []byte("half"), 0o644)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("a failed fill changed the file to %q", b)
	}
	if err := WriteByName(path, func(name string) error { return os.WriteFile(name, []byte("copy"), 0o600) }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "copy" {
		t.Fatalf("got %q", b)
	}
	onlyFile(t, dir)
}
