package data_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// fullNetwork is the demo network with a survey and its answers and an
// entry in the trash (whose payload names rows by their UUIDs).
func fullNetwork(t *testing.T) (*data.Store, data.Network) {
	t.Helper()
	s, n := testkit.DemoStore(t)
	answersSurvey(t, s, n.ID, []data.Respondent{
		{Position: 0, Answers: [][]string{{"Gdańsk"}, {"Participatory budgeting in Łódź"}, {"trust", "café"}}},
		{Position: 1, Answers: [][]string{{"Genk"}, {""}, {"dialogue"}}},
	})
	gps, err := s.GoodPractices(context.Background(), n.ID)
	if err != nil || len(gps) == 0 {
		t.Fatalf("practices: %v %d", err, len(gps))
	}
	if _, err := s.DeleteGoodPractice(context.Background(), gps[0].ID); err != nil {
		t.Fatal(err)
	}
	return s, n
}

// tableHashes reads every handed-over table of the file at path: its row
// count and a hash of its rows in a fixed order (INTEGER keys, which each
// database numbers itself, left out).
func tableHashes(t *testing.T, path string) map[string]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT m.name, c.name, c.pk = 1 AND upper(c.type) = 'INTEGER' FROM sqlite_schema m, pragma_table_info(m.name) c WHERE m.type = 'table' ORDER BY m.name, c.cid`)
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string][]string{}
	for rows.Next() {
		var table, col string
		var ownKey bool
		if err := rows.Scan(&table, &col, &ownKey); err != nil {
			t.Fatal(err)
		}
		if data.HandedOver(table) && !ownKey {
			cols[table] = append(cols[table], `quote("`+col+`")`)
		}
	}
	rows.Close()
	exprs := map[string]string{}
	for table, cs := range cols {
		exprs[table] = strings.Join(cs, " || char(31) || ")
	}
	out := map[string]string{}
	for table, expr := range exprs {
		lines, err := db.Query(`SELECT ` + expr + ` AS r FROM "` + table + `" ORDER BY r`)
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		h, n := sha256.New(), 0
		for lines.Next() {
			var line string
			if err := lines.Scan(&line); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(h, line)
			n++
		}
		lines.Close()
		out[table] = fmt.Sprintf("%d rows %x", n, h.Sum(nil)[:8])
	}
	return out
}

func exportFile(t *testing.T, s *data.Store, n data.Network) (string, data.HandoverInfo) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "network.aoce")
	info, err := s.ExportNetwork(context.Background(), n.ID, out, "test")
	if err != nil {
		t.Fatal(err)
	}
	return out, info
}

func emptyStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "empty.db"), data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestHandoverRoundTripsEveryRowOfTheNetwork(t *testing.T) {
	ctx := context.Background()
	s, n := fullNetwork(t)
	want := tableHashes(t, s.Path())
	// Another network in the database does not travel.
	if _, err := s.CreateNetwork(ctx, data.Network{Name: "Another network"}); err != nil {
		t.Fatal(err)
	}
	file, info := exportFile(t, s, n)
	got, err := data.ReadHandover(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if got.NetworkID != n.ID || got.NetworkName != n.Name || got.SchemaVersion != data.LatestSchemaVersion() || got.AppVersion != "test" ||
		time.Since(got.ExportedAt) > time.Minute || fmt.Sprint(got.Counts) != fmt.Sprint(info.Counts) {
		t.Fatalf("header %+v, export said %+v", got, info)
	}
	to := emptyStore(t)
	id, _, err := to.ImportNetwork(ctx, file, data.ImportAsIs, time.Now())
	if err != nil || id != n.ID {
		t.Fatalf("import: %q %v", id, err)
	}
	imported := tableHashes(t, to.Path())
	for table, h := range want {
		if imported[table] != h {
			t.Errorf("%s: imported %s, was %s", table, imported[table], h)
		}
	}
	if len(want) < 20 {
		t.Errorf("only %d tables compared", len(want))
	}
	// The search index is rebuilt from the rows, answers included.
	if _, hits := found(t, to, n.ID, "budgeting"); answerHitCount(hits) != 1 {
		t.Errorf("search after import: %+v", hits)
	}
}

func TestHandoverKeepBothAddsACopyUnderNewIDs(t *testing.T) {
	ctx := context.Background()
	s, n := fullNetwork(t)
	before := tableHashes(t, s.Path())
	file, _ := exportFile(t, s, n)
	if _, _, err := s.ImportNetwork(ctx, file, data.ImportAsIs, time.Now()); !errors.Is(err, data.ErrNetworkPresent) {
		t.Fatalf("as is into the database that has it: %v", err)
	}
	if after := tableHashes(t, s.Path()); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatal("a refused import changed the database")
	}
	day := time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)
	id, _, err := s.ImportNetwork(ctx, file, data.ImportKeepBoth, day)
	if err != nil || id == n.ID {
		t.Fatalf("keep both: %q %v", id, err)
	}
	cp, err := s.Network(ctx, id)
	if err != nil || cp.Name != n.Name+" (imported 2026-12-01)" {
		t.Fatalf("copy: %+v %v", cp, err)
	}
	for _, pair := range [][2]func(string) int{
		{func(id string) int { ps, _ := s.Partners(ctx, id); return len(ps) }, nil},
		{func(id string) int { gs, _ := s.GoodPractices(ctx, id); return len(gs) }, nil},
		{func(id string) int { ss, _ := s.Surveys(ctx, id); return len(ss) }, nil},
	} {
		if a, b := pair[0](n.ID), pair[0](id); a == 0 || a != b {
			t.Errorf("original %d, copy %d", a, b)
		}
	}
	// The copy's trash holds its own rows: restoring it brings the
	// practice back into the copy, not into the original.
	items, err := s.Trash(ctx, id)
	if err != nil || len(items) != 1 {
		t.Fatalf("copy's trash: %v %v", items, err)
	}
	if _, err := s.RestoreTrash(ctx, items[0].ID); err != nil {
		t.Fatal(err)
	}
	orig, _ := s.GoodPractices(ctx, n.ID)
	copied, _ := s.GoodPractices(ctx, id)
	if len(copied) != len(orig)+1 {
		t.Errorf("after restoring the copy's trash: original %d practices, copy %d", len(orig), len(copied))
	}
	if _, hits := found(t, s, id, "budgeting"); answerHitCount(hits) != 1 {
		t.Errorf("the copy's answers are not searchable: %+v", hits)
	}
}

func TestHandoverRefusesFilesThatAreNotOne(t *testing.T) {
	ctx := context.Background()
	s, n := fullNetwork(t)
	good, _ := exportFile(t, s, n)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	sqlExec := func(path string, qs ...string) string {
		db, err := sql.Open("sqlite", "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, q := range qs {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		return path
	}
	newer := sqlExec(write("newer.aoce", raw), fmt.Sprintf(`INSERT INTO aoce_schema_version (version_id, is_applied) VALUES (%d, 1)`, data.LatestSchemaVersion()+1))
	backup := filepath.Join(dir, "backup.aoce")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, path, says string }{
		{"newer schema", newer, fmt.Sprintf("schema %d", data.LatestSchemaVersion()+1)},
		{"not an .aoce", write("notes.aoce", []byte("Dear colleague, here is the network.\n")), "not"},
		{"truncated", write("half.aoce", raw[:len(raw)/2]), "half.aoce"},
		{"another app's SQLite", sqlExec(filepath.Join(dir, "other.aoce"), `CREATE TABLE songs (title TEXT)`), "is not an AoCE hand-over file"},
		{"a whole database", backup, "not a hand-over file"},
	} {
		to := emptyStore(t)
		_, _, err := to.ImportNetwork(ctx, c.path, data.ImportAsIs, time.Now())
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v (want it to say %q)", c.name, err, c.says)
		}
		if ns, _ := to.Networks(ctx); len(ns) != 0 {
			t.Errorf("%s: %d networks added", c.name, len(ns))
		}
	}
}

func TestHandoverImportIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	s, n := fullNetwork(t)
	file, _ := exportFile(t, s, n)
	// A row that names a study that is not there: the copy goes in table
	// by table and only the commit's reference check fails, after every
	// other row is in.
	db, err := sql.Open("sqlite", "file:"+file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE study_snapshots SET study_id = 'no-such-study' WHERE rowid = (SELECT MIN(rowid) FROM study_snapshots)`); err != nil {
		t.Fatal(err)
	}
	var changed int
	db.QueryRow(`SELECT changes()`).Scan(&changed)
	db.Close()
	to := emptyStore(t)
	empty := tableHashes(t, to.Path())
	if _, _, err := to.ImportNetwork(ctx, file, data.ImportAsIs, time.Now()); err == nil || !strings.Contains(err.Error(), "nothing was added") {
		t.Fatalf("import of a broken file: %v", err)
	}
	if got := tableHashes(t, to.Path()); fmt.Sprint(got) != fmt.Sprint(empty) {
		t.Errorf("a failed import left rows: %v", got)
	}
}

func answerHitCount(hits []data.SearchHit) int {
	n := 0
	for _, h := range hits {
		if h.Kind == data.SearchAnswer {
			n++
		}
	}
	return n
}

// The summary counts every kind in words, one and many ("1 study", not
// "1 studies"), and the file names the laptop as its user named it for
// sync, the host name only when it has no name.
func TestHandoverSummaryAndLaptopInWords(t *testing.T) {
	var one, two data.HandoverInfo
	for _, k := range data.HandoverKinds {
		one.Counts = append(one.Counts, data.KindCount{Table: k.Table, N: 1})
		two.Counts = append(two.Counts, data.KindCount{Table: k.Table, N: 2})
	}
	ones, twos := strings.Split(one.Summary(), ", "), strings.Split(two.Summary(), ", ")
	if len(ones) != len(data.HandoverKinds) || len(twos) != len(ones) {
		t.Fatalf("summaries %q, %q", one.Summary(), two.Summary())
	}
	for i, k := range data.HandoverKinds {
		if twos[i] != "2 "+data.KindLabel(k.Table) {
			t.Errorf("%s: %q, want the label %q", k.Table, twos[i], data.KindLabel(k.Table))
		}
		if !strings.HasPrefix(ones[i], "1 ") || ones[i][2:] == data.KindLabel(k.Table) {
			t.Errorf("%s: %q says one with the plural", k.Table, ones[i])
		}
	}
	if !strings.Contains(one.Summary(), "1 study,") || !strings.Contains(one.Summary(), "1 item in the trash") {
		t.Errorf("one of each: %q", one.Summary())
	}

	s, n := testkit.DemoStore(t)
	host, _ := os.Hostname()
	if _, info := exportFile(t, s, n); info.Laptop != host {
		t.Errorf("an unnamed laptop exported as %q, want the host name %q", info.Laptop, host)
	}
	db, err := sql.Open("sqlite", "file:"+s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE sync_laptop SET name = 'Anna''s ThinkPad'`); err != nil {
		t.Fatal(err)
	}
	out, info := exportFile(t, s, n)
	if info.Laptop != "Anna's ThinkPad" {
		t.Errorf("exported on %q", info.Laptop)
	}
	if read, err := data.ReadHandover(context.Background(), out); err != nil || read.From() != "Anna's ThinkPad" {
		t.Errorf("the file says it came from %q (%v)", read.From(), err)
	}
}
