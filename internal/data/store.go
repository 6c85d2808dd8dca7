// Package data is the SQLite store of AoCE Desktop. All SQL lives here; the
// rest of the program talks to it through the Store's methods.
//
// A Store has two sets of connections to its file (in WAL mode): one writer
// connection, which every write and every transaction (Update) queues for,
// and a pool of read-only connections that every read outside a transaction
// uses. A read sees the last committed state, so screens keep reading while
// an import, a long transaction or a backup runs; a transaction's own
// uncommitted changes are seen only through the reads of its *Tx.
//
// The one rule for callers: inside a transaction function (Update's fn) make
// no Store call that writes (nor a nested Update) — the transaction holds the
// only writer connection and such a call would wait for it forever; write
// through the *Tx instead. Store reads inside fn are safe but do not see the
// transaction's changes. Inside a streaming callback (EachRespondent's fn)
// any Store call is safe: the stream holds a connection of the read pool,
// which has no upper bound, and writes go to the writer.
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
	db     *sql.DB   // the writer: one connection, for writes and transactions
	stmts  stmtCache // the writer's statements kept prepared (see Tx.stmt)
	rd     *sql.DB   // read-only pool for every read outside a transaction (the writer's file in Reader mode: the same pool as db)
	path   string
	lock   *writerLock
	closed bool // Close has run (the handles stay, closed, so late calls get an error)
	// BackupPath is the copy written before a schema upgrade, "" when none was needed.
	BackupPath string
	// UpgradeNotes say what the schema upgrade of this opening changed in
	// the data ("Good practices and the matrix now agree: …"), for the app
	// and the command line to show once; nil when nothing.
	UpgradeNotes []string
}

// Open opens (and for a Writer, creates or upgrades) the database at path.
// A file that is not ours, corrupt, or from a newer version is refused with
// an *OpenError and left byte-for-byte untouched; a Writer checks every
// page and index of the file first, whatever its size (see checkPages). A
// Writer refuses read-only storage at once; a Reader works on it.
func Open(path string, mode Mode) (*Store, error) {
	return open(path, mode, nil)
}

// open is Open; a Writer given held uses that writer lock of the file
// (taken over from a store closed for a restore) instead of taking it, and
// leaves it to the caller when the open fails.
func open(path string, mode Mode, held *writerLock) (*Store, error) {
	ctx := context.Background()
	info, statErr := os.Stat(path)
	exists := statErr == nil
	if exists && info.IsDir() {
		return nil, &OpenError{Path: path, Problem: "is a folder, not a database file", Hint: "give the path of a .db file"}
	}
	if !exists && mode == Reader {
		return nil, &OpenError{Path: path, Problem: "does not exist", Hint: "create it with 'aoce-desktop demo' or by starting the app", Err: os.ErrNotExist}
	}

	where := probeStorage(path)
	roDSN := probeDSN(path) // how this open reads the file before (or without) the writer
	if mode == Writer {
		if err := where.refuseWriting(path, exists); err != nil {
			return nil, err
		}
	} else {
		var err error
		if roDSN, err = readDSN(path, where); err != nil {
			return nil, err
		}
	}

	s := &Store{path: path}
	if mode == Writer && held != nil {
		s.lock = held
	} else if mode == Writer {
		lock, err := acquireWriterLock(path)
		if err != nil {
			return nil, err
		}
		s.lock = lock
	}
	fail := func(err error) (*Store, error) {
		s.closeDBs()
		if s.lock != nil && held == nil {
			s.lock.discard()
		}
		return nil, err
	}

	state := fileState{}
	if exists {
		var err error
		if state, err = probe(ctx, path, roDSN, mode); err != nil {
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

	if mode == Reader {
		db, err := sql.Open("sqlite", roDSN)
		if err != nil {
			return fail(err)
		}
		s.db = db
		s.rd = db
		if err := s.ping(ctx); err != nil {
			return fail(err)
		}
		return s, nil
	}
	db, err := sql.Open("sqlite", dsn(path, Writer))
	if err != nil {
		return fail(err)
	}
	s.db = db
	// One connection: SQLite has one writer anyway, and a single connection
	// makes "BEGIN IMMEDIATE" transactions queue instead of failing busy.
	db.SetMaxOpenConns(1)
	if err := s.ping(ctx); err != nil { // the first connection sets WAL mode
		return fail(err)
	}
	if s.rd, err = openReadPool(path); err != nil {
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
	if s.UpgradeNotes, err = s.takeUpgradeNotes(ctx); err != nil {
		return fail(&OpenError{Path: path, Problem: "could not be read after its upgrade", Err: err})
	}
	return s.purgeOnOpen(ctx, fail)
}

// openReadPool opens the read-only connections beside the writer. The pool
// has no upper bound, so a read made while other reads hold connections (a
// read inside a streaming callback) never waits for one of them; a few stay
// open between reads.
func openReadPool(path string) (*sql.DB, error) {
	rd, err := sql.Open("sqlite", dsn(path, Reader))
	if err != nil {
		return nil, err
	}
	rd.SetMaxIdleConns(readPoolIdle)
	return rd, nil
}

// readPoolIdle is how many read connections stay open between reads.
const readPoolIdle = 4

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
		q.Set("mode", "ro") // (not query_only: it would refuse VACUUM INTO, the backup)
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
	err := s.closeDBs()
	if s.lock != nil {
		err = errors.Join(err, s.lock.release())
		s.lock = nil
	}
	return err
}

// closeDBs closes the read pool and the writer, once. The handles stay:
// a call made after Close (a late goroutine) gets database/sql's "database
// is closed" error instead of a nil-pointer panic.
func (s *Store) closeDBs() error {
	if s.closed {
		return nil
	}
	s.closed = true
	var err error
	if s.rd != nil && s.rd != s.db {
		err = s.rd.Close()
	}
	if s.db != nil {
		err = errors.Join(err, s.stmts.close(), s.db.Close())
	}
	return err
}

// inTx runs fn in one transaction: all of it lands, or none of it.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	// A panic in fn must not leave the one writer connection inside an open
	// transaction (every later write would wait for it): roll back, then
	// let the panic go on to the import boundary that reports it.
	defer func() {
		if r := recover(); r != nil {
			_ = tx.Rollback()
			panic(r)
		}
	}()
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}
