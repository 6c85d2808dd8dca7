package sync

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"zombiezen.com/go/sqlite"
)

// The snapshot of a network is what the other laptops know of it from this
// laptop: its rows as they were at the end of the last sync, kept beside
// the database (never in the shared folder). Diffing the network's rows of
// now against it gives this laptop's unsent changes.
func basePath(dbPath, network string) string {
	return filepath.Join(dbPath+".sync", network+".base")
}

// openScratch opens a fresh file at path with the live database attached as
// "live" and the network's snapshot as "base" (created empty the first
// time), and copies the network's rows of now into it.
func openScratch(dbPath, path, network string) (*sqlite.Conn, error) {
	return openScratchOn(dbPath, basePath(dbPath, network), path, network)
}

// openScratchOn is openScratch with the snapshot at base.
func openScratchOn(dbPath, base, path, network string) (*sqlite.Conn, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	_, statErr := os.Stat(base)
	c, err := openConn(path)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*sqlite.Conn, error) {
		c.Close()
		return nil, err
	}
	if err := execAll(c, `PRAGMA journal_mode = OFF`, `PRAGMA cache_size = -65536`); err != nil { // a scratch file: a failed sync starts it again
		return fail(err)
	}
	if err := exec(c, `ATTACH ? AS live`, dbPath); err != nil {
		return fail(err)
	}
	if err := exec(c, `ATTACH ? AS base`, base); err != nil {
		return fail(err)
	}
	// The snapshot files are scratch (a failed sync makes them again), and
	// the live file keeps the store's own setting (WAL, NORMAL).
	if err := execAll(c, `PRAGMA main.synchronous = OFF`, `PRAGMA base.synchronous = OFF`, `PRAGMA live.synchronous = NORMAL`); err != nil {
		return fail(err)
	}
	if err := createTables(c, "live", "main"); err != nil {
		return fail(err)
	}
	if errors.Is(statErr, os.ErrNotExist) {
		if err := createTables(c, "live", "base"); err != nil {
			return fail(err)
		}
	}
	if err := copyNetwork(c, "live", "main", network); err != nil {
		return fail(err)
	}
	return c, nil
}

var createTable = regexp.MustCompile(`(?is)^\s*CREATE\s+TABLE\s+("[^"]+"|\w+)`)

// createTables creates the synced tables in schema as the live database
// (attached as like) defines them (same columns in the same order, same
// primary keys).
func createTables(c *sqlite.Conn, like, schema string) error {
	for _, t := range tables {
		var ddl string
		err := each(c, `SELECT sql FROM `+like+`.sqlite_schema WHERE type = 'table' AND name = ?`, func(s *sqlite.Stmt) error {
			ddl = s.ColumnText(0)
			return nil
		}, t.name)
		if err != nil {
			return err
		}
		if ddl == "" {
			return fmt.Errorf("the database has no table %s: is its schema current?", t.name)
		}
		if err := exec(c, createTable.ReplaceAllString(ddl, "CREATE TABLE "+schema+"."+quoteID(t.name))); err != nil {
			return fmt.Errorf("snapshot table %s: %w", t.name, err)
		}
	}
	return nil
}

// copyNetwork copies the network's rows of every synced table from one
// attached schema into another, whose tables are empty.
func copyNetwork(c *sqlite.Conn, from, to, network string) error {
	for _, t := range tables {
		q := fmt.Sprintf(`INSERT INTO %s.%s SELECT * FROM %s.%s x WHERE %s`, to, quoteID(t.name), from, quoteID(t.name), t.where(from))
		if err := exec(c, q, network); err != nil {
			return fmt.Errorf("copy %s: %w", t.name, err)
		}
	}
	return nil
}
