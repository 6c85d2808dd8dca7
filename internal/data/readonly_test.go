package data

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// withStorage makes every open in the test see st, as on read-only storage
// (root, which runs the tests, ignores permission bits).
func withStorage(t *testing.T, st storage) {
	old := probeStorage
	probeStorage = func(string) storage { return st }
	t.Cleanup(func() { probeStorage = old })
}

// savedNetwork makes a closed database at path holding one network.
func savedNetwork(t *testing.T, path string) {
	t.Helper()
	s := openWriter(t, path)
	if _, err := s.CreateNetwork(context.Background(), Network{Name: "Read only"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// assertReads opens path as a Reader and lists, checks and backs it up, as
// 'network list', 'check' and 'backup' do.
func assertReads(t *testing.T, path string, networks int) {
	t.Helper()
	s, err := Open(path, Reader)
	if err != nil {
		t.Fatalf("Reader open: %v", err)
	}
	defer s.Close()
	ctx := context.Background()
	if ns, err := s.Networks(ctx); err != nil || len(ns) != networks {
		t.Fatalf("networks %v %v, want %d", ns, err, networks)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	if err := s.Backup(ctx, filepath.Join(t.TempDir(), "copy.db")); err != nil {
		t.Fatalf("backup: %v", err)
	}
}

// TestReadOnlyStorageIsReadAndRefusedForWriting, with read-only storage
// injected: readers work and create nothing beside the file; a Writer is
// refused at open, with the file unchanged and no lock file left.
func TestReadOnlyStorageIsReadAndRefusedForWriting(t *testing.T) {
	path := tempDB(t)
	savedNetwork(t, path)
	t.Run("folder", func(t *testing.T) {
		withStorage(t, storage{dirRO: true})
		assertWriterRefused(t, path, "read-only folder", "copy it somewhere you can write", "commands that only read")
		assertReads(t, path, 1)
		for _, side := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(path + side); err == nil {
				t.Errorf("reading in a read-only folder made a %s file (it must open immutable)", side)
			}
		}
		if _, err := Open(filepath.Join(filepath.Dir(path), "new.db"), Writer); err == nil || !contains(err, "cannot be created: its folder is read-only") {
			t.Errorf("a new file in a read-only folder: %v", err)
		}
	})
	t.Run("file", func(t *testing.T) {
		withStorage(t, storage{fileRO: true})
		assertWriterRefused(t, path, "is read-only: copy it somewhere you can write")
		assertReads(t, path, 1)
	})
}

// TestReadOnlyFolderWithPendingChanges: a file whose -wal still holds
// changes (the app crashed, or the folder was copied while it ran) is read
// through its -shm when that is there too, and refused with what to do
// when it is not — never read without the changes.
func TestReadOnlyFolderWithPendingChanges(t *testing.T) {
	crashed := crashCopy(t)
	withStorage(t, storage{dirRO: true})
	assertReads(t, crashed, 2)
	os.Remove(crashed + "-shm")
	_, err := Open(crashed, Reader)
	if err == nil || !contains(err, "has changes in "+crashed+"-wal") || !contains(err, "copy the file and its -wal file together") {
		t.Fatalf("pending -wal without -shm: %v", err)
	}
}

// crashCopy copies a database, its -wal (holding a committed network not
// yet in the main file) and its -shm while the writer is open, as a crash
// leaves them; it returns the copy's path.
func crashCopy(t *testing.T) string {
	t.Helper()
	path := tempDB(t)
	savedNetwork(t, path)
	s := openWriter(t, path)
	if _, err := s.CreateNetwork(context.Background(), Network{Name: "Only in the WAL"}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path + "-wal"); err != nil || info.Size() == 0 {
		t.Fatalf("no pending -wal: %v", err)
	}
	crashed := filepath.Join(t.TempDir(), "crashed.db")
	for _, side := range []string{"", "-wal", "-shm"} {
		copyFile(t, path+side, crashed+side)
	}
	return crashed
}

// TestReadOnlyMount does the same on a real read-only bind mount (which
// holds for root too): a folder, a single file, and a crashed copy with
// its -wal and -shm. It needs mount privileges (root or CAP_SYS_ADMIN on
// Linux) and says so when it skips.
func TestReadOnlyMount(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("read-only bind mounts are tested on Linux")
	}
	src := t.TempDir()
	savedNetwork(t, filepath.Join(src, "aoce.db"))
	crashed := crashCopy(t)
	for _, side := range []string{"", "-wal", "-shm"} {
		copyFile(t, crashed+side, filepath.Join(src, "crashed.db"+side))
	}

	t.Run("folder", func(t *testing.T) {
		dir := t.TempDir()
		mountReadOnly(t, src, dir)
		path := filepath.Join(dir, "aoce.db")
		assertWriterRefused(t, path, "is read-only: copy it somewhere you can write") // (the file on a read-only mount is read-only itself)
		assertReads(t, path, 1)
		assertReads(t, filepath.Join(dir, "crashed.db"), 2)
	})
	t.Run("file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "aoce.db")
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		mountReadOnly(t, filepath.Join(src, "aoce.db"), path)
		assertWriterRefused(t, path, "is read-only: copy it somewhere you can write")
		assertReads(t, path, 1)
	})
}

// mountReadOnly bind-mounts src read-only on dst until the test ends.
func mountReadOnly(t *testing.T, src, dst string) {
	t.Helper()
	if out, err := exec.Command("mount", "--bind", src, dst).CombinedOutput(); err != nil {
		t.Skipf("cannot bind-mount here (needs root or CAP_SYS_ADMIN): %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dst).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dst, err, out)
		}
	})
	if out, err := exec.Command("mount", "-o", "remount,bind,ro", dst).CombinedOutput(); err != nil {
		t.Skipf("cannot make the bind mount read-only: %v %s", err, out)
	}
}

func contains(err error, part string) bool { return strings.Contains(err.Error(), part) }
