package data

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFailedBackupKeepsThePreviousOne: a backup that fails (here cancelled)
// leaves the backup already at the target byte for byte, and no temporary
// file beside it.
func TestFailedBackupKeepsThePreviousOne(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	if _, err := s.CreateNetwork(ctx, Network{Name: "First"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateNetwork(ctx, Network{Name: "Second"}); err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Backup(cancelled, out); err == nil {
		t.Fatal("a cancelled backup reported success")
	}
	after, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the previous backup is gone: %v", err)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("a failed backup changed the previous one")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("left in the backup folder: %v", entries)
	}
}

// TestBackupRefusesTheLiveDatabase compares files, not names: the database
// itself, another spelling of its path, a link to it and its -wal file are
// all refused, and the database stays usable and unchanged.
func TestBackupRefusesTheLiveDatabase(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	s := openWriter(t, path)
	if _, err := s.CreateNetwork(ctx, Network{Name: "Live"}); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	dir, base := filepath.Split(path)
	targets := map[string]string{
		"the database":        path,
		"another spelling":    filepath.Join(dir, ".", "..", filepath.Base(dir), base),
		"a symbolic link":     link,
		"its write-ahead log": path + "-wal",
	}
	for what, out := range targets {
		if _, err := os.Stat(out); err != nil {
			t.Fatalf("%s (%s) should exist: %v", what, out, err)
		}
		err := s.Backup(ctx, out)
		if err == nil || !strings.Contains(err.Error(), "is the open database itself") {
			t.Errorf("backup onto %s (%s): %v, want refused", what, out, err)
		}
	}
	if target, err := os.Readlink(link); err != nil || target != path {
		t.Fatalf("the link was replaced: %q %v", target, err)
	}
	ns, err := s.Networks(ctx)
	if err != nil || len(ns) != 1 {
		t.Fatalf("after the refusals: %v %v", ns, err)
	}
}
