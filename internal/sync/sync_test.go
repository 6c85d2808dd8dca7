package sync

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/demo"
)

// twoLaptops: A holds the demo network and syncs it to B through the folder.
func twoLaptops(t *testing.T) (a, b *testLaptop, network string) {
	t.Helper()
	dir := t.TempDir()
	a, b = newLaptop(t, dir, "A"), newLaptop(t, dir, "B")
	res, err := demo.Load(context.Background(), a.st)
	if err != nil {
		t.Fatal(err)
	}
	network = res.Network.ID
	if r := a.sync(network); r.Written == "" || r.Sent == 0 {
		t.Fatalf("A wrote nothing: %+v", r)
	}
	deliver(t, a, b)
	if r := b.sync(network); r.Files != 1 || len(r.Refused) > 0 {
		t.Fatalf("B applied %+v", r)
	}
	sameEverywhere(t, network, a, b)
	return a, b, network
}

func TestANetworkTravelsWhole(t *testing.T) {
	a, b, network := twoLaptops(t)
	if got := b.query(`SELECT count(*) FROM partners WHERE network_id = ?`, network); got == "0" {
		t.Fatal("B has no partners")
	}
	// Nothing changed: nothing more is written.
	if r := a.sync(network); r.Written != "" {
		t.Errorf("A wrote %s with nothing changed", r.Written)
	}
	if r := b.sync(network); r.Written != "" {
		t.Errorf("B sent back what it received: %s", r.Written)
	}
}

func TestEditsOfDifferentColumnsMerge(t *testing.T) {
	a, b, network := twoLaptops(t)
	id := a.query(`SELECT id FROM partners WHERE network_id = ? ORDER BY name LIMIT 1`, network)
	a.sql(`UPDATE partners SET country = 'Aland' WHERE id = ?`, id)
	b.sql(`UPDATE partners SET region = 'Bregion' WHERE id = ?`, id)
	exchange(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if got := l.query(`SELECT country || '/' || region FROM partners WHERE id = ?`, id); got != "Aland/Bregion" {
			t.Errorf("%s: %s", l.name, got)
		}
		if c := l.conflicts(network); len(c) != 0 {
			t.Errorf("%s: conflicts %v", l.name, c)
		}
	}
	sameEverywhere(t, network, a, b)
}

func TestTheSameColumnOnTwoLaptopsKeepsTheLaterAndListsTheOther(t *testing.T) {
	a, b, network := twoLaptops(t)
	id := a.query(`SELECT id FROM partners WHERE network_id = ? ORDER BY name LIMIT 1`, network)
	a.sql(`UPDATE partners SET country = 'from A' WHERE id = ?`, id)
	b.sql(`UPDATE partners SET country = 'from B' WHERE id = ?`, id) // later
	exchange(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if got := l.query(`SELECT country FROM partners WHERE id = ?`, id); got != "from B" {
			t.Errorf("%s: country %s", l.name, got)
		}
		c := l.conflicts(network)
		if len(c) != 1 || c[0] != "partners "+id+" country kept from B ("+b.laptopID()+") lost from A ("+a.laptopID()+")" {
			t.Errorf("%s: conflicts %q", l.name, c)
		}
	}
	sameEverywhere(t, network, a, b)
}

func (l *testLaptop) laptopID() string { return l.query(`SELECT id FROM sync_laptop`) }

func TestAFileFromANewerSchemaIsRefusedAndNamed(t *testing.T) {
	a, b, network := twoLaptops(t)
	a.sql(`UPDATE networks SET description = 'newer' WHERE id = ?`, network)
	r := a.sync(network)
	h, cs, err := readChangeset(r.Written)
	if err != nil {
		t.Fatal(err)
	}
	h.Schema++
	if err := writeChangeset(r.Written, h, cs); err != nil {
		t.Fatal(err)
	}
	deliver(t, a, b)
	got := b.sync(network)
	if len(got.Refused) != 1 || got.Refused[0].Path != filepath.Join(b.folder, network, a.laptopID(), "00000002.changeset") ||
		!strings.Contains(got.Refused[0].Reason, "newer version of AoCE Desktop") {
		t.Fatalf("refused %+v", got.Refused)
	}
	if d := b.query(`SELECT description FROM networks WHERE id = ?`, network); d == "newer" {
		t.Error("the refused file was applied")
	}
}

func TestAChangeToARecordDeletedElsewhereStaysInTheTrash(t *testing.T) {
	a, b, network := twoLaptops(t)
	id := a.query(`SELECT id FROM milestones WHERE network_id = ? ORDER BY id LIMIT 1`, network)
	title := a.query(`SELECT title FROM milestones WHERE id = ?`, id)
	a.sql(`UPDATE milestones SET title = 'edited on A' WHERE id = ?`, id)
	if _, err := b.st.DeleteMilestone(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	b.sync(network)
	deliver(t, b, a)
	// A is told: its edit went with the delete into the trash.
	r := a.sync(network)
	if len(r.DeletedThere) != 1 || !strings.Contains(r.DeletedThere[0].Label, title) || r.DeletedThere[0].By != "B" {
		t.Errorf("A's report names %+v", r.DeletedThere)
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if n := l.query(`SELECT count(*) FROM milestones WHERE id = ?`, id); n != "0" {
			t.Errorf("%s still has the milestone", l.name)
		}
		items, err := l.st.Trash(context.Background(), network)
		if err != nil || len(items) != 1 {
			t.Fatalf("%s: trash %v %v", l.name, items, err)
		}
		if _, err := l.st.RestoreTrash(context.Background(), items[0].ID); err != nil {
			t.Fatal(err)
		}
		if got := l.query(`SELECT title FROM milestones WHERE id = ?`, id); got != "edited on A" {
			t.Errorf("%s: restored with title %q", l.name, got)
		}
	}
}

func TestTakingTheLostValueWinsOnEveryLaptop(t *testing.T) {
	settlesEverywhere(t, Take, nil, "from A")
}

// A value typed over a conflict (Edit…) settles it on the other laptop too
// (it used to stay listed there, unreviewed, with the typed value "kept").
func TestAnEditedConflictIsSettledOnEveryLaptop(t *testing.T) {
	settlesEverywhere(t, Edit, "typed on A", "typed on A")
}

func settlesEverywhere(t *testing.T, choice Choice, typed any, want string) {
	a, b, network := twoLaptops(t)
	id := a.query(`SELECT id FROM milestones WHERE network_id = ? ORDER BY id LIMIT 1`, network)
	a.sql(`UPDATE milestones SET title = 'from A' WHERE id = ?`, id)
	b.sql(`UPDATE milestones SET title = 'from B' WHERE id = ?`, id)
	exchange(t, network, a, b)
	cs, err := Conflicts(a.st.Path(), network, false)
	if err != nil || len(cs) != 1 || cs[0].Lost != "from A" {
		t.Fatalf("conflicts %+v %v", cs, err)
	}
	if err := Resolve(context.Background(), a.st, cs[0], choice, typed); err != nil {
		t.Fatal(err)
	}
	if cs, _ := Conflicts(a.st.Path(), network, false); len(cs) != 0 {
		t.Errorf("still open after taking: %+v", cs)
	}
	a.sync(network)
	deliver(t, a, b)
	b.sync(network)
	for _, l := range []*testLaptop{a, b} {
		if got := l.query(`SELECT title FROM milestones WHERE id = ?`, id); got != want {
			t.Errorf("%s: title %q", l.name, got)
		}
	}
	if cs, _ := Conflicts(b.st.Path(), network, false); len(cs) != 0 {
		t.Errorf("B still lists %+v", cs)
	}
	exchange(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if cs, _ := Conflicts(l.st.Path(), network, false); len(cs) != 0 {
			t.Errorf("%s lists again %+v", l.name, cs)
		}
		if got := l.query(`SELECT title FROM milestones WHERE id = ?`, id); got != want {
			t.Errorf("%s: title %q after another sync", l.name, got)
		}
	}
}

// exchange: both laptops sync, the folder tool brings each the other's
// files, both sync again.
func exchange(t *testing.T, network string, a, b *testLaptop) {
	t.Helper()
	a.sync(network)
	b.sync(network)
	deliver(t, a, b)
	deliver(t, b, a)
	a.sync(network)
	b.sync(network)
}
