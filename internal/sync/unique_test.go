package sync

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// One partner name made on two laptops: both partners stay, the one made
// first keeps the name, the other is "Genk (2)" on every laptop, and the
// name it lost is listed as a conflict.
func TestTheSameNameOnTwoLaptopsKeepsBothRecords(t *testing.T) {
	a, b, network := twoLaptops(t)
	ids := harbourLabOnEach(t, network, a, b)
	first, second := min(ids[0], ids[1]), max(ids[0], ids[1])
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if got := l.query(`SELECT group_concat(name, '|') FROM (SELECT name FROM partners WHERE id IN (?, ?) ORDER BY id)`, first, second); got != "Harbour Lab|Harbour Lab (2)" {
			t.Errorf("%s: names %q", l.name, got)
		}
		found := false
		for _, c := range l.conflicts(network) {
			found = found || strings.HasPrefix(c, "partners "+second+" name kept Harbour Lab (2)") && strings.Contains(c, "lost Harbour Lab (")
		}
		if !found {
			t.Errorf("%s: no conflict lists the lost name: %q", l.name, l.conflicts(network))
		}
	}
	// Nothing waits: the next edits travel.
	a.sql(`UPDATE partners SET region = 'Limburg' WHERE id = ?`, second)
	exchange(t, network, a, b)
	if got := b.query(`SELECT region FROM partners WHERE id = ?`, second); got != "Limburg" {
		t.Errorf("B: region %q after the collision", got)
	}
}

// A section added at one place on each laptop (the second place of the
// study, so that the sections after it move down on both): both stay, on
// every laptop in the same order — by place, then id — and nothing is
// refused; the first move afterwards numbers the places 0, 1, 2… again,
// and that edit travels like any other.
func TestTwoSectionsAtOnePlaceBothStayInOneOrder(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	study := a.query(`SELECT id FROM studies WHERE network_id = ? ORDER BY id LIMIT 1`, network)
	before, err := a.st.StudySections(ctx, study)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) < 3 {
		t.Fatalf("the demo study has %d sections", len(before))
	}
	var added []string
	for _, l := range []*testLaptop{a, b} {
		sec, err := l.st.AddSection(ctx, study, 1, data.Section{Kind: "text", Level: 2, Title: "second, from " + l.name, Body: "…"})
		if err != nil {
			t.Fatal(err)
		}
		added = append(added, sec.ID)
	}
	exchange(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if r := l.sync(network); len(r.Refused) > 0 {
			t.Fatalf("%s refused %+v", l.name, r.Refused)
		}
	}
	sameEverywhere(t, network, a, b)
	order := func(l *testLaptop) []string {
		secs, err := l.st.StudySections(ctx, study)
		if err != nil {
			t.Fatal(err)
		}
		return ids(secs)
	}
	want := append([]string{before[0].ID, min(added[0], added[1]), max(added[0], added[1])}, ids(before[1:])...)
	for _, l := range []*testLaptop{a, b} {
		if got := order(l); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: order\n%v, want\n%v", l.name, got, want)
		}
	}
	if got := a.query(`SELECT count(*) FROM study_sections WHERE study_id = ? AND position = 1`, study); got != "2" {
		t.Errorf("%s sections at place 1, want the two added", got)
	}
	// A move on B of the later of the two (down past the earlier one's
	// neighbour) renumbers first: the places are whole again everywhere.
	if err := b.st.MoveSection(ctx, want[2], 1); err != nil {
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	want[2], want[3] = want[3], want[2]
	for _, l := range []*testLaptop{a, b} {
		if got := order(l); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: order after the move\n%v, want\n%v", l.name, got, want)
		}
		if got := l.query(`SELECT group_concat(position, ' ') FROM (SELECT position FROM study_sections WHERE study_id = ? ORDER BY position, id)`, study); got != places(len(want)) {
			t.Errorf("%s: places %s after the move", l.name, got)
		}
	}
}

func ids(secs []data.Section) []string {
	out := make([]string, len(secs))
	for i, s := range secs {
		out[i] = s.ID
	}
	return out
}

func places(n int) string {
	out := make([]string, n)
	for i := range out {
		out[i] = strconv.Itoa(i)
	}
	return strings.Join(out, " ")
}

func atoi(t *testing.T, s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			t.Fatalf("not a number: %q", s)
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// One learning grid (a meeting, a partner, its theme) made on two laptops
// merges: nothing is refused, both grids stay (twins), and on every
// laptop the partner's grid shows the rows of both; a row added and one
// taken away afterwards travel like any other edit.
func TestOneGridMadeOnTwoLaptopsShowsTheRowsOfBoth(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	// A meeting and a partner without a grid yet.
	meeting := a.query(`SELECT id FROM meetings WHERE network_id = ? AND id NOT IN (SELECT meeting_id FROM learning_grids) ORDER BY id LIMIT 1`, network)
	partner := a.query(`SELECT id FROM partners WHERE network_id = ? ORDER BY id LIMIT 1`, network)
	for _, l := range []*testLaptop{a, b} {
		if _, err := l.st.SaveGrid(ctx, data.LearningGrid{MeetingID: meeting, PartnerID: partner, Rows: []data.GridRow{{Learning: "learnt on " + l.name}}}); err != nil {
			t.Fatal(err)
		}
	}
	exchange(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if r := l.sync(network); len(r.Refused) > 0 {
			t.Fatalf("%s refused %+v", l.name, r.Refused)
		}
	}
	sameEverywhere(t, network, a, b)
	learned := func(l *testLaptop) string {
		g, err := l.st.Grid(ctx, meeting, partner, "")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range g.Rows {
			out = append(out, r.Learning)
		}
		return strings.Join(out, "|")
	}
	both := learned(a)
	if both != "learnt on A|learnt on B" && both != "learnt on B|learnt on A" {
		t.Fatalf("A's grid holds %q, want the rows of both laptops", both)
	}
	if got := learned(b); got != both {
		t.Errorf("B's grid holds %q, A's %q", got, both)
	}
	// On B, the user drops A's row and adds one: A sees the same.
	g, err := b.st.Grid(ctx, meeting, partner, "")
	if err != nil {
		t.Fatal(err)
	}
	var rows []data.GridRow
	for _, r := range g.Rows {
		if r.Learning != "learnt on A" {
			rows = append(rows, r)
		}
	}
	g.Rows = append(rows, data.GridRow{Learning: "after the sync"})
	if _, err := b.st.SaveGrid(ctx, g); err != nil {
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if got := learned(l); got != "learnt on B|after the sync" {
			t.Errorf("%s: the grid holds %q after the edit on B", l.name, got)
		}
		checkWinners(t, l, network)
	}
}

// A laptop that learns of a settled collision before it meets the record
// the name was settled against: C and A each make "Harbour Lab" (C's
// first), A settles its own to "Harbour Lab (2)"; B gets A's files first
// and C's later. B must show A's partner as "Harbour Lab (2)" at once and,
// when C's partner arrives, keep it so — not settle it again against the
// name A's partner no longer has, to "Harbour Lab (3)" (three-laptop seed
// 1001 failed so about one run in three).
func TestASettledNameArrivingBeforeTheOtherRecordStays(t *testing.T) {
	ctx := context.Background()
	a, b, c, network := threeLaptopsOfOneNetwork(t)
	made := func(l *testLaptop) string {
		p, err := l.st.SavePartner(ctx, data.Partner{NetworkID: network, Name: "Harbour Lab", Country: "Belgium", Role: "partner"})
		if err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	first := made(c)
	c.sync(network)
	second := made(a)
	deliver(t, c, a)
	a.sync(network) // applies C's partner: A's yields
	a.sync(network) // sends the settling versions
	name := func(l *testLaptop, id string) string { return l.query(`SELECT name FROM partners WHERE id = ?`, id) }
	if got := name(a, second); got != "Harbour Lab (2)" {
		t.Fatalf("A: its partner is %q", got)
	}
	deliverFilesOf(t, a, b, a.laptopID())
	// A's file that settles it was written on C's: it waits for C's (or,
	// from an older version without that order, settles as settledThere).
	if r := b.sync(network); r.Waiting == 0 && name(b, second) != "Harbour Lab (2)" {
		t.Errorf("B, with A's files only: A's partner is %q", name(b, second))
	}
	deliverFilesOf(t, c, b, c.laptopID())
	b.sync(network)
	deliverAll(t, a, b, c)
	for _, l := range []*testLaptop{a, b, c} {
		l.sync(network)
	}
	sameEverywhere(t, network, a, b, c)
	for _, l := range []*testLaptop{a, b, c} {
		if got := name(l, first) + "|" + name(l, second); got != "Harbour Lab|Harbour Lab (2)" {
			t.Errorf("%s: names %q", l.name, got)
		}
		checkWinners(t, l, network)
	}
}

// A file waits for the files of other laptops it was written on: B makes
// a grid, A adds a row to it; C, given A's file before B's, keeps A's file
// waiting instead of taking the row for one made under a grid deleted
// here (and dropping it), and applies both once B's file is there.
func TestAFileWaitsForTheFilesItWasWrittenOn(t *testing.T) {
	ctx := context.Background()
	a, b, c, network := threeLaptopsOfOneNetwork(t)
	meeting := b.query(`SELECT id FROM meetings WHERE network_id = ? AND id NOT IN (SELECT meeting_id FROM learning_grids) ORDER BY id LIMIT 1`, network)
	partner := b.query(`SELECT id FROM partners WHERE network_id = ? ORDER BY id LIMIT 1`, network)
	if _, err := b.st.SaveGrid(ctx, data.LearningGrid{MeetingID: meeting, PartnerID: partner, Rows: []data.GridRow{{Learning: "made on B"}}}); err != nil {
		t.Fatal(err)
	}
	b.sync(network)
	deliverFilesOf(t, b, a, b.laptopID())
	a.sync(network)
	g, err := a.st.Grid(ctx, meeting, partner, "")
	if err != nil {
		t.Fatal(err)
	}
	g.Rows = append(g.Rows, data.GridRow{Learning: "added on A"})
	if _, err := a.st.SaveGrid(ctx, g); err != nil {
		t.Fatal(err)
	}
	a.sync(network)
	deliverFilesOf(t, a, c, a.laptopID())
	if r := c.sync(network); r.Waiting != 1 {
		t.Errorf("C, with A's file and not B's: %d files waiting, want A's", r.Waiting)
	}
	deliverFilesOf(t, b, c, b.laptopID())
	if r := c.sync(network); r.Waiting != 0 || len(r.Refused) > 0 {
		t.Errorf("C, with B's file too: %d waiting, refused %+v", r.Waiting, r.Refused)
	}
	if got := c.query(`SELECT group_concat(learning, '|') FROM (SELECT learning FROM grid_rows WHERE grid_id = ? ORDER BY position, id)`, g.ID); got != "made on B|added on A" {
		t.Errorf("C's grid holds %q", got)
	}
}

// threeLaptopsOfOneNetwork is twoLaptops with a third, C, that has synced
// the network too.
func threeLaptopsOfOneNetwork(t *testing.T) (a, b, c *testLaptop, network string) {
	t.Helper()
	a, b, network = twoLaptops(t)
	c = newLaptop(t, filepath.Dir(a.folder), "C")
	deliver(t, a, c)
	c.sync(network)
	return a, b, c, network
}

// Taking back the name a collision renamed away is refused in words while
// the other partner has it (it wrote the name without the name as compared:
// two partners were both "Harbour Lab"), and a name typed instead takes
// the name as compared with it; no conflict is shown for that column.
func TestResolvingANameKeepsOnePartnerPerName(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	harbourLabOnEach(t, network, a, b)
	exchange(t, network, a, b)
	cs, err := Conflicts(a.st.Path(), network, false)
	if err != nil {
		t.Fatal(err)
	}
	var name *Conflict
	for i, cf := range cs {
		if cf.Column == "name_key" {
			t.Errorf("a conflict is shown for the name as compared: %+v", cf)
		}
		if cf.Table == "partners" && cf.Column == "name" {
			name = &cs[i]
		}
	}
	if name == nil {
		t.Fatalf("no conflict on the name: %+v", cs)
	}
	if err := Resolve(ctx, a.st, *name, Take, nil); err == nil || !strings.Contains(err.Error(), "another partner is named “Harbour Lab") {
		t.Fatalf("taking the name the other partner has: %v", err)
	}
	if got := a.query(`SELECT count(*) FROM partners WHERE network_id = ? AND name = 'Harbour Lab'`, network); got != "1" {
		t.Fatalf("%s partners are named Harbour Lab", got)
	}
	if err := Resolve(ctx, a.st, *name, Edit, "Harbour Lab Antwerp"); err != nil {
		t.Fatal(err)
	}
	if got := a.query(`SELECT name_key FROM partners WHERE id = ?`, name.RowID); got != data.NameKey("Harbour Lab Antwerp") {
		t.Errorf("the name as compared is %q after the edit", got)
	}
	exchange(t, network, a, b)
	if got := b.query(`SELECT name || '|' || name_key FROM partners WHERE id = ?`, name.RowID); got != "Harbour Lab Antwerp|"+data.NameKey("Harbour Lab Antwerp") {
		t.Errorf("B: the edited partner reads %q", got)
	}
}

// harbourLabOnEach makes a partner "Harbour Lab" on each laptop (a name
// collision for their next sync) and returns their ids.
func harbourLabOnEach(t *testing.T, network string, ls ...*testLaptop) []string {
	t.Helper()
	var ids []string
	for _, l := range ls {
		p, err := l.st.SavePartner(context.Background(), data.Partner{NetworkID: network, Name: "Harbour Lab", Country: "Belgium", Role: "partner"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	return ids
}

// Three partners of one name, made on A, C and B in that order, that B
// meets as its own, C's, then A's: C's keeps the name against B's, which
// yields to "Harbour Lab (2)"; then A's keeps it against C's, which yields
// to "(2)" too and waits for B's to move on. B's must be the one to move
// on, to "(3)" — as on a laptop that meets them in the order they were
// made — not C's, settled against its own old name a second time (seed
// 1796413122906516600: the two "(3)" collided again on the next sync).
func TestAYieldedNameIsNotSettledAgainstTheOldOne(t *testing.T) {
	ctx := context.Background()
	a, b, c, network := threeLaptopsOfOneNetwork(t)
	var ids []string
	for _, l := range []*testLaptop{a, c, b} {
		p, err := l.st.SavePartner(ctx, data.Partner{NetworkID: network, Name: "Harbour Lab", Country: "Belgium", Role: "partner"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
		l.sync(network)
	}
	names := func(l *testLaptop) string {
		return l.query(`SELECT group_concat(name, '|') FROM (SELECT name FROM partners WHERE id IN (?, ?, ?) ORDER BY id)`, ids[0], ids[1], ids[2])
	}
	const want = "Harbour Lab|Harbour Lab (2)|Harbour Lab (3)"
	deliverFilesOf(t, c, b, c.laptopID())
	b.sync(network)
	deliverFilesOf(t, a, b, a.laptopID())
	b.sync(network)
	if got := names(b); got != want {
		t.Errorf("B, having met its own, C's, then A's: %q", got)
	}
	for pass := 0; pass < 3; pass++ {
		deliverAll(t, a, b, c)
		for _, l := range []*testLaptop{a, b, c} {
			if r := l.sync(network); pass == 2 && r.Written != "" {
				t.Errorf("%s still wrote %s", l.name, filepath.Base(r.Written))
			}
		}
	}
	sameEverywhere(t, network, a, b, c)
	for _, l := range []*testLaptop{a, b, c} {
		if got := names(l); got != want {
			t.Errorf("%s: names %q", l.name, got)
		}
		checkWinners(t, l, network)
	}
}
