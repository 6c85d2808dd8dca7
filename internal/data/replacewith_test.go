package data

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/gofrs/flock"
)

func networkNames(t *testing.T, s *Store) []string {
	t.Helper()
	ns, err := s.Networks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range ns {
		names = append(names, n.Name)
	}
	return names
}

// TestReplaceWithRestoresUnderTheSameLock: the open store is replaced by
// the backup, the replaced file is kept beside it with its rows, and the
// store that comes back holds the writer lock (a second writer is refused).
func TestReplaceWithRestoresUnderTheSameLock(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	s, err := Open(path, Writer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateNetwork(ctx, Network{Name: "In The Backup"}); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "monday.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateNetwork(ctx, Network{Name: "After The Backup"}); err != nil {
		t.Fatal(err)
	}
	// Another instance trying to take the file all through the restore
	// never gets it: the lock passes from s to the reopened store.
	stop, stopped := make(chan struct{}), make(chan struct{})
	var stole atomic.Bool
	go func() {
		defer close(stopped)
		other := flock.New(path + ".lock")
		for {
			select {
			case <-stop:
				return
			default:
			}
			if ok, _ := other.TryLock(); ok {
				stole.Store(true)
				other.Unlock()
			}
			runtime.Gosched()
		}
	}()
	now, kept, err := s.ReplaceWith(ctx, backup)
	close(stop)
	<-stopped
	if err != nil {
		t.Fatal(err)
	}
	defer now.Close()
	if stole.Load() {
		t.Fatal("another instance could take the file's lock during the restore")
	}
	if now == s || now.Path() != path {
		t.Fatalf("came back with %p at %s", now, now.Path())
	}
	if got := networkNames(t, now); !slices.Equal(got, []string{"In The Backup"}) {
		t.Fatalf("restored networks %v", got)
	}
	if _, err := s.Networks(ctx); err == nil {
		t.Fatal("the replaced store still answers")
	}
	if _, err := Open(path, Writer); !errors.Is(err, ErrLocked) {
		t.Fatalf("a second writer after the restore: %v, want ErrLocked", err)
	}
	old, err := Open(kept, Reader)
	if err != nil {
		t.Fatalf("the kept file %s: %v", kept, err)
	}
	defer old.Close()
	if got := networkNames(t, old); !slices.Contains(got, "After The Backup") {
		t.Fatalf("the kept file holds %v", got)
	}
}

// TestReplaceWithRefusesABadBackupAndKeepsTheStore: a backup that is not
// ours changes nothing and hands back the same, still open store.
func TestReplaceWithRefusesABadBackupAndKeepsTheStore(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	s := openWriter(t, path)
	if _, err := s.CreateNetwork(ctx, Network{Name: "Kept"}); err != nil {
		t.Fatal(err)
	}
	junk := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not sqlite "), 500), 0o644)
	for _, bad := range []string{junk, path} {
		now, kept, err := s.ReplaceWith(ctx, bad)
		if err == nil || now != s || kept != "" {
			t.Fatalf("ReplaceWith(%s) = %p, %q, %v; want the same store and an error", filepath.Base(bad), now, kept, err)
		}
	}
	if got := networkNames(t, s); !slices.Equal(got, []string{"Kept"}) {
		t.Fatalf("after refused restores: %v", got)
	}
	if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*replaced*")); len(matches) > 0 {
		t.Fatalf("a refused restore left %v", matches)
	}
}
