package sync

import (
	"context"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/demo"
)

// C edits a practice that B deletes; A takes both (the practice's trash
// entry holds C's edit). B, not having seen C's edit, restores the practice
// and deletes its partner: its file carries a new trash entry holding the
// practice as B had it, and nothing about the practice itself (restored
// and gone again since B's last file). A applies that entry as it came,
// with no conflict to patch it, though A holds C's version, the winning
// one: the entry must still hold C's edit, on A as on B and C.
func TestATrashEntryFromALaptopThatMissedAnEditTakesTheEdit(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, b, c := newLaptop(t, dir, "A"), newLaptop(t, dir, "B"), newLaptop(t, dir, "C")
	res, err := demo.Load(ctx, a.st)
	if err != nil {
		t.Fatal(err)
	}
	network := res.Network.ID
	a.sync(network)
	for _, l := range []*testLaptop{b, c} {
		deliver(t, a, l)
		l.sync(network)
	}
	gp := a.query(`SELECT g.id FROM good_practices g JOIN partners p ON p.id = g.owner_partner_id WHERE p.network_id = ? AND p.role = 'partner' ORDER BY g.id LIMIT 1`, network)
	partner := a.query(`SELECT owner_partner_id FROM good_practices WHERE id = ?`, gp)

	c.sql(`UPDATE good_practices SET description = 'Edited on C' WHERE id = ?`, gp)
	c.sync(network)
	first, err := b.st.DeleteGoodPractice(ctx, gp)
	if err != nil {
		t.Fatal(err)
	}
	b.sync(network)
	deliver(t, b, a)
	deliver(t, c, a)
	a.sync(network)

	if _, err := b.st.RestoreTrash(ctx, first); err != nil {
		t.Fatal(err)
	}
	if _, err := b.st.DeletePartner(ctx, partner); err != nil {
		t.Fatal(err)
	}
	b.sync(network)
	deliver(t, b, a)
	a.sync(network) // B's new entry, as it came
	if n := a.query(`SELECT count(*) FROM trash WHERE network_id = ? AND instr(payload, ?) > 0 AND instr(payload, 'Edited on C') > 0`, network, partner); n != "1" {
		t.Errorf("A: the partner's trash entry lacks C's edit of its practice")
	}
	for range 2 {
		for _, l := range []*testLaptop{a, b, c} {
			l.sync(network)
		}
		deliverAll(t, a, b, c)
	}
	for _, l := range []*testLaptop{a, b, c} {
		l.sync(network)
	}
	sameEverywhere(t, network, a, b, c)
}
