package sync

import (
	"context"
	"strings"
	"testing"
)

// Two lead partners chosen on two laptops: no file is refused (a refusal
// held every later file of the laptop back for good, even after one
// laptop chose the other's lead partner); the later choice stands on
// every laptop, the other partner is a partner again, and its lost role is
// listed as a conflict to take back if wanted.
func TestTwoLeadPartnersChosenAtOnceEndAsTheLaterChoice(t *testing.T) {
	a, b, network := twoLaptops(t)
	pa, pb, choose := leadChoice(a, network)
	choose(a, pa)
	choose(b, pb) // later
	for i := 0; i < 2; i++ {
		a.sync(network)
		b.sync(network)
		deliver(t, a, b)
		deliver(t, b, a)
	}
	for _, l := range []*testLaptop{a, b} {
		if r := l.sync(network); len(r.Refused) > 0 || r.Waiting > 0 {
			t.Errorf("%s refuses %+v (waiting %d)", l.name, r.Refused, r.Waiting)
		}
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if got := l.query(`SELECT group_concat(id) FROM partners WHERE network_id = ? AND role = 'lead_partner'`, network); got != pb {
			t.Errorf("%s: lead partners %q, want B's later choice %s", l.name, got, pb)
		}
		found := false
		for _, c := range l.conflicts(network) {
			found = found || strings.HasPrefix(c, "partners "+pa+" role kept partner") && strings.Contains(c, "lost lead_partner ("+a.laptopID()+")")
		}
		if !found {
			t.Errorf("%s: no conflict lists A's choice: %q", l.name, l.conflicts(network))
		}
	}
	// B's conflicts screen says who chose what.
	cs, err := Conflicts(b.st.Path(), network, false)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := Describe(b.st.Path(), b.folder, network, cs)
	if err != nil {
		t.Fatal(err)
	}
	said, why := "", ""
	for _, d := range ds {
		if d.RowID == pa && d.Column == "role" {
			said, why = d.Name+": kept by "+d.KeptBy+", lost by "+d.LostBy, d.Settled
		}
	}
	if want := ": kept by the sync, lost by A"; !strings.HasSuffix(said, want) || len(said) == len(want) {
		t.Errorf("B describes A's lost choice as %q, want …%q", said, want)
	}
	nameA, nameB := b.query(`SELECT name FROM partners WHERE id = ?`, pa), b.query(`SELECT name FROM partners WHERE id = ?`, pb)
	if want := "Two lead partners were chosen at once: " + nameB + " on this laptop, " + nameA + " on A. The later choice, " + nameB + ", stays the lead partner; " + nameA + " is a partner again."; why != want {
		t.Errorf("B says what the sync did as %q, want %q", why, want)
	}
	// Taking A's choice again on A makes it the later one, everywhere.
	choose(a, pa)
	exchange(t, network, a, b)
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	if got := b.query(`SELECT group_concat(id) FROM partners WHERE network_id = ? AND role = 'lead_partner'`, network); got != pa {
		t.Errorf("B: lead partners %q after A chose again, want %s", got, pa)
	}
}

// A's lead partner yields on B (B's later choice stands) while A, not
// having seen B's choice yet, edits that partner again: B's file settles
// the role (its laptop then A's id with uniqueSuffix, the clock unchanged),
// A's file moves the clock on (its laptop unchanged, so left out of the
// change). Each laptop applies the other's change as it is, the session
// extension finding nothing against it; the record's clock and laptop must
// still end as the versions say, the same on both (B held A's clock with
// the laptop of the settling version, a pair no laptop wrote).
func TestAnEditOfTheYieldingLeadPartnerKeepsOneClockEverywhere(t *testing.T) {
	a, b, network := twoLaptops(t)
	pa, pb, choose := leadChoice(a, network)
	choose(a, pa)
	a.sync(network)
	choose(b, pb) // later
	b.sync(network)
	deliver(t, a, b)
	b.sync(network) // settles: pa yields
	b.sync(network) // sends the settling versions
	a.sql(`UPDATE partners SET next_steps = 'A again' WHERE id = ?`, pa)
	a.sync(network)
	deliver(t, a, b)
	b.sync(network) // A's edit, as it came
	deliver(t, b, a)
	a.sync(network) // B's choice and settling, as they came
	exchange(t, network, a, b)
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if got, want := l.query(`SELECT updated_clock || ' ' || updated_by FROM partners WHERE id = ?`, pa),
			l.query(`SELECT clock || ' ' || laptop FROM sync_versions WHERE tbl = 'partners' AND row_id = ? AND col <> '' ORDER BY clock DESC, laptop DESC LIMIT 1`, pa); got != want {
			t.Errorf("%s: partner %s last written %s, its latest version is %s", l.name, pa, got, want)
		}
	}
}

// leadChoice is two partners of the network (neither the lead) and how a
// laptop makes one of them the lead partner, as the partner form does.
func leadChoice(a *testLaptop, network string) (pa, pb string, choose func(l *testLaptop, id string)) {
	pa = a.query(`SELECT id FROM partners WHERE network_id = ? AND role = 'partner' ORDER BY id LIMIT 1`, network)
	pb = a.query(`SELECT id FROM partners WHERE network_id = ? AND role = 'partner' ORDER BY id LIMIT 1 OFFSET 1`, network)
	return pa, pb, func(l *testLaptop, id string) {
		l.sql(`UPDATE partners SET role = 'partner' WHERE network_id = ? AND role = 'lead_partner'`, network)
		l.sql(`UPDATE partners SET role = 'lead_partner' WHERE id = ?`, id)
	}
}

// A partner made the lead on A and deleted on C (which had not seen the
// choice yet); B, having seen it, chooses another lead partner. C restores
// its entry, meets A's choice and B's, and then A's restore of the same
// entry, which brings the partner back as the lead (A's copy of the entry
// took A's choice): the later of the two restored rows is taken, with the
// record's winning versions (B's demotion), so no second lead partner
// shows even for a moment. Every laptop ends with B's choice (seed
// 1796414017340643473 of the three-laptop test: "UNIQUE constraint
// failed: partners.network_id" when the row was copied whole first).
func TestARestoredLeadPartnerDemotedMeanwhileTakesTheLaterRowWithItsVersions(t *testing.T) {
	ctx := context.Background()
	a, b, c, network := threeLaptopsOfOneNetwork(t)
	pa, pb, choose := leadChoice(a, network)
	choose(a, pa)
	a.sync(network)
	entry, err := c.st.DeletePartner(ctx, pa)
	if err != nil {
		t.Fatal(err)
	}
	c.sync(network)
	deliver(t, a, b)
	b.sync(network)
	choose(b, pb) // later: pa is a partner again on B
	b.sync(network)
	deliver(t, c, a)
	a.sync(network) // C's delete: pa goes into C's entry here, as the lead partner
	if _, err := c.st.RestoreTrash(ctx, entry); err != nil {
		t.Fatal(err)
	}
	deliver(t, a, c)
	deliver(t, b, c)
	c.sync(network) // A's choice, then B's
	if _, err := a.st.RestoreTrash(ctx, entry); err != nil {
		t.Fatal(err)
	}
	a.sync(network)
	deliver(t, a, c)
	c.sync(network) // A's restore: the row both laptops restored, A's the later
	for range 3 {
		deliverAll(t, a, b, c)
		for _, l := range []*testLaptop{a, b, c} {
			if r := l.sync(network); len(r.Refused) > 0 {
				t.Fatalf("%s refused %v", l.name, r.Refused)
			}
		}
	}
	sameEverywhere(t, network, a, b, c)
	for _, l := range []*testLaptop{a, b, c} {
		if got := l.query(`SELECT group_concat(id) FROM partners WHERE network_id = ? AND role = 'lead_partner'`, network); got != pb {
			t.Errorf("%s: lead partners %q, want B's later choice %s", l.name, got, pb)
		}
		checkWinners(t, l, network)
		checkLost(t, l, network)
	}
}
