package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
)

// Restore puts the AoCE Desktop database at backupPath in the place of the
// database at dbPath and returns where the replaced database was kept
// ("" when there was none at dbPath). It takes the writer lock first, so it
// is refused while the app or a command has dbPath open. The backup is read
// only and checked whole (every page and index; an AoCE database of a schema
// this version reads or upgrades) before anything changes; a refused backup
// leaves dbPath as it was. The replaced database has its -wal checkpointed
// into it (or, when that fails, its -wal and -shm moved along with it) and
// is kept beside it as NAME.replaced-YYYY-MM-DD-HHMM.db. The backup is
// copied to a temporary file beside dbPath first and renamed into place, so
// dbPath never holds half a copy. An older schema is upgraded by the next
// open, which keeps its own copy from before.
func Restore(ctx context.Context, backupPath, dbPath string) (keptAs string, err error) {
	if strings.HasPrefix(backupPath, "file:") || strings.HasPrefix(dbPath, "file:") {
		return "", fmt.Errorf("give plain file paths") // SQLite would read them as URIs
	}
	if err := refuseSameFile(backupPath, dbPath); err != nil {
		return "", err
	}
	lock, err := acquireWriterLock(dbPath)
	if err != nil {
		return "", err
	}
	defer lock.discard() // (a lock file this restore created goes too)
	if err := checkBackup(ctx, backupPath); err != nil {
		return "", err
	}
	return restoreLocked(ctx, backupPath, dbPath)
}

// ReplaceWith is Restore for the store the app has open: the backup is
// checked, s closed, the backup put in place of its file and the file
// opened again — all under the writer lock s holds, which never lets go in
// between, so no other window or command can take the file meanwhile. It
// returns the store to go on with: the restored file, or s's file opened
// again as it was when the restore was refused (err says why); nil only
// when neither can be opened. s is closed either way, except when the
// backup is refused before anything changed: then s itself comes back.
func (s *Store) ReplaceWith(ctx context.Context, backupPath string) (now *Store, keptAs string, err error) {
	if strings.HasPrefix(backupPath, "file:") {
		return s, "", fmt.Errorf("give plain file paths") // SQLite would read it as a URI
	}
	if s.lock == nil {
		return s, "", fmt.Errorf("%s is open read-only; only the app's own store can be restored", s.path)
	}
	if err := refuseSameFile(backupPath, s.path); err != nil {
		return s, "", err
	}
	if err := checkBackup(ctx, backupPath); err != nil {
		return s, "", err
	}
	lock := s.lock
	s.lock = nil // Close keeps it: it passes to the store opened after
	if err := s.Close(); err != nil {
		lock.release()
		return nil, "", fmt.Errorf("closing %s before the restore: %w", s.path, err)
	}
	keptAs, err = restoreLocked(ctx, backupPath, s.path)
	now, openErr := open(s.path, Writer, lock)
	if openErr != nil {
		lock.release()
		return nil, keptAs, errors.Join(err, openErr)
	}
	return now, keptAs, err
}

// restoreLocked copies the checked backup over dbPath, whose writer lock
// the caller holds, keeping the database it replaces (see Restore).
func restoreLocked(ctx context.Context, backupPath, dbPath string) (keptAs string, err error) {
	_, statErr := os.Stat(dbPath)
	exists := statErr == nil
	if exists {
		checkpoint(ctx, dbPath)
	}
	err = atomicfile.WriteByName(dbPath, func(tmp string) error {
		src, err := sql.Open("sqlite", probeDSN(backupPath))
		if err != nil {
			return err
		}
		defer src.Close()
		if _, err := src.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
			return fmt.Errorf("copying %s: %w", backupPath, err)
		}
		if !exists {
			return nil
		}
		// The copy is complete: only now is the current database moved aside,
		// its -wal and -shm with it, so that none is left beside the restored
		// file for SQLite to replay into it.
		if keptAs, err = keepReplaced(dbPath); err != nil {
			return fmt.Errorf("keeping the current database aside: %w", err)
		}
		return nil
	})
	if err != nil && keptAs != "" {
		return keptAs, fmt.Errorf("%w; the database that was at %s is kept as %s: rename it back to use it", err, dbPath, keptAs)
	}
	return keptAs, err
}

// refuseSameFile refuses restoring a database onto itself.
func refuseSameFile(backupPath, dbPath string) error {
	b, err := os.Stat(backupPath)
	if err != nil {
		return &OpenError{Path: backupPath, Problem: "cannot be read", Hint: "give the path of a backup file", Err: err}
	}
	if b.IsDir() {
		return &OpenError{Path: backupPath, Problem: "is a folder, not a backup file", Hint: "give the path of a .db file"}
	}
	if d, err := os.Stat(dbPath); err == nil && os.SameFile(b, d) {
		return fmt.Errorf("%s is the database itself; choose a backup", backupPath)
	}
	return nil
}

// CheckBackup is Restore's check of a backup alone, changing nothing: the
// window checks a backup before it tells how to restore it.
func CheckBackup(ctx context.Context, path string) error {
	if err := refuseSameFile(path, ""); err != nil {
		return err
	}
	return checkBackup(ctx, path)
}

// checkBackup reads the backup without writing to it (no -wal or -shm is
// created beside it) and refuses one that is not a whole AoCE database of a
// schema this version can open.
func checkBackup(ctx context.Context, path string) error {
	st, err := probe(ctx, path, probeDSN(path), Writer) // Writer: the full integrity check
	if err != nil {
		return err
	}
	if err := st.refuseUnusable(path); err != nil {
		return err
	}
	if !st.ours {
		return &OpenError{Path: path, Problem: "is not an AoCE Desktop database", Hint: "choose a backup written by 'aoce-desktop backup' or the app; nothing was changed", Err: ErrNotDatabase}
	}
	return nil
}

// checkpoint folds the -wal of the database at path into the file, best
// effort: a damaged database may refuse, and then its -wal moves along.
func checkpoint(ctx context.Context, path string) {
	if !walPending(path) {
		return
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		return
	}
	defer db.Close()
	db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
}

// keepReplaced renames the database at dbPath (and its -wal and -shm, the
// -wal first) to a free NAME.replaced-DATE-TIME.db beside it.
func keepReplaced(dbPath string) (string, error) {
	kept, err := ReplacedName(dbPath, time.Now())
	if err != nil {
		return "", err
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if err := os.Rename(dbPath+ext, kept+ext); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	if err := os.Rename(dbPath, kept); err != nil {
		return "", err
	}
	return kept, nil
}

// ReplacedName is dbPath's name without .db, ".replaced-", the local date
// and time to the minute and ".db"; "-2", "-3"… before .db when taken
// (the window names it before it asks to restore).
func ReplacedName(dbPath string, now time.Time) (string, error) {
	base := strings.TrimSuffix(dbPath, ".db") + ".replaced-" + now.Format("2006-01-02-1504")
	for i := 1; i < 100; i++ {
		name := base + ".db"
		if i > 1 {
			name = fmt.Sprintf("%s-%d.db", base, i)
		}
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
	}
	return "", fmt.Errorf("no free name beside %s", filepath.Base(dbPath))
}
