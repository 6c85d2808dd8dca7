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
