// Package autobackup keeps automatic backups of the database in a folder:
// one on the first start of each day of use, one before each sync or
// merge. Kept: every backup of the last 24 hours (the newest KeepRecent),
// a backup before a merge or a restore for KeepMarkedDays (a message
// names it), and the newest of each of the last 7 days and 4 weeks.
//
// The database, date and reason are in each file's name (aoce-auto-anna-
// 2026-12-01-0930-daily.db), so the rotation needs nothing but the
// folder's listing, and only this database's files of that pattern are
// ever removed: another database's backups in a shared folder, and
// whatever else is in it, are left alone.
package autobackup

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

const (
	// KeepDays and KeepWeeks say how many days and weeks keep a backup.
	KeepDays  = 7
	KeepWeeks = 4
	// KeepRecent bounds the backups of the last 24 hours that are kept.
	KeepRecent = 20
	// KeepMarkedDays is how long a backup of a marked reason is kept.
	KeepMarkedDays = 7
	// ReasonDaily is the backup of a day of use.
	ReasonDaily = "daily"
	stamp       = "2006-01-02-1504"
	// FolderName is the default folder, beside the database.
	FolderName = "backups"
)

// pattern is a backup's name; files of before the database was named in
// it have no database part and are nobody's: listed, never removed.
var pattern = regexp.MustCompile(`^aoce-auto-(?:(.+)-)?(\d{4}-\d{2}-\d{2}-\d{4})(?:-(\d+))?-([a-z0-9]+)\.db$`)

// marked are the reasons of backups a message names ("the backup from
// before it is in File › Restore from backup…"): kept KeepMarkedDays.
var marked = map[string]bool{"merge": true, "restore": true}

// unsafeName is what a database's name may not carry into a file name.
var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// Backup is one automatic backup in the folder.
type Backup struct {
	Path     string
	When     time.Time // local time, to the minute, from the name
	Written  time.Time // the file's modification time: the seconds the name does not carry
	Size     int64
	Reason   string // ReasonDaily, "sync"…
	Database string // the database's name ("anna" for anna.db), "" in older names
	seq      int    // 2, 3… for the later backups of one minute
}

// Source is what a backup is taken of: data.Store's consistent backup.
type Source interface {
	Backup(ctx context.Context, out string) error
	Path() string
}

// Keeper writes and rotates the automatic backups of one database.
type Keeper struct {
	Source Source
	Folder string           // "": DefaultFolder of the database
	Now    func() time.Time // nil: time.Now (tests give a fake clock)
}

// DefaultFolder is the backups folder beside the database at dbPath.
func DefaultFolder(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), FolderName) }

func (k *Keeper) folder() string {
	if k.Folder != "" {
		return k.Folder
	}
	return DefaultFolder(k.Source.Path())
}

// database is the database's name as the backups' names carry it.
func (k *Keeper) database() string {
	base := filepath.Base(k.Source.Path())
	return unsafeName.ReplaceAllString(strings.TrimSuffix(base, filepath.Ext(base)), "_")
}

// List is this database's automatic backups, and the older ones whose
// names say no database, newest first.
func (k *Keeper) List() ([]Backup, error) {
	all, err := List(k.folder())
	var out []Backup
	for _, b := range all {
		if b.Database == k.database() || b.Database == "" {
			out = append(out, b)
		}
	}
	return out, err
}

func (k *Keeper) now() time.Time {
	if k.Now != nil {
		return k.Now()
	}
	return time.Now()
}

// Daily writes the day's backup unless the folder has today's already;
// it returns the file written, "" when none was due. A backup of another
// reason (before a sync) does not stand for it: the list shows the day's
// own (the rotation then keeps each day's newest, as it does for all).
func (k *Keeper) Daily(ctx context.Context) (string, error) {
	list, err := k.own()
	if err != nil {
		return "", err
	}
	today := k.now()
	for _, b := range list {
		if b.Reason == ReasonDaily && sameDay(b.When, today) {
			return "", nil
		}
	}
	return k.Before(ctx, ReasonDaily)
}

// Before writes a backup now, whatever the folder holds, then rotates: the
// sync engine calls it before each sync with reason "sync".
func (k *Keeper) Before(ctx context.Context, reason string) (string, error) {
	if !regexp.MustCompile(`^[a-z0-9]+$`).MatchString(reason) {
		return "", fmt.Errorf("backup reason %q: lower-case letters and digits only", reason)
	}
	dir := k.folder()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("the backups folder %s: %w", dir, err)
	}
	when := k.now()
	out, err := freeName(dir, k.database(), when, reason)
	if err != nil {
		return "", err
	}
	if err := k.Source.Backup(ctx, out); err != nil {
		return "", fmt.Errorf("the automatic backup to %s: %w", out, err)
	}
	return out, k.Rotate()
}

// freeName is the file name of a backup at when, numbered when several
// are taken in one minute.
func freeName(dir, database string, when time.Time, reason string) (string, error) {
	for i := 1; i < 100; i++ {
		n := ""
		if i > 1 {
			n = fmt.Sprintf("-%d", i)
		}
		p := filepath.Join(dir, "aoce-auto-"+database+"-"+when.Format(stamp)+n+"-"+reason+".db")
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
	}
	return "", fmt.Errorf("no free backup name in %s for %s", dir, when.Format(stamp))
}

// own is this database's backups only: the ones the rotation may remove.
func (k *Keeper) own() ([]Backup, error) {
	all, err := List(k.folder())
	var out []Backup
	for _, b := range all {
		if b.Database == k.database() {
			out = append(out, b)
		}
	}
	return out, err
}

// Rotate removes the automatic backups of this database that Drop does
// not keep.
func (k *Keeper) Rotate() error {
	list, err := k.own()
	if err != nil {
		return err
	}
	var errs []error
	for _, b := range Drop(list, k.now()) {
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Drop is what the rotation removes from list at now: everything but the
// newest KeepRecent of the last 24 hours, the marked ones of the last
// KeepMarkedDays, and the newest backup of each of the KeepDays newest days
// and of each of the KeepWeeks newest ISO weeks that have a backup.
func Drop(list []Backup, now time.Time) []Backup {
	sorted := append([]Backup(nil), list...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].newer(sorted[j]) })
	keep := map[string]bool{}
	days, weeks := map[string]bool{}, map[string]bool{}
	recent := 0
	for _, b := range sorted {
		if b.When.After(now.Add(-24*time.Hour)) && recent < KeepRecent {
			recent++
			keep[b.Path] = true
		}
		if marked[b.Reason] && b.When.After(now.AddDate(0, 0, -KeepMarkedDays)) {
			keep[b.Path] = true
		}
		day := b.When.Format("2006-01-02")
		y, w := b.When.ISOWeek()
		week := fmt.Sprintf("%d-W%02d", y, w)
		if !days[day] {
			days[day] = true
			keep[b.Path] = keep[b.Path] || len(days) <= KeepDays
		}
		if !weeks[week] {
			weeks[week] = true
			keep[b.Path] = keep[b.Path] || len(weeks) <= KeepWeeks
		}
	}
	var drop []Backup
	for _, b := range sorted {
		if !keep[b.Path] {
			drop = append(drop, b)
		}
	}
	return drop
}

// Nth is which backup of its minute b is: 1 for the first, 2 for the
// one its name numbers "-2"…
func (b Backup) Nth() int { return max(b.seq, 1) }

func (b Backup) newer(o Backup) bool {
	if !b.When.Equal(o.When) {
		return b.When.After(o.When)
	}
	return b.seq > o.seq // "-2" of the same minute is the later
}

// List is the automatic backups in folder, newest first; a folder not
// there yet holds none.
func List(folder string) ([]Backup, error) {
	entries, err := os.ReadDir(folder)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("the backups folder %s: %w", folder, err)
	}
	var out []Backup
	for _, e := range entries {
		m := pattern.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		when, err := time.ParseInLocation(stamp, m[2], time.Local)
		if err != nil {
			continue // a name that only looks like ours
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		seq, _ := strconv.Atoi(m[3]) // "" (the first of its minute): 0
		out = append(out, Backup{Path: filepath.Join(folder, e.Name()), When: when, Written: info.ModTime(), Size: info.Size(), Reason: m[4], Database: m[1], seq: seq})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].newer(out[j]) })
	return out, nil
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Local().Date()
	return ay == by && am == bm && ad == bd
}
