// Package sync shares a network between laptops through a folder that a
// tool such as Syncthing or Nextcloud keeps in step. Each laptop writes its
// own changes as SQLite changesets (the session extension, through
// zombiezen.com/go/sqlite) into <folder>/<network>/<laptop>/<seq>.changeset
// and applies the other laptops' files. Column values carry versions (see
// sync_versions in migration 00015): the highest (clock, laptop) wins on
// every laptop whatever the order files arrive in, and a value that lost
// without anyone having seen it is listed as a conflict.
//
// The engine works on its own connections to the database file while the
// store's writer is held (data.Store.HoldWriter), so the store stays the
// file's only writer. It never writes the live database into the folder:
// the snapshot it diffs against lives beside the database (PATH.sync/).
package sync

import (
	"fmt"
	"strings"
	"time"

	"zombiezen.com/go/sqlite"
	"zombiezen.com/go/sqlite/sqlitex"
)

// openConn opens a connection of the engine's own on a file.
func openConn(path string) (*sqlite.Conn, error) {
	c, err := sqlite.OpenConn(path, sqlite.OpenReadWrite|sqlite.OpenCreate|sqlite.OpenNoMutex)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	c.SetBusyTimeout(5 * time.Second)
	return c, nil
}

func exec(c *sqlite.Conn, query string, args ...any) error {
	if err := sqlitex.Execute(c, query, &sqlitex.ExecOptions{Args: args}); err != nil {
		return fmt.Errorf("%w (in %.60s…)", err, strings.Join(strings.Fields(query), " "))
	}
	return nil
}

// each runs query and calls fn for every row.
//
// The statements are kept prepared (the connection's cache), but one whose
// plan looked at a bound value is prepared again at each use: the cache
// clears its bindings, and SQLite then expires a statement whose plan
// depends on them (Vdbe.expmask). The planner looks at them when it weighs
// an index scan for an ORDER BY, GROUP BY, min() or max() (whether an
// "x = ?" is 0 or 1), so queries run once a row sort and pick the highest
// in Go instead.
func each(c *sqlite.Conn, query string, fn func(*sqlite.Stmt) error, args ...any) error {
	return sqlitex.Execute(c, query, &sqlitex.ExecOptions{Args: args, ResultFunc: fn})
}

// value is a changeset or column value as Go reads it: nil, int64,
// float64, string or []byte.
func value(v sqlite.Value) any {
	switch v.Type() {
	case sqlite.TypeInteger:
		return v.Int64()
	case sqlite.TypeFloat:
		return v.Float()
	case sqlite.TypeText:
		return v.Text()
	case sqlite.TypeBlob:
		return v.Blob()
	default:
		return nil
	}
}

// column is a result column as Go reads it (see value).
func column(s *sqlite.Stmt, i int) any {
	switch s.ColumnType(i) {
	case sqlite.TypeInteger:
		return s.ColumnInt64(i)
	case sqlite.TypeFloat:
		return s.ColumnFloat(i)
	case sqlite.TypeText:
		return s.ColumnText(i)
	case sqlite.TypeBlob:
		b := make([]byte, s.ColumnLen(i))
		s.ColumnBytes(i, b)
		return b
	default:
		return nil
	}
}

// columns are the column names of a table, in order.
func columns(c *sqlite.Conn, schema, table string) ([]string, error) {
	var cols []string
	err := each(c, fmt.Sprintf(`SELECT name FROM pragma_table_info(%s, %s)`, quoteLit(table), quoteLit(schema)), func(s *sqlite.Stmt) error {
		cols = append(cols, s.ColumnText(0))
		return nil
	})
	if err == nil && len(cols) == 0 {
		err = fmt.Errorf("table %s.%s not found", schema, table)
	}
	return cols, err
}

func quoteLit(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
func quoteID(s string) string  { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// columnCache keeps the column names of the tables a sync reads.
type columnCache struct {
	c      *sqlite.Conn
	schema string
	names  map[string][]string
}

func (cc *columnCache) of(table string) ([]string, error) {
	if n, ok := cc.names[table]; ok {
		return n, nil
	}
	n, err := columns(cc.c, cc.schema, table)
	if err != nil {
		return nil, err
	}
	if cc.names == nil {
		cc.names = map[string][]string{}
	}
	cc.names[table] = n
	return n, nil
}

// execAll runs statements without arguments, one after the other, each
// on its own (pragmas that may not run inside a transaction).
func execAll(c *sqlite.Conn, statements ...string) error {
	for _, q := range statements {
		if err := exec(c, q); err != nil {
			return err
		}
	}
	return nil
}

// begin reads this laptop from schema and starts the immediate transaction
// the engine writes in; end it with end(&err), which commits when err is nil.
func begin(c *sqlite.Conn, schema string) (me laptop, end func(*error), err error) {
	if me, err = readLaptop(c, schema); err != nil {
		return me, nil, err
	}
	end, err = sqlitex.ImmediateTransaction(c)
	return me, end, err
}
