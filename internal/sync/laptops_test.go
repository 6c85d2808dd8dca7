package sync

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"zombiezen.com/go/sqlite"
)

// testLaptop is one database of a test and its own view of the shared
// folder: the test plays the folder tool, copying files between views.
type testLaptop struct {
	t      testing.TB
	name   string
	st     *data.Store
	folder string
}

// emptyDB is a migrated empty database, made once: opening a new file
// runs every migration, which is most of a small test's time.
var emptyDB struct {
	once sync.Once
	path string
	err  error
}

func newLaptop(t testing.TB, dir, name string) *testLaptop {
	t.Helper()
	emptyDB.once.Do(func() {
		d, err := os.MkdirTemp("", "aoce-sync-test")
		if err != nil {
			emptyDB.err = err
			return
		}
		emptyDB.path = filepath.Join(d, "empty.db")
		st, err := data.Open(emptyDB.path, data.Writer)
		if err == nil {
			err = st.Close()
		}
		emptyDB.err = err
	})
	if emptyDB.err != nil {
		t.Fatal(emptyDB.err)
	}
	path := filepath.Join(dir, name+".db")
	if err := atomicfile.Copy(emptyDB.path, path); err != nil {
		t.Fatal(err)
	}
	st, err := data.Open(path, data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := NewLaptopID(context.Background(), st); err != nil { // a copied file: a laptop of its own
		t.Fatal(err)
	}
	l := &testLaptop{t: t, name: name, st: st, folder: filepath.Join(dir, name+"-folder")}
	if err := os.MkdirAll(l.folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := SetLaptopName(context.Background(), st, name); err != nil {
		t.Fatal(err)
	}
	return l
}

func (l *testLaptop) sync(network string) Report {
	l.t.Helper()
	r, err := Run(context.Background(), l.st, l.folder, network)
	if err != nil {
		l.t.Fatalf("%s: sync: %v", l.name, err)
	}
	return r
}

// sql runs statements on the laptop's database the way the store writes
// (the clock triggers stamp them).
func (l *testLaptop) sql(query string, args ...any) {
	l.t.Helper()
	err := l.st.HoldWriter(context.Background(), func(path string) error {
		c, err := openConn(path)
		if err != nil {
			return err
		}
		defer c.Close()
		if err := exec(c, `PRAGMA foreign_keys = ON`); err != nil {
			return err
		}
		return exec(c, query, args...)
	})
	if err != nil {
		l.t.Fatalf("%s: %s: %v", l.name, query, err)
	}
}

// query reads one text value.
func (l *testLaptop) query(query string, args ...any) string {
	l.t.Helper()
	c, err := readOnly(l.st.Path())
	if err != nil {
		l.t.Fatal(err)
	}
	defer c.Close()
	var out string
	if err := each(c, query, func(s *sqlite.Stmt) error {
		out = s.ColumnText(0)
		return nil
	}, args...); err != nil {
		l.t.Fatalf("%s: %s: %v", l.name, query, err)
	}
	return out
}

// deliver copies the files of from's view of the folder into to's view.
func deliver(t testing.TB, from, to *testLaptop) {
	t.Helper()
	deliverFilesOf(t, from, to, "")
}

// deliverAll gives every laptop the files of every other, as a folder tool
// that has caught up.
func deliverAll(t testing.TB, ls ...*testLaptop) {
	t.Helper()
	for _, from := range ls {
		for _, to := range ls {
			if from != to {
				deliver(t, from, to)
			}
		}
	}
}

// deliverFilesOf copies the files one laptop wrote (every laptop's: "")
// from from's view of the folder into to's: the folder tool brought them
// first.
func deliverFilesOf(t testing.TB, from, to *testLaptop, laptop string) {
	t.Helper()
	err := filepath.WalkDir(from.folder, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || laptop != "" && filepath.Base(filepath.Dir(path)) != laptop {
			return err
		}
		rel, _ := filepath.Rel(from.folder, path)
		return atomicfile.Copy(path, filepath.Join(to.folder, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// hashes is a hash of every synced table's rows of the network, by table.
func (l *testLaptop) hashes(network string) map[string]string {
	l.t.Helper()
	c, err := readOnly(l.st.Path())
	if err != nil {
		l.t.Fatal(err)
	}
	defer c.Close()
	out := map[string]string{}
	for _, t := range tables {
		h := sha256.New()
		n := 0
		q := fmt.Sprintf(`SELECT * FROM main.%s x WHERE %s ORDER BY 1, 2`, quoteID(t.name), t.where("main"))
		if t.name == versionsTable {
			q = `SELECT * FROM sync_versions x WHERE x.network_id = ?1 ORDER BY tbl, row_id, col, clock, laptop`
		}
		if err := each(c, q, func(s *sqlite.Stmt) error {
			for i := 0; i < s.ColumnCount(); i++ {
				fmt.Fprintf(h, "%T:%v|", column(s, i), column(s, i))
			}
			h.Write([]byte{'\n'})
			n++
			return nil
		}, network); err != nil {
			l.t.Fatalf("%s: hash %s: %v", l.name, t.name, err)
		}
		out[t.name] = fmt.Sprintf("%d rows %s", n, hex.EncodeToString(h.Sum(nil))[:12])
	}
	return out
}

// conflicts are the laptop's conflicts as comparable lines.
func (l *testLaptop) conflicts(network string) []string {
	l.t.Helper()
	cs, err := Conflicts(l.st.Path(), network, true)
	if err != nil {
		l.t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s %s %s kept %v (%s) lost %v (%s)", c.Table, c.RowID, c.Column, c.Kept, c.KeptLaptop, c.Lost, c.LostLaptop))
	}
	return out
}

func sameEverywhere(t testing.TB, network string, ls ...*testLaptop) {
	t.Helper()
	want := ls[0].hashes(network)
	wantC := strings.Join(ls[0].conflicts(network), "\n")
	for _, l := range ls[1:] {
		got := l.hashes(network)
		for table, h := range want {
			if got[table] != h {
				t.Errorf("%s: %s: %s, %s has %s", l.name, table, got[table], ls[0].name, h)
				if os.Getenv("SYNC_DUMP") != "" {
					t.Logf("%s:\n%s\n%s:\n%s", l.name, l.dump(network, table), ls[0].name, ls[0].dump(network, table))
				}
			}
		}
		if c := strings.Join(l.conflicts(network), "\n"); c != wantC {
			t.Errorf("conflicts of %s:\n%s\nof %s:\n%s", l.name, c, ls[0].name, wantC)
		}
	}
}

// dump prints a table's rows of the network (to see what differs), and
// with SYNC_DUMP=versions the table's versions too.
func (l *testLaptop) dump(network, table string) string {
	c, err := readOnly(l.st.Path())
	if err != nil {
		return err.Error()
	}
	defer c.Close()
	tb, _ := tableNamed(table)
	var b strings.Builder
	each(c, fmt.Sprintf(`SELECT * FROM main.%s x WHERE %s ORDER BY 1, 2`, quoteID(table), tb.where("main")), func(s *sqlite.Stmt) error {
		for i := 0; i < s.ColumnCount(); i++ {
			fmt.Fprintf(&b, "%s=%v ", s.ColumnName(i), column(s, i))
		}
		b.WriteString("\n")
		return nil
	}, network)
	if os.Getenv("SYNC_DUMP") == "versions" {
		each(c, `SELECT row_id, col, clock, laptop, value FROM main.sync_versions WHERE tbl = ? ORDER BY 1, 2, 3`, func(s *sqlite.Stmt) error {
			fmt.Fprintf(&b, "V %s %q %d %s %v\n", s.ColumnText(0), s.ColumnText(1), s.ColumnInt64(2), s.ColumnText(3), column(s, 4))
			return nil
		}, table)
	}
	return b.String()
}

func dataOpen(path string) (*data.Store, error) { return data.Open(path, data.Writer) }
