package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fillDB builds a closed, current database of about mb MiB at path: a
// network with 3,000 partners (rows in a table with two indexes) and a
// survey whose respondents hold the bulk, as a big import leaves it. The
// file is left in the given journal mode (DELETE or WAL, as the app
// leaves it).
func fillDB(tb testing.TB, path string, mb int, journal string) {
	tb.Helper()
	s, err := Open(path, Writer)
	if err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	n, err := s.CreateNetwork(ctx, Network{Name: "Large"})
	if err != nil {
		tb.Fatal(err)
	}
	stamp := now()
	if _, err := s.db.ExecContext(ctx, `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 3000)
		INSERT INTO partners (id, network_id, name, name_key, created_at, updated_at)
		SELECT printf('p%08d', i), ?, printf('City number %d', i), printf('city number %d', i), ?, ? FROM c`, n.ID, stamp, stamp); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO surveys (id, network_id, title, created_at, updated_at) VALUES ('big', ?, 'Big', ?, ?)`, n.ID, stamp, stamp); err != nil {
		tb.Fatal(err)
	}
	rows := mb << 20 / 1000 // 800 bytes of answers per respondent, ~1 KB with its share of pages
	if _, err := s.db.ExecContext(ctx, `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < ?)
		INSERT INTO survey_respondents (survey_id, position, answers) SELECT 'big', i, hex(randomblob(400)) FROM c`, rows); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `PRAGMA journal_mode=`+journal); err != nil {
		tb.Fatal(err)
	}
	if err := s.Close(); err != nil {
		tb.Fatal(err)
	}
}

// leafPage returns the page size and the number of a leaf page of the
// b-tree called name (a table or an index), found through SQLite's dbstat.
func leafPage(tb testing.TB, path, name string) (pageSize, page int64) {
	tb.Helper()
	db, err := sql.Open("sqlite", immutableDSN(path)) // (mode=ro alone would leave -wal and -shm files)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow(`PRAGMA page_size`).Scan(&pageSize); err != nil {
		tb.Fatal(err)
	}
	// a leaf in the middle of the tree, so the damage is not at an edge
	err = db.QueryRow(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno
		LIMIT 1 OFFSET (SELECT COUNT(*)/2 FROM dbstat WHERE name = ? AND pagetype = 'leaf')`, name, name).Scan(&page)
	if err != nil {
		tb.Fatalf("finding a leaf page of %s: %v", name, err)
	}
	return pageSize, page
}

// flipKeys flips one bit in the middle of every cell's payload on a leaf
// page of an index: the page's structure stays valid, the keys no longer
// match their rows — damage a page-structure check does not see.
func flipKeys(tb testing.TB, path, index string) {
	tb.Helper()
	size, page := leafPage(tb, path, index)
	editPage(tb, path, size, page, func(p []byte) {
		if p[0] != 0x0a {
			tb.Fatalf("page %d of %s is not an index leaf (type %#x)", page, index, p[0])
		}
		cells := int(binary.BigEndian.Uint16(p[3:5]))
		for i := 0; i < cells; i++ {
			off := int(binary.BigEndian.Uint16(p[8+2*i:]))
			payload, n := binary.Uvarint(p[off:]) // SQLite varints below 128 are plain bytes
			if n != 1 {
				tb.Fatalf("cell %d: payload size varint of %d bytes", i, n)
			}
			p[off+1+int(payload)/2] ^= 0x01
		}
	})
}

// scribblePage overwrites the cell area of a leaf page of a table.
func scribblePage(tb testing.TB, path, table string) {
	tb.Helper()
	size, page := leafPage(tb, path, table)
	editPage(tb, path, size, page, func(p []byte) {
		for i := 8; i < len(p); i++ {
			p[i] = 0x5a
		}
	})
}

func editPage(tb testing.TB, path string, size, page int64, edit func([]byte)) {
	tb.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	p := make([]byte, size)
	if _, err := f.ReadAt(p, (page-1)*size); err != nil {
		tb.Fatal(err)
	}
	edit(p)
	if _, err := f.WriteAt(p, (page-1)*size); err != nil {
		tb.Fatal(err)
	}
}

// fileSum is the SHA-256 of a file, to compare its bytes before and after.
func fileSum(tb testing.TB, path string) [sha256.Size]byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return sha256.Sum256(b)
}

// copyFile copies src to dst (a test's database and its side files).
func copyFile(tb testing.TB, src, dst string) {
	tb.Helper()
	in, err := os.Open(src)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
}

// assertWriterRefused opens path as a Writer and expects a refusal that
// names the file and says each of want, with the file's bytes unchanged
// and nothing left beside it.
func assertWriterRefused(t *testing.T, path string, want ...string) *OpenError {
	t.Helper()
	before := fileSum(t, path)
	_, lockErr := os.Stat(path + ".lock")
	s, err := Open(path, Writer)
	if err == nil {
		s.Close()
		t.Fatalf("a Writer opened %s, want a refusal", path)
	}
	var oe *OpenError
	if !errors.As(err, &oe) {
		t.Fatalf("error %v (%T), want an OpenError", err, err)
	}
	for _, w := range append(want, path) {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("message %q should say %q", err, w)
		}
	}
	if fileSum(t, path) != before {
		t.Error("the refused file's bytes changed")
	}
	for _, side := range []string{"-wal", "-shm", ".lock"} {
		if _, err := os.Stat(path + side); err == nil && (side != ".lock" || lockErr != nil) {
			t.Errorf("the refused open left a %s file beside the database", side)
		}
	}
	return oe
}

// TestWriterRefusesDamageInALargeFile: a file over the Reader's 64 MiB
// check limit, with one index leaf whose keys no longer match their rows
// (which quick_check passes) or one scribbled table page, is refused by
// the Writer with its bytes unchanged, and 'check' (a Reader) still
// opens it and reports the damage.
func TestWriterRefusesDamageInALargeFile(t *testing.T) {
	if raceDetector {
		t.Skip("building the 70 MB file takes minutes under the race detector; the normal run checks it")
	}
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.db")
	fillDB(t, clean, 70, "WAL")
	if info, _ := os.Stat(clean); info.Size() <= readerCheckLimit {
		t.Fatalf("the file has %d bytes, want more than %d", info.Size(), readerCheckLimit)
	}
	for _, tc := range []struct {
		name    string
		damage  func(testing.TB, string, string)
		tree    string
		journal string
		says    string // in the refusal
		finds   string // in check's first problem
	}{
		{"flipped index keys", flipKeys, "partners_name", "DELETE", "missing from index partners_name", "partners_name"},
		{"scribbled table page", scribblePage, "survey_respondents", "WAL", "damaged", "page"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "aoce.db")
			copyFile(t, clean, path)
			raw, err := sql.Open("sqlite", "file:"+path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec(`PRAGMA journal_mode=` + tc.journal); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			tc.damage(t, path, tc.tree)
			oe := assertWriterRefused(t, path, tc.says, "did not change it", "backup copy")
			if !errors.Is(oe, ErrNotDatabase) {
				t.Errorf("%v does not wrap ErrNotDatabase", oe)
			}
			s, err := Open(path, Reader)
			if err != nil {
				t.Fatalf("check's Reader open: %v", err)
			}
			defer s.Close()
			t.Logf("refused: %v", oe)
			problems, err := s.Check(context.Background())
			if err != nil || len(problems) == 0 || problems[0].Kind != "integrity" || !strings.Contains(problems[0].Detail, tc.finds) {
				t.Fatalf("check: %v %v, want integrity problems naming %q", problems, err, tc.finds)
			}
		})
	}
}

// TestDamagedHintNamesTheNewestUpgradeCopy: the refusal of a damaged file
// points to the latest copy the app made before an upgrade, by its stamp.
func TestDamagedHintNamesTheNewestUpgradeCopy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "aoce.db")
	if hint := damagedHint(path); !strings.Contains(hint, "'aoce-desktop backup'") {
		t.Fatalf("no copies: %q", hint)
	}
	for _, name := range []string{"aoce.schema7-20261120-090000.bak", "aoce.schema3-20261101-101010.bak", "aoce.schema9-notastamp.bak", "other.schema8-20261130-080000.bak"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := filepath.Join(dir, "aoce.schema7-20261120-090000.bak")
	if hint := damagedHint(path); !strings.Contains(hint, "the newest copy the app made, before an upgrade, is "+want) {
		t.Fatalf("hint %q should name %s", hint, want)
	}
}
