package sync

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"zombiezen.com/go/sqlite"
)

// clone copies a laptop — its database, snapshot and view of the folder —
// into a second laptop with the same id, so that one state can be merged
// two ways.
func clone(t *testing.T, l *testLaptop, dir, name string) *testLaptop {
	t.Helper()
	path := l.st.Path()
	if err := l.st.Close(); err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(dir, name+".db")
	copies := [][2]string{{path, to}}
	for _, tree := range [][2]string{{path + ".sync", to + ".sync"}, {l.folder, filepath.Join(dir, name+"-folder")}} {
		filepath.WalkDir(tree[0], func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(tree[0], p)
				copies = append(copies, [2]string{p, filepath.Join(tree[1], rel)})
			}
			return err
		})
	}
	for _, c := range copies {
		if err := atomicfile.Copy(c[0], c[1]); err != nil {
			t.Fatal(err)
		}
	}
	open := func(p string) *data.Store {
		st, err := data.Open(p, data.Writer)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	l.st = open(path)
	twin := &testLaptop{t: t, name: name, st: open(to), folder: filepath.Join(dir, name+"-folder")}
	os.MkdirAll(twin.folder, 0o755)
	return twin
}

// versionsOf lists a laptop's versions of the network; the clock of a
// delete is left out (a laptop's sync gives it when it writes the
// changeset, a hand-over when it writes the file).
func (l *testLaptop) versionsOf(network string) []string {
	l.t.Helper()
	c, err := readOnly(l.st.Path())
	if err != nil {
		l.t.Fatal(err)
	}
	defer c.Close()
	var out []string
	if err := each(c, `SELECT tbl, row_id, col, CASE WHEN col = '' AND value = 0 THEN 'delete' ELSE clock END, laptop, value FROM sync_versions WHERE network_id = ?`, func(s *sqlite.Stmt) error {
		out = append(out, fmt.Sprintf("%s %s %q %s %s %v", s.ColumnText(0), s.ColumnText(1), s.ColumnText(2), s.ColumnText(3), s.ColumnText(4), column(s, 5)))
		return nil
	}, network); err != nil {
		l.t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// Two laptops diverge on one network; A hands the network over and B
// merges the file. B must end exactly as a sync of the same two would
// leave it (a twin of each laptop syncs for real to compare): every
// table's rows, the versions and the conflicts.
func TestAHandOverMergesAsASyncWould(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	dir := filepath.Dir(a.st.Path())
	partner := a.query(`SELECT id FROM partners WHERE network_id = ? ORDER BY name LIMIT 1`, network)
	other := a.query(`SELECT id FROM partners WHERE network_id = ? ORDER BY name LIMIT 1 OFFSET 1`, network)
	milestone := a.query(`SELECT id FROM milestones WHERE network_id = ? ORDER BY id LIMIT 1`, network)
	meeting := a.query(`SELECT id FROM meetings WHERE network_id = ? ORDER BY id LIMIT 1`, network)
	need := a.query(`SELECT id FROM good_practices WHERE network_id = ? ORDER BY id LIMIT 1`, network)

	// B synced an edit A never received.
	b.sql(`UPDATE partners SET next_steps = 'synced by B' WHERE id = ?`, other)
	b.sync(network)
	// Then both edit: other columns of one record, the same column of
	// another, a delete on each (one of a record the other edits), a new
	// record on each.
	a.sql(`UPDATE partners SET country = 'from A' WHERE id = ?`, partner)
	b.sql(`UPDATE partners SET region = 'from B' WHERE id = ?`, partner)
	a.sql(`UPDATE milestones SET title = 'title A' WHERE id = ?`, milestone)
	b.sql(`UPDATE milestones SET title = 'title B' WHERE id = ?`, milestone)
	a.sql(`UPDATE meetings SET place = 'moved by A' WHERE id = ?`, meeting)
	if _, err := b.st.DeleteMeeting(ctx, meeting); err != nil {
		t.Fatal(err)
	}
	if _, err := a.st.DeleteGoodPractice(ctx, need); err != nil {
		t.Fatal(err)
	}
	for _, l := range []*testLaptop{a, b} {
		if _, err := l.st.SaveMilestone(ctx, data.Milestone{NetworkID: network, Track: "quality_check", DueDate: "2027-02-01", Title: "new on " + l.name}); err != nil {
			t.Fatal(err)
		}
	}

	a2, b2 := clone(t, a, dir, "A2"), clone(t, b, dir, "B2")
	a2.sync(network)
	deliver(t, a2, b2)
	if r := b2.sync(network); r.Files != 1 || len(r.Refused) > 0 {
		t.Fatalf("B2's sync: %+v", r)
	}

	out := filepath.Join(dir, "handover.aoce")
	info, err := a.st.ExportNetwork(ctx, network, out, "test")
	if err != nil {
		t.Fatal(err)
	}
	if data.MergeNetworkFile == nil {
		t.Fatal("the sync engine did not register the merge")
	}
	if id, err := data.MergeNetworkFile(ctx, b.st, out, info); err != nil || id != network {
		t.Fatalf("merge: %q, %v", id, err)
	}

	want, got := b2.hashes(network), b.hashes(network)
	for table, h := range want {
		if table != versionsTable && got[table] != h {
			t.Errorf("%s: merged %s, synced %s", table, got[table], h)
			if os.Getenv("SYNC_DUMP") != "" {
				t.Logf("merged:\n%s\nsynced:\n%s", b.dump(network, table), b2.dump(network, table))
			}
		}
	}
	if g, w := strings.Join(b.versionsOf(network), "\n"), strings.Join(b2.versionsOf(network), "\n"); g != w {
		t.Errorf("versions merged:\n%s\nsynced:\n%s", g, w)
	}
	if g, w := strings.Join(b.conflicts(network), "\n"), strings.Join(b2.conflicts(network), "\n"); g != w || w == "" {
		t.Errorf("conflicts merged:\n%s\nsynced:\n%s", g, w)
	}
	// What each laptop did is there.
	if got := b.query(`SELECT country || '/' || region FROM partners WHERE id = ?`, partner); got != "from A/from B" {
		t.Errorf("partner %s", got)
	}
	if got := b.query(`SELECT next_steps FROM partners WHERE id = ?`, other); got != "synced by B" {
		t.Errorf("B's synced edit became %q", got)
	}
	if got := b.query(`SELECT count(*) FROM good_practices WHERE id = ?`, need); got != "0" {
		t.Error("A's delete did not travel")
	}
	if got := b.query(`SELECT count(*) FROM milestones WHERE network_id = ? AND title LIKE 'new on %'`, network); got != "2" {
		t.Errorf("%s new milestones", got)
	}
}
