// Package data is the SQLite store of AoCE Desktop. All SQL lives here; the
// rest of the program talks to it through the Store's methods.
package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"

	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go, no cgo)
)

// Mode says how a database file is opened.
type Mode int

const (
	// Writer takes the file's writer lock, upgrades the schema if needed and
	// may change data. Only one Writer per file at a time.
	Writer Mode = iota
	// Reader opens an existing, current file read-only and takes no lock, so
	// it works while the app has the file open (list, backup, check).
	Reader
)

// Store is an open AoCE database.
type Store struct {
	db   *sql.DB
	path string
	lock *writerLock
	// BackupPath is the copy written before a schema upgrade, "" when none was needed.
	BackupPath string
}

// Open opens (and for a Writer, creates or upgrades) the database at path.
// A file that is not ours, corrupt, or from a newer version is refused with
// an *OpenError and left byte-for-byte untouched.
func Open(path string, mode Mode) (*Store, error) {
	ctx := context.Background()
	info, statErr := os.Stat(path)
	exists := statErr == nil
	if exists && info.IsDir() {
		return nil, &OpenError{Path: path, Problem: "is a folder, not a database file", Hint: "give the path of a .db file"}
	}
	if !exists && mode == Reader {
		return nil, &OpenError{Path: path, Problem: "does not exist", Hint: "create it with 'aoce-desktop demo' or by starting the app", Err: os.ErrNotExist}
	}

	s := &Store{path: path}
	if mode == Writer {
		lock, err := acquireWriterLock(path)
		if err != nil {
			return nil, err
		}
		s.lock = lock
	}
	fail := func(err error) (*Store, error) {
		if s.db != nil {
			s.db.Close()
		}
		if s.lock != nil {
			s.lock.discard()
		}
		return nil, err
	}

	state := fileState{}
	if exists {
		var err error
		if state, err = probe(ctx, path); err != nil {
			return fail(err)
		}
		if err := state.refuseUnusable(path); err != nil {
			return fail(err)
		}
	}
	if mode == Reader && state.version < LatestSchemaVersion() {
		return fail(&OpenError{Path: path, Problem: fmt.Sprintf("has schema version %d, this version of AoCE Desktop needs %d", state.version, LatestSchemaVersion()),
			Hint: "open it once in the app (or run any command that changes data) to upgrade it"})
	}

	db, err := sql.Open("sqlite", dsn(path, mode))
	if err != nil {
		return fail(err)
	}
	s.db = db
	if mode == Reader {
		return s, s.ping(ctx)
	}
	// One connection: SQLite has one writer anyway, and a single connection
	// makes "BEGIN IMMEDIATE" transactions queue instead of failing busy.
	db.SetMaxOpenConns(1)
	if err := s.ping(ctx); err != nil {
		return fail(err)
	}
	if state.version > 0 && state.version < LatestSchemaVersion() {
		if s.BackupPath, err = s.backupBeforeMigration(ctx, state.version); err != nil {
			return fail(err)
		}
	}
	if exists && state.version == LatestSchemaVersion() {
		return s.purgeOnOpen(ctx, fail) // current already: skip the migration machinery at start-up
	}
	if err := s.migrate(ctx); err != nil {
		return fail(&OpenError{Path: path, Problem: "could not be upgraded to the current schema", Hint: restoreHint(s.BackupPath), Err: err})
	}
	return s.purgeOnOpen(ctx, fail)
}

func (s *Store) ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return &OpenError{Path: s.path, Problem: "could not be opened", Err: err}
	}
	return nil
}

// dsn builds the modernc connection string: WAL for readers beside a writer,
// foreign keys on, and a busy timeout so short overlaps wait instead of failing.
func dsn(path string, mode Mode) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	if mode == Reader {
		q.Set("mode", "ro")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database and releases the writer lock.
func (s *Store) Close() error {
	var err error
	if s.db != nil {
		err = s.db.Close()
		s.db = nil
	}
	if s.lock != nil {
		err = errors.Join(err, s.lock.release())
		s.lock = nil
	}
	return err
}

// inTx runs fn in one transaction: all of it lands, or none of it.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}
