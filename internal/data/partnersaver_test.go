package data

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestPartnerRulesHoldWithinOneTransaction saves many partners in one
// transaction, as an import does, where the saver remembers the lead
// partner and the next position between saves: the rules must come out as
// when each partner is saved on its own.
func TestPartnerRulesHoldWithinOneTransaction(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	n1, n2 := newNetwork(t, s), newNetwork(t, s)
	var refusals []string
	err := s.Update(ctx, func(tx *Tx) error {
		save := func(p Partner) Partner {
			t.Helper()
			saved, err := tx.SavePartner(p)
			var ce *ConstraintError
			if errors.As(err, &ce) {
				refusals = append(refusals, ce.Msg)
			} else if err != nil {
				t.Fatal(err)
			}
			return saved
		}
		for _, name := range []string{"Aarhus", "Braga", "Genk"} { // networks interleaved
			save(Partner{NetworkID: n1.ID, Name: name})
			save(Partner{NetworkID: n2.ID, Name: name + " 2"})
		}
		save(Partner{NetworkID: n1.ID, Name: "Iași", Role: RoleLeadPartner})  // Aarhus steps down
		save(Partner{NetworkID: n1.ID, Name: " AARHUS "})                     // refused: the name is taken
		save(Partner{NetworkID: n1.ID, Name: "braga", Role: RoleLeadPartner}) // refused, and Iași stays lead
		genk, err := tx.Partner(mustPartnerID(t, tx, n1.ID, "Genk"))
		if err != nil {
			t.Fatal(err)
		}
		genk.Position = 40 // moved last by hand
		save(genk)
		save(Partner{NetworkID: n1.ID, Name: "Varna"}) // goes after Genk
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"there is already a partner called AARHUS", "there is already a partner called braga"}; fmt.Sprint(refusals) != fmt.Sprint(want) {
		t.Fatalf("refusals %q, want %q", refusals, want)
	}
	if got := leads(t, s, n1.ID); fmt.Sprint(got) != "[Iași]" {
		t.Fatalf("network 1 leads %v, want [Iași]", got)
	}
	if got := leads(t, s, n2.ID); fmt.Sprint(got) != "[Aarhus 2]" {
		t.Fatalf("network 2 leads %v, want [Aarhus 2]", got)
	}
	for net, want := range map[string]string{n1.ID: "Aarhus 0, Braga 1, Iași 3, Genk 40, Varna 41", n2.ID: "Aarhus 2 0, Braga 2 1, Genk 2 2"} {
		if got := positions(t, s, net); got != want {
			t.Errorf("positions %s, want %s", got, want)
		}
	}
}

func mustPartnerID(t *testing.T, tx *Tx, networkID, name string) string {
	t.Helper()
	ps, err := tx.Partners(networkID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Name == name {
			return p.ID
		}
	}
	t.Fatalf("no partner %s", name)
	return ""
}

func positions(t *testing.T, s *Store, networkID string) string {
	t.Helper()
	rows, err := s.db.Query(`SELECT name, position FROM partners WHERE network_id = ? ORDER BY position`, networkID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		var pos int
		if err := rows.Scan(&name, &pos); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s %d", name, pos))
	}
	return strings.Join(out, ", ")
}

// TestNextPartnerPositionUsesAnIndex: the position of a new partner is read
// from an index, not by visiting every partner of the network (which made
// an import of 50,000 partners quadratic).
func TestNextPartnerPositionUsesAnIndex(t *testing.T) {
	s := openWriter(t, tempDB(t))
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN SELECT COALESCE(MAX(position) + 1, 0) FROM partners WHERE network_id = ?`, "n")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if got := strings.Join(plan, "; "); !strings.Contains(got, "COVERING INDEX partners_position") {
		t.Fatalf("query plan %q, want a search of the covering index partners_position", got)
	}
}
