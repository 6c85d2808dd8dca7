package autobackup

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeSource writes a small file as the backup, or fails.
type fakeSource struct {
	path   string
	fail   error
	writes int
}

func (f *fakeSource) Backup(_ context.Context, out string) error {
	if f.fail != nil {
		return f.fail
	}
	f.writes++
	return os.WriteFile(out, []byte("backup"), 0o600)
}
func (f *fakeSource) Path() string { return f.path }

func names(t *testing.T, dir string) []string {
	t.Helper()
	list, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range list {
		out = append(out, filepath.Base(b.Path))
	}
	return out
}

// Sixty days of use with a fake clock, two syncs a day: what stays is
// every backup of the last 24 hours and the newest backup of each of the
// last 7 days and of the last 4 weeks.
func TestRotationKeepsSevenDaysAndFourWeeks(t *testing.T) {
	dir := t.TempDir()
	src := &fakeSource{path: filepath.Join(dir, "aoce.db")}
	clock := time.Date(2026, 10, 3, 9, 0, 0, 0, time.Local) // a Saturday
	k := &Keeper{Source: src, Now: func() time.Time { return clock }}
	mine := filepath.Join(dir, FolderName, "my-own-copy.db")
	for day := 0; day < 60; day++ {
		clock = time.Date(2026, 10, 3+day, 9, 0, 0, 0, time.Local)
		if _, err := k.Daily(context.Background()); err != nil {
			t.Fatal(err)
		}
		if again, err := k.Daily(context.Background()); err != nil || again != "" {
			t.Fatalf("a second start the same day wrote %q (%v)", again, err)
		}
		clock = clock.Add(3 * time.Hour)
		for range 2 { // two syncs in one minute: numbered, not overwritten
			if _, err := k.Before(context.Background(), "sync"); err != nil {
				t.Fatal(err)
			}
		}
		if day == 0 {
			os.WriteFile(mine, []byte("x"), 0o600)
		}
	}
	if src.writes != 180 {
		t.Errorf("%d backups written, want 180", src.writes)
	}
	got := names(t, filepath.Join(dir, FolderName))
	want := []string{ // 2026-12-01 is a Tuesday: its ISO week began on 30 November
		"aoce-auto-aoce-2026-12-01-1200-2-sync.db", "aoce-auto-aoce-2026-12-01-1200-sync.db", "aoce-auto-aoce-2026-12-01-0900-daily.db", // the last 24 hours
		"aoce-auto-aoce-2026-11-30-1200-2-sync.db", "aoce-auto-aoce-2026-11-29-1200-2-sync.db",
		"aoce-auto-aoce-2026-11-28-1200-2-sync.db", "aoce-auto-aoce-2026-11-27-1200-2-sync.db", "aoce-auto-aoce-2026-11-26-1200-2-sync.db",
		"aoce-auto-aoce-2026-11-25-1200-2-sync.db",                                             // 7 days
		"aoce-auto-aoce-2026-11-22-1200-2-sync.db", "aoce-auto-aoce-2026-11-15-1200-2-sync.db", // the Sundays of the 3rd and 4th week
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("kept:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a file of the user's in the folder was removed: %v", err)
	}
}

func TestListIsNewestFirstWithSizeAndReason(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"aoce-auto-2026-11-30-0800-daily.db", "aoce-auto-2026-12-01-0930-sync.db", "aoce-auto-2026-13-01-0930-sync.db", "notes.txt"} {
		os.WriteFile(filepath.Join(dir, n), []byte("12345"), 0o600)
	}
	list, err := List(dir)
	if err != nil || len(list) != 2 {
		t.Fatalf("%v %v", list, err)
	}
	if list[0].Reason != "sync" || list[0].Size != 5 || !list[0].When.Equal(time.Date(2026, 12, 1, 9, 30, 0, 0, time.Local)) || list[1].Reason != ReasonDaily {
		t.Errorf("%+v", list)
	}
	if l, err := List(filepath.Join(dir, "none")); err != nil || len(l) != 0 {
		t.Errorf("a folder not there: %v %v", l, err)
	}
}

func TestAFailedBackupLeavesTheFolderAndSaysWhere(t *testing.T) {
	dir := t.TempDir()
	src := &fakeSource{path: filepath.Join(dir, "aoce.db"), fail: errors.New("disk full")}
	k := &Keeper{Source: src, Folder: filepath.Join(dir, "b")}
	_, err := k.Daily(context.Background())
	if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), filepath.Join(dir, "b")) {
		t.Errorf("%v", err)
	}
	if _, err := k.Before(context.Background(), "Sync Now"); err == nil {
		t.Error("a reason that cannot be in a file name was taken")
	}
}

// A day that began with a sync still gets its daily backup: a backup
// before a sync does not stand for it (the list showed only those).
func TestADayWithASyncFirstStillGetsItsDailyBackup(t *testing.T) {
	dir := t.TempDir()
	clock := time.Date(2026, 12, 2, 8, 0, 0, 0, time.Local)
	k := &Keeper{Source: &fakeSource{path: filepath.Join(dir, "aoce.db")}, Now: func() time.Time { return clock }}
	if _, err := k.Before(context.Background(), "sync"); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(time.Hour)
	daily, err := k.Daily(context.Background())
	if err != nil || daily == "" {
		t.Fatalf("no daily backup after a sync's (%q, %v)", daily, err)
	}
	if again, err := k.Daily(context.Background()); err != nil || again != "" {
		t.Errorf("a second daily backup the same day: %q (%v)", again, err)
	}
}
