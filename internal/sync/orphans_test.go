package sync

import (
	"context"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// A practice added on B to a partner A deleted meanwhile is not dropped: on
// both laptops it goes into the partner's trash entry, and restoring the
// entry brings the partner back with it.
func TestARecordMadeUnderARecordDeletedElsewhereGoesToItsTrash(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	partner := a.query(`SELECT id FROM partners WHERE network_id = ? AND role = 'partner' ORDER BY id LIMIT 1`, network)
	sub := a.query(`SELECT s.id FROM sub_themes s JOIN themes t ON t.id = s.theme_id WHERE t.network_id = ? ORDER BY s.id LIMIT 1`, network)
	if _, err := a.st.DeletePartner(ctx, partner); err != nil {
		t.Fatal(err)
	}
	gp, err := b.st.CreateGoodPractice(ctx, data.GoodPractice{NetworkID: network, Title: "Made on B meanwhile", OwnerPartnerID: partner, Description: "…", SubThemeIDs: []string{sub}})
	if err != nil {
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if n := l.query(`SELECT count(*) FROM good_practices WHERE id = ?`, gp.ID); n != "0" {
			t.Errorf("%s: the practice stayed under a deleted partner", l.name)
		}
		if n := l.query(`SELECT count(*) FROM trash WHERE network_id = ? AND instr(payload, ?) > 0 AND instr(payload, ?) > 0`, network, partner, gp.ID); n != "1" {
			t.Errorf("%s: %s trash entries hold the partner and the practice", l.name, n)
		}
	}
	entry := a.query(`SELECT id FROM trash WHERE network_id = ? AND instr(payload, ?) > 0`, network, gp.ID)
	if _, err := a.st.RestoreTrash(ctx, entry); err != nil {
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if got := l.query(`SELECT p.id || ' ' || (SELECT count(*) FROM good_practice_sub_themes WHERE good_practice_id = g.id) FROM good_practices g JOIN partners p ON p.id = g.owner_partner_id WHERE g.id = ?`, gp.ID); got != partner+" 1" {
			t.Errorf("%s: after the restore: %q", l.name, got)
		}
	}
}

// The same, when A deleted one of the partner's practices before (its
// trash entry names the partner as owner): the practice made on B goes
// into the partner's entry, the one that holds the partner, not into the
// older entry that only refers to it — there a restore of the older
// practice on another laptop took it away on one laptop only (seed 1005
// of the three-laptop test, about one run in three).
func TestARecordMadeUnderADeletedRecordGoesToTheEntryHoldingIt(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	partner := a.query(`SELECT owner_partner_id FROM good_practices WHERE network_id = ? AND owner_partner_id IN (SELECT id FROM partners WHERE role = 'partner') ORDER BY id LIMIT 1`, network)
	older := a.query(`SELECT id FROM good_practices WHERE owner_partner_id = ? ORDER BY id LIMIT 1`, partner)
	olderEntry, err := a.st.DeleteGoodPractice(ctx, older)
	if err != nil {
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	partnerEntry, err := a.st.DeletePartner(ctx, partner)
	if err != nil {
		t.Fatal(err)
	}
	gp, err := b.st.CreateGoodPractice(ctx, data.GoodPractice{NetworkID: network, Title: "Made on B meanwhile", OwnerPartnerID: partner})
	if err != nil {
		t.Fatal(err)
	}
	a.sync(network) // (A's delete first: on A the practice comes as an orphan)
	b.sync(network)
	deliver(t, b, a)
	a.sync(network)
	if got := a.query(`SELECT group_concat(id) FROM trash WHERE network_id = ? AND instr(payload, ?) > 0`, network, gp.ID); got != partnerEntry {
		t.Fatalf("A: the practice is in trash entry %q, want the partner's %s (the older practice's is %s)", got, partnerEntry, olderEntry)
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
}
