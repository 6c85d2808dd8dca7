package sync

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// A conflict is put into the screens' words — the partner by its name,
// the field, each laptop by the name it gave itself — and found again by
// the start of its id, the same on both laptops.
func TestConflictsInWordsAndByID(t *testing.T) {
	a, b, network, name, d := partnerConflict(t, "youth_unemployment_rate", 11.5, 12.5)
	cs := []Conflict{d.Conflict}
	if d.Kind != "Partner" || d.Name != name || d.Field != "Youth unemployment rate (%)" || d.KeptBy != "B" || d.LostBy != "this laptop" || !d.LostHere || d.KeptHere {
		t.Errorf("described as %+v", d)
	}
	onB, err := Conflicts(b.st.Path(), network, false)
	if err != nil || len(onB) != 1 || onB[0].ID() != cs[0].ID() {
		t.Fatalf("the id differs between laptops: %v %v", onB, err)
	}
	found, err := ConflictByID(a.st.Path(), network, cs[0].ID()[:5])
	if err != nil || found.ID() != cs[0].ID() {
		t.Errorf("by the start of its id: %+v, %v", found, err)
	}
	if _, err := ConflictByID(a.st.Path(), network, "zz"); err == nil {
		t.Error("an unknown id was found")
	}
	if v := TypedValue("13", d.Kept, d.Lost); v != int64(13) {
		t.Errorf("a number typed into a number field: %#v", v)
	}
	if v := TypedValue("", d.Kept); v != nil {
		t.Errorf("a number field emptied: %#v", v)
	}
}

// Every column of a table whose fields can be in conflict (the clocked
// ones) has a label of its own for the screens, and every such table a
// kind: a migration that adds a column or a table names it too.
func TestEveryClockedColumnHasALabel(t *testing.T) {
	l := newLaptop(t, t.TempDir(), "A")
	c, err := readOnly(l.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, tb := range tables {
		if !tb.clocked {
			continue // no field versions: nothing of it is ever listed as a conflict
		}
		if _, ok := kinds[tb.name]; !ok {
			t.Errorf("%s: no kind of record (kinds in describe.go)", tb.name)
		}
		cols, err := columns(c, "main", tb.name)
		if err != nil {
			t.Fatal(err)
		}
		for _, col := range cols[1:] { // (the id)
			if bookkeeping[col] {
				continue
			}
			_, own := fieldLabels[tb.name][col]
			if _, common := commonLabels[col]; !own && !common {
				t.Errorf("%s.%s has no label (fieldLabels in tables.go)", tb.name, col)
			}
		}
	}
}

// A conflict reads as the user knows the field: the partner form's label,
// not the column ("Partner Genk — Contact e-mail", not partners.contact_email).
func TestAConflictIsNamedByTheFormsLabel(t *testing.T) {
	_, _, _, name, d := partnerConflict(t, "contact_email", "a@example.org", "b@example.org")
	if got, want := d.Title(), "Partner "+name+" — Contact e-mail"; got != want {
		t.Errorf("the conflict reads %q, want %q", got, want)
	}
}

// partnerConflict is the one conflict two laptops make on the first
// partner's column: A sets it to here, B later to there (which stays), as
// A describes it; name is the partner's.
func partnerConflict(t *testing.T, column string, here, there any) (a, b *testLaptop, network, name string, d Described) {
	t.Helper()
	a, b, network = twoLaptops(t)
	id := a.query(`SELECT id FROM partners WHERE network_id = ? ORDER BY name LIMIT 1`, network)
	name = a.query(`SELECT name FROM partners WHERE id = ?`, id)
	a.sql(`UPDATE partners SET `+column+` = ? WHERE id = ?`, here, id)
	b.sql(`UPDATE partners SET `+column+` = ? WHERE id = ?`, there, id) // later: it stays
	exchange(t, network, a, b)
	cs, err := Conflicts(a.st.Path(), network, false)
	if err != nil || len(cs) != 1 {
		t.Fatalf("conflicts %v, %v", cs, err)
	}
	ds, err := Describe(a.st.Path(), a.folder, network, cs)
	if err != nil {
		t.Fatal(err)
	}
	return a, b, network, name, ds[0]
}

// A name collision the sync settled ("Harbour Lab (2)") is told in the
// words the user knows: the kind of record, the names and the laptop that
// made each — a laptop never named by its computer's name — and no id.
func TestASettledNameCollisionIsToldByNamesNotIDs(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	if err := SetLaptopName(ctx, b.st, ""); err != nil { // B syncs from the command line, never named
		t.Fatal(err)
	}
	was := hostname
	hostname = func() (string, error) { return "bens-thinkpad.local", nil } // B's files name B's computer
	defer func() { hostname = was }()
	harbourLabOnEach(t, network, a, b)
	exchange(t, network, a, b)
	cs, err := Conflicts(a.st.Path(), network, false)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := Describe(a.st.Path(), a.folder, network, cs)
	if err != nil || len(ds) == 0 {
		t.Fatalf("described %+v, %v", ds, err)
	}
	ids := regexp.MustCompile(`[0-9a-f]{8}`)
	for _, d := range ds {
		want := "Two partners named “Harbour Lab” were made at once: one on this laptop, one on bens-thinkpad. The one made first (on this laptop) keeps the name; the sync renamed the one made on bens-thinkpad “Harbour Lab (2)” on every laptop."
		if d.Settled != want {
			t.Errorf("%s: the sync's settling reads %q, want %q", d.Column, d.Settled, want)
		}
		for _, said := range []string{d.Title(), d.KeptBy, d.LostBy, d.Settled} {
			if ids.MatchString(said) {
				t.Errorf("%s: an id in %q", d.Column, said)
			}
		}
	}
}

// A laptop's name outlives its changeset files: remembered after a sync,
// it names the laptop once compaction deleted every file with its header.
func TestLaptopNamesOutliveTheirFiles(t *testing.T) {
	a, b, network := twoLaptops(t)
	id := a.query(`SELECT id FROM partners WHERE network_id = ? ORDER BY name LIMIT 1`, network)
	a.sql(`UPDATE partners SET region = 'A' WHERE id = ?`, id)
	b.sql(`UPDATE partners SET region = 'B' WHERE id = ?`, id)             // later: it stays
	exchange(t, network, a, b)                                             // the sync remembers the names it read
	if err := os.RemoveAll(filepath.Join(a.folder, network)); err != nil { // as compaction leaves it, and more
		t.Fatal(err)
	}
	cs, err := Conflicts(a.st.Path(), network, false)
	if err != nil || len(cs) != 1 {
		t.Fatalf("conflicts %v, %v", cs, err)
	}
	ds, err := Describe(a.st.Path(), a.folder, network, cs)
	if err != nil || ds[0].KeptBy != "B" {
		t.Errorf("the other laptop is named %q (%v)", ds[0].KeptBy, err)
	}
}

// A laptop's name travels in its state file: a laptop that never saw a
// changeset header of it (all compacted, or none written since it was
// named) shows it by name in the status, and the conflicts name it.
func TestLaptopNamesTravelInTheStateFile(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	if err := SetLaptopName(ctx, b.st, "Bea's laptop"); err != nil {
		t.Fatal(err)
	}
	if err := SetLaptopName(ctx, a.st, "Anna's ThinkPad"); err != nil {
		t.Fatal(err)
	}
	if r := b.sync(network); r.Written != "" {
		t.Fatalf("naming a laptop changed the network: %s", r.Written)
	}
	deliver(t, b, a)
	changesets, _ := filepath.Glob(filepath.Join(a.folder, network, b.laptopID(), "*.changeset"))
	for _, f := range changesets { // as compaction leaves it
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	st, err := StatusOf(a.st.Path(), network, "")
	if err != nil || !slices.Equal(st.Others, []string{"Bea's laptop"}) {
		t.Fatalf("A's status names the others %q (%v)", st.Others, err)
	}
	a.sync(network)
	deliver(t, a, b)
	if st, err := StatusOf(b.st.Path(), network, ""); err != nil || !slices.Equal(st.Others, []string{"Anna's ThinkPad"}) {
		t.Fatalf("B's status names the others %q (%v)", st.Others, err)
	}
	// Remembered by A's sync: named still without the folder.
	names, err := Describe(a.st.Path(), "", network, []Conflict{{KeptLaptop: b.laptopID(), LostLaptop: a.laptopID()}})
	if err != nil || names[0].KeptBy != "Bea's laptop" || names[0].LostBy != "this laptop" {
		t.Fatalf("described %+v, %v", names, err)
	}
}
