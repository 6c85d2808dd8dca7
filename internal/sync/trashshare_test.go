package sync

import (
	"context"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// A grid made on C under a meeting A deleted and a partner B deleted is in
// one trash entry on every laptop, whichever delete each met first (seed
// 1796289267627146986 of the three-laptop test: it went to the meeting's
// entry on A and to the partner's on B).
func TestARecordUnderTwoDeletedRecordsIsInOneEntryEverywhere(t *testing.T) {
	ctx := context.Background()
	a, b, c, network := threeLaptopsOfOneNetwork(t)
	meeting := c.query(`SELECT id FROM meetings WHERE network_id = ? AND id NOT IN (SELECT meeting_id FROM learning_grids) ORDER BY id LIMIT 1`, network)
	partner := c.query(`SELECT id FROM partners WHERE network_id = ? AND role = 'partner' ORDER BY id LIMIT 1`, network)
	g, err := c.st.SaveGrid(ctx, data.LearningGrid{MeetingID: meeting, PartnerID: partner, Rows: []data.GridRow{{Learning: "made on C"}}})
	if err != nil {
		t.Fatal(err)
	}
	c.sync(network)
	if _, err := a.st.DeleteMeeting(ctx, meeting); err != nil {
		t.Fatal(err)
	}
	if _, err := b.st.DeletePartner(ctx, partner); err != nil {
		t.Fatal(err)
	}
	a.sync(network)
	b.sync(network)
	// A meets the grid after its own delete and before B's; B the other way.
	for _, l := range []*testLaptop{a, b} {
		deliverFilesOf(t, c, l, c.laptopID())
		l.sync(network)
	}
	for range 3 { // then everything, until every laptop has sent what its merges changed
		for _, from := range []*testLaptop{a, b, c} {
			for _, to := range []*testLaptop{a, b, c} {
				if from != to {
					deliver(t, from, to)
				}
			}
		}
		for _, l := range []*testLaptop{a, b, c} {
			l.sync(network)
		}
	}
	for _, l := range []*testLaptop{a, b, c} {
		if n := l.query(`SELECT count(*) FROM trash WHERE network_id = ? AND instr(payload, ?) > 0`, network, g.ID); n != "1" {
			t.Errorf("%s: %s trash entries hold the grid", l.name, n)
		}
	}
	sameEverywhere(t, network, a, b, c)
}

// A partner deleted on A and on B, where B had added a practice under it
// first: the practice is in one of the two entries on both laptops, with
// its sub-themes (seed 1796252816205839115: on one laptop the older entry
// held it too, on the other only the newer one).
func TestARecordUnderARecordDeletedTwiceIsInOneEntry(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	partner := a.query(`SELECT id FROM partners WHERE network_id = ? AND role = 'partner' ORDER BY id LIMIT 1`, network)
	sub := a.query(`SELECT s.id FROM sub_themes s JOIN themes t ON t.id = s.theme_id WHERE t.network_id = ? ORDER BY s.id LIMIT 1`, network)
	gp, err := b.st.CreateGoodPractice(ctx, data.GoodPractice{NetworkID: network, Title: "Made on B", OwnerPartnerID: partner, Description: "…", SubThemeIDs: []string{sub}})
	if err != nil {
		t.Fatal(err)
	}
	b.sync(network) // the practice goes out before B deletes the partner
	if _, err := a.st.DeletePartner(ctx, partner); err != nil {
		t.Fatal(err)
	}
	a.sync(network)
	deliver(t, b, a)
	a.sync(network) // A meets the practice as an orphan
	if _, err := b.st.DeletePartner(ctx, partner); err != nil {
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	exchange(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if n := l.query(`SELECT count(*) FROM trash WHERE network_id = ? AND instr(payload, ?) > 0`, network, partner); n != "2" {
			t.Errorf("%s: %s trash entries hold the partner, want one of each laptop", l.name, n)
		}
		if n := l.query(`SELECT count(*) FROM trash WHERE network_id = ? AND instr(payload, ?) > 0`, network, gp.ID); n != "1" {
			t.Errorf("%s: %s trash entries hold the practice", l.name, n)
		}
	}
	sameEverywhere(t, network, a, b)
	// Either entry may be restored first: the other brings back what it
	// holds beside the partner that is back already.
	practices := a.query(`SELECT count(*) FROM good_practices WHERE network_id = ?`, network)
	other := a.query(`SELECT id FROM trash WHERE network_id = ? AND instr(payload, ?) > 0 AND instr(payload, ?) = 0`, network, partner, gp.ID)
	entry := a.query(`SELECT id FROM trash WHERE network_id = ? AND instr(payload, ?) > 0`, network, gp.ID)
	for _, id := range []string{other, entry} {
		if _, err := a.st.RestoreTrash(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if got := l.query(`SELECT count(*) FROM good_practice_sub_themes WHERE good_practice_id = ?`, gp.ID); got != "1" {
			t.Errorf("%s: the restored practice has %s sub-themes", l.name, got)
		}
		if got := l.query(`SELECT count(*) FROM trash WHERE network_id = ? AND instr(payload, ?) > 0`, network, partner); got != "0" {
			t.Errorf("%s: %s entries still hold the partner", l.name, got)
		}
		if got, was := l.query(`SELECT count(*) FROM good_practices WHERE network_id = ?`, network), practices; got <= was {
			t.Errorf("%s: %s practices after both restores, %s before: the partner's did not come back", l.name, got, was)
		}
	}
}
