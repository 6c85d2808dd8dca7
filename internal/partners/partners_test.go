package partners

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"golang.org/x/text/encoding/charmap"
)

func TestParseWholeNumber(t *testing.T) {
	ok := map[string]int64{"67.614": 67614, "67 614": 67614, "67,614": 67614, "67614": 67614, "1.138": 1138,
		"486.345": 486345, "1.234.567": 1234567, "1,234,567": 1234567, "67.614,00": 67614, "67,614.0": 67614, " 29350 ": 29350, "67\u202f614": 67614, "0": 0}
	for in, want := range ok {
		if got, err := ParseWholeNumber(in); err != nil || got != want {
			t.Errorf("ParseWholeNumber(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "about 500", "-5", "12,5", "1.5", "12a", "1.2.3"} {
		if got, err := ParseWholeNumber(in); err == nil {
			t.Errorf("ParseWholeNumber(%q) = %d, want an error", in, got)
		}
	}
}

func TestParsePercent(t *testing.T) {
	ok := map[string]float64{"38,1 %": 38.1, "38.1": 38.1, "3,03": 3.03, "0,75%": 0.75, "100": 100, "0": 0, "16.5 %": 16.5}
	for in, want := range ok {
		if got, err := ParsePercent(in); err != nil || got != want {
			t.Errorf("ParsePercent(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "101", "-1", "abc", "1e2", "38,1,2"} {
		if got, err := ParsePercent(in); err == nil {
			t.Errorf("ParsePercent(%q) = %v, want an error", in, got)
		}
	}
}

func TestValidateEmail(t *testing.T) {
	for _, ok := range []string{"", "ulg@genk.be", "a.b+c@gdansk.gov.pl"} {
		if err := ValidateEmail(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"genk", "a@b", "Name <a@b.be>", "a@b.be, c@d.be", "a b@c.de"} {
		if ValidateEmail(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestGuessMapping(t *testing.T) {
	m := GuessMapping([]string{"City", "Country", "Inhabitants", "Unemployment rate (%)", "E-mail", "Notes", "Total number of civil servants", "Role"})
	want := Mapping{"name", "country", "population", "unemployment_rate", "contact_email", "", "civil_servants", "role"}
	if strings.Join(m, ",") != strings.Join(want, ",") {
		t.Fatalf("mapping %q, want %q", m, want)
	}
}

func TestParsePaste(t *testing.T) {
	text := "PARTNERS :\r\nLEAD PARTNER : Braga - Portugal\r\n• Varna - Bulgaria\n\n· Banská Bystrica – Slovakia\nPoznań\n"
	recs, problems := ParsePaste("pasted text", text)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	got := []string{}
	for _, r := range recs {
		got = append(got, r.Values["name"]+"|"+r.Values["country"]+"|"+r.Values["role"])
	}
	want := "Braga|Portugal|Lead partner;Varna|Bulgaria|;Banská Bystrica|Slovakia|;Poznań||"
	if strings.Join(got, ";") != want {
		t.Fatalf("got %q\nwant %q", strings.Join(got, ";"), want)
	}
	if recs[1].Line != 3 {
		t.Fatalf("Varna on line %d, want 3", recs[1].Line)
	}
}

func store(t *testing.T) (*data.Store, data.Network) {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "p.db"), data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	n, err := s.CreateNetwork(context.Background(), data.Network{Name: "N"})
	if err != nil {
		t.Fatal(err)
	}
	return s, n
}

func planFile(t *testing.T, s *data.Store, n data.Network, name string, raw []byte) *Plan {
	t.Helper()
	tb, err := tabular.Read(name, raw, tabular.Options{})
	if err != nil {
		t.Fatal(err)
	}
	existing, err := s.Partners(context.Background(), n.ID)
	if err != nil {
		t.Fatal(err)
	}
	recs, problems := RecordsFromTable(tb, GuessMapping(tb.Header()))
	return MakePlan(name, n.ID, existing, recs, problems)
}

func TestWindows1250SemicolonImportKeepsNames(t *testing.T) {
	ctx := context.Background()
	s, n := store(t)
	csv := "Město;Země;Počet obyvatel;Nezaměstnanost;Role\r\n" // headers the mapping does not know are ignored
	csv = "City;Country;Population;Unemployment rate;Role\r\nBudaörs;Hungary;29.350;3,0 %;Partner\r\nGdańsk;Poland;486.345;2,3;Lead partner\r\nBanská Bystrica;Slovakia;73.831;3,5;\r\n"
	raw, err := charmap.Windows1250.NewEncoder().Bytes([]byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	plan := planFile(t, s, n, "partners-1250.csv", raw)
	if !plan.Ready() || len(plan.Adds) != 3 {
		t.Fatalf("plan: %s %v", plan.Summary(), plan.Problems)
	}
	if err := plan.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	ps, _ := s.Partners(ctx, n.ID)
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	if strings.Join(names, ",") != "Gdańsk,Banská Bystrica,Budaörs" {
		t.Fatalf("stored %q", names)
	}
	if *ps[0].Population != 486345 || *ps[0].UnemploymentRate != 2.3 || !ps[0].IsLead() {
		t.Fatalf("Gdańsk: %+v", ps[0])
	}
}

func TestReimportUpdatesInsteadOfDuplicating(t *testing.T) {
	ctx := context.Background()
	s, n := store(t)
	first := planFile(t, s, n, "a.csv", []byte("name,country,population\nIași,Romania,393.574\nGenk,Belgium,67.614\n"))
	if err := first.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	second := planFile(t, s, n, "b.csv", []byte("name,population,e-mail\nIASI,393.575,\nGenk,67.614,ulg@genk.be\nBreda,186000,\n"))
	if len(second.Adds) != 1 || len(second.Updates) != 2 || len(second.Problems) != 0 {
		t.Fatalf("second plan: %s %+v", second.Summary(), second)
	}
	iasi := second.Updates[0]
	if iasi.Partner.Name != "Iași" || len(iasi.Fields) != 1 || iasi.Fields[0].Old != "393574" || iasi.Fields[0].New != "393575" {
		t.Fatalf("Iași update: %+v", iasi)
	}
	if err := second.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	ps, _ := s.Partners(ctx, n.ID)
	if len(ps) != 3 {
		t.Fatalf("%d partners, want 3", len(ps))
	}
	for _, p := range ps {
		if p.Name == "Iași" && p.Country != "Romania" {
			t.Fatal("a blank cell erased the stored country")
		}
	}
}

func TestNewLeadPartnerReplacesTheOld(t *testing.T) {
	ctx := context.Background()
	s, n := store(t)
	if err := planFile(t, s, n, "a.csv", []byte("name,role\nGenk,lead partner\nBreda,partner\nAarhus,\n")).Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	plan := planFile(t, s, n, "b.csv", []byte("name,role\nBreda,LP\nAarhus,\n"))
	if !plan.Ready() {
		t.Fatal(plan.Problems)
	}
	found := false
	for _, u := range plan.Updates {
		found = found || (u.Partner.Name == "Genk" && u.Fields[len(u.Fields)-1].New == "Partner")
	}
	if !found {
		t.Fatalf("the plan does not show Genk stepping down: %+v", plan.Updates)
	}
	if err := plan.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	ps, _ := s.Partners(ctx, n.ID)
	if !ps[0].IsLead() || ps[0].Name != "Breda" || ps[1].IsLead() || ps[2].IsLead() {
		t.Fatalf("after import: %+v", ps)
	}
}

func TestBadRowsStopTheWholeImport(t *testing.T) {
	ctx := context.Background()
	s, n := store(t)
	plan := planFile(t, s, n, "bad.csv", []byte("name,population,unemployment,e-mail\nGenk,67.614,38,1\nBreda,lots,3.6,x\nGenk,1,1,\nIași,1,140,\nA,1,2,a@b.ro,extra\n"))
	if plan.Ready() {
		t.Fatal("a plan with bad rows is ready")
	}
	want := []string{"bad.csv, line 3, column 2 (B): Population \"lots\"", "line 3, column 4 (D): Contact e-mail", "line 4, column 1 (A): Genk is listed again (first on line 2)",
		"line 5, column 3 (C): Unemployment rate (%) \"140\": must be between 0 and 100", "line 6, column 5 (E): has 5 cells but the header has 4"}
	all := ""
	for _, p := range plan.Problems {
		all += p.Error() + "\n"
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("problems do not say %q:\n%s", w, all)
		}
	}
	if err := plan.Apply(ctx, s); err == nil {
		t.Fatal("Apply of a bad plan succeeded")
	}
	if ps, _ := s.Partners(ctx, n.ID); len(ps) != 0 {
		t.Fatalf("a refused import stored %d partners", len(ps))
	}
}

func TestFileWithoutNameColumn(t *testing.T) {
	s, n := store(t)
	plan := planFile(t, s, n, "x.csv", []byte("foo,bar\n1,2\n"))
	var fe *tabular.FileError
	if len(plan.Problems) != 1 || !errors.As(plan.Problems[0], &fe) || !strings.Contains(fe.Error(), "no column is mapped to the partner's name") {
		t.Fatalf("%v", plan.Problems)
	}
}

func TestValidate(t *testing.T) {
	bad := 120.0
	p := data.Partner{Name: "", ContactEmail: "nope", UnemploymentRate: &bad}
	problems := Validate(p)
	for _, k := range []string{"name", "contact_email", "unemployment_rate"} {
		if problems[k] == nil {
			t.Errorf("no problem for %s", k)
		}
	}
	if len(Validate(data.Partner{Name: "Genk"})) != 0 {
		t.Error("a minimal partner is invalid")
	}
}

func FuzzParsePaste(f *testing.F) {
	f.Add("LEAD PARTNER : Braga - Portugal\n• Varna - Bulgaria\n")
	f.Add("PARTNERS:\n1) Gdańsk – Poland\n - \n")
	f.Fuzz(func(t *testing.T, text string) {
		recs, _ := ParsePaste("paste", text)
		for _, r := range recs {
			if strings.TrimSpace(r.Values["name"]) == "" {
				t.Fatalf("record without a name: %+v", r)
			}
		}
	})
}

func FuzzNumbers(f *testing.F) {
	for _, s := range []string{"67.614", "38,1 %", "1.234.567,89", "", "-0", "1e9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, err := ParseWholeNumber(s); err == nil && n < 0 {
			t.Fatalf("negative %d from %q", n, s)
		}
		if v, err := ParsePercent(s); err == nil && (v < 0 || v > 100) {
			t.Fatalf("rate %v from %q", v, s)
		}
	})
}

func TestFileRestatingTheLeadChangesNothing(t *testing.T) {
	ctx := context.Background()
	s, n := store(t)
	if err := planFile(t, s, n, "a.csv", []byte("name,role\nGenk,lead partner\nBreda,partner\n")).Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	plan := planFile(t, s, n, "b.csv", []byte("name,role\nGenk,Lead partner\nBreda,Partner\n"))
	if len(plan.Updates) != 0 || len(plan.Unchanged) != 2 || !plan.Ready() && len(plan.Problems) > 0 {
		t.Fatalf("restating the lead: %s %+v", plan.Summary(), plan.Updates)
	}
}

func TestPlanProblemsThatUsedToPassDryRun(t *testing.T) {
	ctx := context.Background()
	s, n := store(t)
	if err := planFile(t, s, n, "a.csv", []byte("name,role\nGenk,lead partner\nBreda,partner\n")).Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	blank := planFile(t, s, n, "b.csv", []byte("name,country\n,Belgium\n"))
	if blank.Ready() || !strings.Contains(fmt.Sprint(blank.Problems), "b.csv, line 2") || !strings.Contains(fmt.Sprint(blank.Problems), "has no partner name") {
		t.Fatalf("blank name: %v", blank.Problems)
	}
	demote := planFile(t, s, n, "c.csv", []byte("name,role\nGenk,Partner\n"))
	if demote.Ready() || !strings.Contains(fmt.Sprint(demote.Problems), "names no new lead partner") {
		t.Fatalf("demoting the only lead: %v", demote.Problems)
	}
}

func TestApplyKeepsEditsMadeAfterThePlan(t *testing.T) {
	ctx := context.Background()
	s, n := store(t)
	if err := planFile(t, s, n, "a.csv", []byte("name\nGenk\n")).Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	a := planFile(t, s, n, "pop.csv", []byte("name,population\nGenk,67614\n"))
	b := planFile(t, s, n, "country.csv", []byte("name,country\nGenk,Belgium\n"))
	if err := a.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	if err := b.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	p, _ := s.PartnerByName(ctx, n.ID, "Genk")
	if p.Population == nil || *p.Population != 67614 || p.Country != "Belgium" {
		t.Fatalf("the second plan undid the first: %+v", p)
	}
}

func TestControlCharactersAreDropped(t *testing.T) {
	s, n := store(t)
	plan := planFile(t, s, n, "x.csv", []byte("name,region\nGe\x01nk,Lim\x02burg\n"))
	if len(plan.Adds) != 1 || plan.Adds[0].Partner.Name != "Genk" || plan.Adds[0].Partner.Region != "Limburg" {
		t.Fatalf("%+v", plan.Adds)
	}
}
