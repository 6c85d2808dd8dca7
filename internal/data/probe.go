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

// probe looks at an existing file without writing to it: the connection
// (readDSN) is read-only and sets no journal mode, so a refused file keeps
// its bytes.
func probe(ctx context.Context, path, readDSN string, mode Mode) (fileState, error) {
	var st fileState
	db, err := sql.Open("sqlite", readDSN)
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
	return st, checkPages(ctx, db, path, mode)
}

// readerCheckLimit bounds the files a Reader checks page by page at open: a
// Reader never writes, and 'aoce-desktop check' checks a file of any size.
const readerCheckLimit = 64 << 20

// checkPages refuses a damaged file before anything writes to it (the
// writer's first act, setting WAL mode, rewrites header bytes). A Writer
// runs the full integrity_check on every open, whatever the size: besides
// every page's structure it compares every index with its table, and a
// flipped bit in an index key passes quick_check, which is hardly cheaper.
// It costs 0.2–0.5 s for 100 MB and 1–3.4 s for 1 GB on a loaded 2-core
// machine (BenchmarkOpenLarge), which is why the window opens the store off
// its UI goroutine.
func checkPages(ctx context.Context, db *sql.DB, path string, mode Mode) error {
	pragma := `PRAGMA integrity_check(1)`
	if mode == Reader {
		if info, err := os.Stat(path); err != nil || info.Size() > readerCheckLimit {
			return nil
		}
		pragma = `PRAGMA quick_check(1)`
	}
	var result string
	if err := db.QueryRowContext(ctx, pragma).Scan(&result); err != nil {
		return classifyOpenError(path, err)
	}
	if result != "ok" {
		return damaged(path, firstProblem(result))
	}
	return nil
}

// firstProblem is the first finding of a check, without SQLite's
// "*** in database main ***" heading.
func firstProblem(result string) string {
	result = strings.TrimSpace(strings.TrimPrefix(result, "*** in database main ***"))
	first, _, _ := strings.Cut(result, "\n")
	return first
}

// damaged is the refusal of a corrupt file; detail may be "".
func damaged(path, detail string) error {
	problem := "is damaged (corrupt)"
	if detail != "" {
		problem += ": " + detail
	}
	return &OpenError{Path: path, Problem: problem, Hint: damagedHint(path), Err: errors.Join(ErrNotDatabase, errNoDetail)}
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
			return damaged(path, "")
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY:
			return &OpenError{Path: path, Problem: "cannot be read", Hint: "check that the file and its folder may be read and written", Err: err}
		}
	}
	if strings.Contains(err.Error(), "malformed") {
		return damaged(path, "")
	}
	return &OpenError{Path: path, Problem: "could not be read", Err: err}
}
