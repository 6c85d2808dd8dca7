package sync

import (
	"context"
	"testing"
)

// An edit typed over a conflict and undone before any sync leaves the
// conflict to review on both laptops after they sync, the field at the
// kept value: the undo takes back the versions the edit made to settle it
// everywhere, not only the value and the review.
func TestAnEditUndoneBeforeASyncLeavesTheConflictToReview(t *testing.T) {
	ctx := context.Background()
	a, b, network, _, d := partnerConflict(t, "region", "A-region", "B-region")
	before, err := FieldValue(a.st.Path(), d.Conflict)
	if err != nil {
		t.Fatal(err)
	}
	if err := Resolve(ctx, a.st, d.Conflict, Edit, "Typed region"); err != nil {
		t.Fatal(err)
	}
	if err := Reopen(ctx, a.st, d.Conflict, Edit, before); err != nil { // Ctrl+Z
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		cs, err := Conflicts(l.st.Path(), network, false)
		if err != nil || len(cs) != 1 || cs[0].ID() != d.ID() {
			t.Errorf("%s: after the sync the conflicts to review are %+v (%v)", l.name, cs, err)
		}
		if got := l.query(`SELECT region FROM partners WHERE id = ?`, d.RowID); got != "B-region" {
			t.Errorf("%s: region %q", l.name, got)
		}
	}
	// Redone, it settles the conflict on both laptops again.
	if err := Resolve(ctx, a.st, d.Conflict, Edit, "Typed region"); err != nil {
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	if cs, _ := Conflicts(b.st.Path(), network, false); len(cs) != 0 || b.query(`SELECT region FROM partners WHERE id = ?`, d.RowID) != "Typed region" {
		t.Errorf("B after the redo: %+v", cs)
	}
}
