package data

import "testing"

// Two laptops learn of the practices made under a partner deleted
// elsewhere in different orders and batches (one as orphans, one from the
// delete that would take them); both must end with the same trash entry.
// (Seed 1005 of the sync's three-laptop test ended with the same rows in
// two orders.)
func TestAddTrashRowsGivesOneEntryWhateverTheOrder(t *testing.T) {
	const base = `{"deleted":[{"table":"partners","columns":["id","name"],"rows":[["p1","Genk"]]},` +
		`{"table":"good_practices","columns":["id","owner_partner_id","title"],"rows":[["g5","p1","five"],["g3","p1","three"]]}]}`
	const counts = `{"good_practices":2,"partners":1}`
	cols := []string{"id", "owner_partner_id", "title"}
	g9, g1 := []any{"g9", "p1", "nine"}, []any{"g1", "p1", "one"}
	add := func(p, c string, rows ...[]any) (string, string) {
		t.Helper()
		p, c, err := AddTrashRows(p, c, "good_practices", cols, rows)
		if err != nil {
			t.Fatal(err)
		}
		return p, c
	}
	p1, c1 := add(base, counts, g9)
	p1, c1 = add(p1, c1, g1)
	p2, c2 := add(base, counts, g1)
	p2, c2 = add(p2, c2, g9)
	p3, c3 := add(base, counts, g9, g1)
	p4, c4 := add(base, counts, g1, g9)
	for i, p := range []string{p2, p3, p4} {
		if p != p1 {
			t.Errorf("payload %d:\n%s\nthe first:\n%s", i+2, p, p1)
		}
	}
	for _, c := range []string{c1, c2, c3, c4} {
		if c != `{"good_practices":4,"partners":1}` {
			t.Errorf("counts %s", c)
		}
	}
	recs, err := TrashRecords(p1)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 {
		t.Fatalf("records %v", recs)
	}
	// Rows the entry holds already change nothing: an entry that gains no
	// row keeps the order of the delete that made it on every laptop.
	if p, c := add(base, counts, []any{"g3", "p1", "three"}); p != base || c != counts {
		t.Errorf("adding a row held already gave\n%s %s", p, c)
	}
}
