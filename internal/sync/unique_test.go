package sync

import (
	"context"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// One partner name made on two laptops: both partners stay, the one made
// first keeps the name, the other is "Genk (2)" on every laptop, and the
// name it lost is listed as a conflict.
func TestTheSameNameOnTwoLaptopsKeepsBothRecords(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	var ids []string
	for _, l := range []*testLaptop{a, b} {
		p, err := l.st.SavePartner(ctx, data.Partner{NetworkID: network, Name: "Harbour Lab", Country: "Belgium", Role: "partner"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	first, second := min(ids[0], ids[1]), max(ids[0], ids[1])
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if got := l.query(`SELECT group_concat(name, '|') FROM (SELECT name FROM partners WHERE id IN (?, ?) ORDER BY id)`, first, second); got != "Harbour Lab|Harbour Lab (2)" {
			t.Errorf("%s: names %q", l.name, got)
		}
		found := false
		for _, c := range l.conflicts(network) {
			found = found || strings.HasPrefix(c, "partners "+second+" name kept Harbour Lab (2)") && strings.Contains(c, "lost Harbour Lab (")
		}
		if !found {
			t.Errorf("%s: no conflict lists the lost name: %q", l.name, l.conflicts(network))
		}
	}
	// Nothing waits: the next edits travel.
	a.sql(`UPDATE partners SET region = 'Limburg' WHERE id = ?`, second)
	exchange(t, network, a, b)
	if got := b.query(`SELECT region FROM partners WHERE id = ?`, second); got != "Limburg" {
		t.Errorf("B: region %q after the collision", got)
	}
}

// A section added last on each laptop: the file that would put a second
// section at one place is refused and named (no rule yet keeps both the
// same way on every laptop), the rest of the network stays as it was.
func TestTwoSectionsAtOnePlaceAreRefusedAndNamed(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	study := a.query(`SELECT id FROM studies WHERE network_id = ? ORDER BY id LIMIT 1`, network)
	last := a.query(`SELECT count(*) FROM study_sections WHERE study_id = ?`, study)
	for _, l := range []*testLaptop{a, b} {
		if _, err := l.st.AddSection(ctx, study, atoi(t, last), data.Section{Kind: "text", Level: 1, Title: "last, from " + l.name, Body: "…"}); err != nil {
			t.Fatal(err)
		}
	}
	a.sync(network)
	deliver(t, a, b)
	r := b.sync(network)
	if len(r.Refused) != 1 || !strings.Contains(r.Refused[0].Reason, "two sections at one place") {
		t.Fatalf("refused %+v", r.Refused)
	}
}

func atoi(t *testing.T, s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			t.Fatalf("not a number: %q", s)
		}
		n = n*10 + int(r-'0')
	}
	return n
}
