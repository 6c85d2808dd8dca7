package survey

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A Google Forms export whose "Which city do you represent?" column names
// the partners; one row names a city outside the network, one none.
const googlePartnersCSV = `Timestamp,Which city do you represent?,Main learning need
2024/01/25 10:01:02 AM CET,Genk,Youth involvement
2024/01/25 10:02:02 AM CET,GDANSK,Digital tools
2024/01/25 10:03:02 AM CET,Genk,Budgeting
2024/01/25 10:04:02 AM CET,Louisville,Budgeting
2024/01/25 10:05:02 AM CET,,Budgeting
`

func TestRespondentsByPartner(t *testing.T) {
	s, n := demoStore(t)
	r, plan := importFile(t, s, n, "google.csv", []byte(googlePartnersCSV), Options{})
	if plan.Columns[1].Role != RolePartner {
		t.Fatalf("the city column is not the partner: %+v", plan.Columns[1])
	}
	b := r.RespondentsByPartner
	if b == nil {
		t.Fatal("no respondents_by_partner block")
	}
	ps, err := s.Partners(t.Context(), n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Partners) != len(ps) || b.Unmatched != 2 {
		t.Fatalf("want every one of %d partners and 2 unmatched, got %+v", len(ps), b)
	}
	if b.Partners[0].Name != "Genk" || b.Partners[0].Count != 2 || b.Partners[0].Percent != 40 || b.Partners[0].PartnerID == "" {
		t.Fatalf("Genk first with 2 (40 %%): %+v", b.Partners[0])
	}
	if b.Partners[1].Name != "Gdańsk" || b.Partners[1].Count != 1 || b.Partners[2].Count != 0 {
		t.Fatalf("then Gdańsk with 1, then the partners nobody answered for: %+v", b.Partners[:3])
	}
	q := b.AsQuestion(r.Survey.Respondents)
	if last := q.Options[len(q.Options)-1]; last.Label != unmatchedLabel || last.Count != 2 {
		t.Fatalf("the chart's last bar is the unmatched: %+v", last)
	}
}

func TestNoPartnerColumnNoBlock(t *testing.T) {
	s, n := demoStore(t)
	r, _ := importFile(t, s, n, "plain.csv", []byte("Timestamp,Main learning need\n2024/01/25 10:01:02 AM CET,Budgeting\n"), Options{})
	if r.RespondentsByPartner != nil {
		t.Fatalf("a survey without partners has no block: %+v", r.RespondentsByPartner)
	}
}

// The PDF report and the XLSX summary carry the block too.
func TestRespondentsByPartnerInExports(t *testing.T) {
	s, n := demoStore(t)
	sv, _, err := Import(t.Context(), s, n.ID, writeFile(t, "google.csv", []byte(googlePartnersCSV)), Options{Title: "Cities"})
	if err != nil {
		t.Fatal(err)
	}
	_, text := writeReport(t, s, sv)
	for _, want := range []string{"Respondents per partner", "5 respondents · 2 matched to no partner", "Genk", "2 · 40.0 %", "No partner"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	var x bytes.Buffer
	if err := WriteXLSX(t.Context(), s, sv, &x); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	// Row 7 is the one question; the block starts after a blank row.
	if len(rows) < 10 || strings.Join(rows[8], "|") != "Respondents per partner|Count|Share" || strings.Join(rows[9], "|") != "Genk|2|40.0%" {
		t.Fatalf("summary rows %q", rows)
	}
	if last := rows[len(rows)-1]; strings.Join(last, "|") != "No partner|2|40.0%" {
		t.Fatalf("the last summary row %q", last)
	}
}

// With every respondent matched, the line says so rather than "0 matched
// to no partner".
func TestPartnerFactsWhenAllAreMatched(t *testing.T) {
	if got := PartnerFacts(PartnerBlock{}, 27); got != "27 respondents, each matched to a partner" {
		t.Errorf("%q", got)
	}
	if got := PartnerFacts(PartnerBlock{Unmatched: 2}, 27); got != "27 respondents · 2 matched to no partner" {
		t.Errorf("%q", got)
	}
}
