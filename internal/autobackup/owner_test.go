package autobackup

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Two databases in one folder share its backups folder: each backup's
// name says whose it is, and one database's rotation never removes the
// other's; each lists its own.
func TestTwoDatabasesKeepTheirOwnBackups(t *testing.T) {
	dir := t.TempDir()
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	now := func() time.Time { return clock }
	a := &Keeper{Source: &fakeSource{path: filepath.Join(dir, "anna.db")}, Now: now}
	b := &Keeper{Source: &fakeSource{path: filepath.Join(dir, "ben.db")}, Now: now}
	first, err := a.Before(context.Background(), "sync")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(filepath.Base(first), "aoce-auto-anna-") {
		t.Errorf("anna's backup is named %s", filepath.Base(first))
	}
	for day := range 40 {
		clock = time.Date(2026, 12, 2+day, 9, 0, 0, 0, time.Local)
		if _, err := b.Before(context.Background(), "sync"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(first); err != nil {
		t.Errorf("ben's rotation removed anna's backup: %v", err)
	}
	mine, err := a.List()
	if err != nil || len(mine) != 1 || mine[0].Path != first {
		t.Errorf("anna lists %v, %v", mine, err)
	}
}

// Every backup of the last 24 hours stays (the newest 20 of them), and a
// backup a message named — before a merge or a restore — stays 7 days,
// whatever the syncs after it.
func TestRecentAndNamedBackupsStay(t *testing.T) {
	dir := t.TempDir()
	clock := time.Date(2026, 12, 1, 8, 0, 0, 0, time.Local)
	k := &Keeper{Source: &fakeSource{path: filepath.Join(dir, "aoce.db")}, Now: func() time.Time { return clock }}
	merge, err := k.Before(context.Background(), "merge")
	if err != nil {
		t.Fatal(err)
	}
	var syncs []string
	for range 25 {
		clock = clock.Add(10 * time.Minute)
		p, err := k.Before(context.Background(), "sync")
		if err != nil {
			t.Fatal(err)
		}
		syncs = append(syncs, p)
	}
	list, err := k.List()
	if err != nil {
		t.Fatal(err)
	}
	kept := map[string]bool{}
	for _, b := range list {
		kept[b.Path] = true
	}
	if !kept[merge] {
		t.Error("the backup before the merge was dropped by the syncs after it")
	}
	for i, p := range syncs {
		if want := i >= 25-KeepRecent; kept[p] != want {
			t.Errorf("sync backup %d of 25: kept %v, want %v", i+1, kept[p], want)
		}
	}
	clock = clock.AddDate(0, 0, KeepMarkedDays+1)
	if _, err := k.Before(context.Background(), "sync"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(merge); err == nil { // not the newest of its day either: the syncs came after it
		t.Error("the merge backup outlived its 7 days")
	}
}
