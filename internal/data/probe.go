package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// versionTable is where goose records the applied migrations; its presence
// is what marks a file as an AoCE Desktop database.
const versionTable = "aoce_schema_version"

// fileState is what a read-only look at an existing file found.
type fileState struct {
	tables  int   // user tables in the file
	ours    bool  // has our version table
	version int64 // applied schema version, 0 when none
}

// probe looks at an existing file without writing to it: the connection is
// read-only and sets no journal mode, so a refused file keeps its bytes.
func probe(ctx context.Context, path string) (fileState, error) {
	var st fileState
	db, err := sql.Open("sqlite", dsn(path, Reader))
	if err != nil {
		return st, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return st, classifyOpenError(path, err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return st, classifyOpenError(path, err)
		}
		st.tables++
		st.ours = st.ours || name == versionTable
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return st, classifyOpenError(path, err)
	}
	if st.ours {
		err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version_id), 0) FROM `+versionTable+` WHERE is_applied`).Scan(&st.version)
		if err != nil {
			return st, classifyOpenError(path, err)
		}
	}
	return st, quickCheck(ctx, db, path)
}

// quickCheckLimit bounds the files checked page by page at open: a few
// milliseconds for a network's data; a file grown large with survey answers
// is checked by 'aoce-desktop check' instead of at every start.
const quickCheckLimit = 64 << 20

// quickCheck reads every page of a small file before anything writes to
// it, so damage deeper than the schema is refused with the file unchanged
// (the writer's first act, setting WAL mode, rewrites header bytes).
func quickCheck(ctx context.Context, db *sql.DB, path string) error {
	if info, err := os.Stat(path); err != nil || info.Size() > quickCheckLimit {
		return nil
	}
	var result string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&result); err != nil {
		return classifyOpenError(path, err)
	}
	if result != "ok" {
		return &OpenError{Path: path, Problem: "is damaged (corrupt): " + result, Hint: "restore it from a backup; the file was not changed", Err: errors.Join(ErrNotDatabase, errNoDetail)}
	}
	return nil
}

// refuseUnusable turns a probed state into the error the user sees, or nil.
func (st fileState) refuseUnusable(path string) error {
	if st.tables > 0 && !st.ours {
		return &OpenError{Path: path, Problem: "is an SQLite database of another program", Hint: "choose an AoCE Desktop database, or a new file name; the file was not changed", Err: ErrNotDatabase}
	}
	if latest := LatestSchemaVersion(); st.version > latest {
		return &OpenError{Path: path,
			Problem: fmt.Sprintf("was written by a newer version of AoCE Desktop (schema %d; this version knows up to %d)", st.version, latest),
			Hint:    "install the newer AoCE Desktop to open it; the file was not changed", Err: ErrNewerSchema}
	}
	return nil
}

// classifyOpenError explains SQLite's "not a database" and "malformed" codes.
func classifyOpenError(path string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return &OpenError{Path: path, Problem: "is not a database (it may be another kind of file)", Hint: "choose an AoCE Desktop .db file; the file was not changed", Err: errors.Join(ErrNotDatabase, errNoDetail)}
		case sqlite3.SQLITE_CORRUPT:
			return &OpenError{Path: path, Problem: "is damaged (corrupt)", Hint: "restore it from a backup; the file was not changed", Err: errors.Join(ErrNotDatabase, errNoDetail)}
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY:
			return &OpenError{Path: path, Problem: "cannot be read", Hint: "check that the file and its folder may be read and written", Err: err}
		}
	}
	if strings.Contains(err.Error(), "malformed") {
		return &OpenError{Path: path, Problem: "is damaged (corrupt)", Hint: "restore it from a backup; the file was not changed", Err: errors.Join(ErrNotDatabase, errNoDetail)}
	}
	return &OpenError{Path: path, Problem: "could not be read", Err: err}
}
