package partners_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/partners"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// fillForm edits a written form as a partner would: set cells of column B
// by field key (found through the form's hidden identifiers).
func fillForm(t *testing.T, path string, values map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(partners.IDSheet)
	for _, r := range rows {
		key, ok := strings.CutPrefix(r[0], "field:")
		if v, want := values[key]; ok && want {
			if err := f.SetCellValue(partners.FormSheet, r[1], v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// writtenForms is the demo network with every partner's form written.
func writtenForms(t *testing.T) (*data.Store, data.Network, []string) {
	t.Helper()
	s, n := testkit.DemoStore(t)
	paths, err := partners.WriteForms(t.Context(), s, n, t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	return s, n, paths
}

func formOf(t *testing.T, paths []string, name string) string {
	t.Helper()
	for _, p := range paths {
		if strings.Contains(filepath.Base(p), name) {
			return p
		}
	}
	t.Fatalf("no form of %s in %v", name, paths)
	return ""
}

// Forms are written one per partner, filled (by excelize edits, then one
// round trip through LibreOffice), imported back with a field-by-field
// diff, and applied in one transaction.
func TestProfileFormsRoundTrip(t *testing.T) {
	s, n, paths := writtenForms(t)
	ctx := t.Context()
	ps, _ := s.Partners(ctx, n.ID)
	if len(paths) != len(ps) {
		t.Fatalf("%d forms for %d partners", len(paths), len(ps))
	}
	genk, _ := s.PartnerByName(ctx, n.ID, "Genk")
	iasi, _ := s.PartnerByName(ctx, n.ID, "Iași")

	// The form as written: every field, labels locked, values unlocked, the
	// lists and the hidden identifiers.
	f, err := excelize.OpenFile(formOf(t, paths, "Genk"))
	if err != nil {
		t.Fatal(err)
	}
	for i, fl := range partners.Fields {
		row := partners.FirstField + i
		if label, _ := f.GetCellValue(partners.FormSheet, cellAt(1, row)); label != fl.Label {
			t.Fatalf("row %d is %q, want %q", row, label, fl.Label)
		}
		if v, _ := f.GetCellValue(partners.FormSheet, cellAt(2, row), excelize.Options{RawCellValue: true}); v != fl.Get(&genk) && fl.Kind != partners.Role {
			t.Errorf("%s shows %q, want the stored %q", fl.Label, v, fl.Get(&genk))
		}
		if locked(t, f, cellAt(1, row)) != true || locked(t, f, cellAt(2, row)) != false {
			t.Errorf("row %d: the label must be locked and the value editable", row)
		}
	}
	if vis, _ := f.GetSheetVisible(partners.IDSheet); vis {
		t.Error("the identifiers' sheet is visible")
	}
	dvs, _ := f.GetDataValidations(partners.FormSheet)
	var lists []string
	for _, dv := range dvs {
		if dv.Type == "list" {
			lists = append(lists, dv.Formula1)
		}
	}
	if !slices.Contains(lists, partners.CountryList) || !slices.ContainsFunc(lists, func(s string) bool { return strings.Contains(s, "Lead partner") }) {
		t.Errorf("no country and role lists: %q", lists)
	}
	f.Close()

	// Genk fills its form in (an excelize edit); Iași's goes through
	// LibreOffice as well, as if it had been opened and saved there.
	fillForm(t, formOf(t, paths, "Genk"), map[string]any{"population": 66500, "unemployment_rate": 7.5, "region": "",
		"next_steps": "Walkshop in May\nULG meeting in June", "contact_email": "ulg@genk.be"})
	fillForm(t, formOf(t, paths, "Iași"), map[string]any{"country": "Romania", "civil_servants": 1250, "ulg_coordinator": "Ana Pop"})
	viaLibreOffice := testkit.Convert(t, formOf(t, paths, "Iași"), "xlsx")
	lo, err := excelize.OpenFile(viaLibreOffice)
	if err != nil {
		t.Fatal(err)
	}
	if vis, _ := lo.GetSheetVisible(partners.IDSheet); vis {
		t.Error("LibreOffice showed the identifiers' sheet")
	}
	if dvs, _ := lo.GetDataValidations(partners.FormSheet); len(dvs) != 6 {
		t.Errorf("LibreOffice kept %d of the 6 validations", len(dvs))
	}
	lo.Close()

	plan, err := partners.PlanForms(ctx, s, n, []string{formOf(t, paths, "Genk"), viaLibreOffice, formOf(t, paths, "Breda")})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Problems) > 0 || len(plan.Changes) != 2 || len(plan.Unchanged) != 1 {
		t.Fatalf("plan: %d changes, unchanged %v, problems %v", len(plan.Changes), plan.Unchanged, plan.Problems)
	}
	diff := plan.DiffText()
	for _, want := range []string{
		"Genk:\n", `Population: ` + partners.Shown(fieldText(genk, "population")) + ` → "66500"`,
		`Unemployment rate (%): ` + partners.Shown(fieldText(genk, "unemployment_rate")) + ` → "7.5"`,
		`Region: ` + partners.Shown(genk.Region) + ` → (empty)`, `Next steps: ` + partners.Shown(genk.NextSteps) + ` → "Walkshop in May ⏎ ULG meeting in June"`,
		"Iași:\n", `Civil servants: ` + partners.Shown(fieldText(iasi, "civil_servants")) + ` → "1250"`, `ULG coordinator: ` + partners.Shown(iasi.ULGCoordinator) + ` → "Ana Pop"`,
		"Profile form - Breda.xlsx: no changes",
	} {
		if !strings.Contains(diff, want) {
			t.Errorf("the diff lacks %q:\n%s", want, diff)
		}
	}
	if strings.Contains(diff, "Country") != (iasi.Country != "Romania") {
		t.Errorf("the diff shows a country change only if there is one:\n%s", diff)
	}
	if err := plan.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	g, _ := s.Partner(ctx, genk.ID)
	if *g.Population != 66500 || *g.UnemploymentRate != 7.5 || g.Region != "" || g.NextSteps != "Walkshop in May\nULG meeting in June" || g.ContactEmail != "ulg@genk.be" || g.Name != "Genk" || g.DemographicProfile != genk.DemographicProfile {
		t.Fatalf("Genk stored %+v", g)
	}
	i, _ := s.Partner(ctx, iasi.ID)
	if *i.CivilServants != 1250 || i.ULGCoordinator != "Ana Pop" || i.Country != "Romania" || i.Name != "Iași" {
		t.Fatalf("Iași stored %+v", i)
	}
}

// Forms from another network, for a partner no longer there, that are no
// form, or with a bad value are refused, naming the file and why; one bad
// form stops them all.
func TestProfileFormsRefused(t *testing.T) {
	s, n, paths := writtenForms(t)
	ctx := t.Context()
	dir := filepath.Dir(paths[0])
	other, err := s.CreateNetwork(ctx, data.Network{Name: "Other network"})
	if err != nil {
		t.Fatal(err)
	}
	breda, _ := s.PartnerByName(ctx, n.ID, "Breda")
	if _, err := s.DeletePartner(ctx, breda.ID); err != nil {
		t.Fatal(err)
	}
	fillForm(t, formOf(t, paths, "Genk"), map[string]any{"population": "lots", "contact_email": "not an address"})
	fillForm(t, formOf(t, paths, "Gdańsk"), map[string]any{"population": 470000})
	plain := filepath.Join(dir, "plain.xlsx")
	x := excelize.NewFile()
	x.SaveAs(plain)
	x.Close()
	plan, err := partners.PlanForms(ctx, s, n, []string{formOf(t, paths, "Genk"), formOf(t, paths, "Breda"), plain, formOf(t, paths, "Gdańsk"), formOf(t, paths, "Gdańsk")})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, p := range plan.Problems {
		msgs = append(msgs, p.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		`Profile form - Genk.xlsx: cell ` + partners.FormCell("population") + `, Population "lots"`, `Contact e-mail "not an address"`,
		"Profile form - Breda.xlsx: is the form of Breda, who is not a partner of",
		"plain.xlsx: is not a partner profile form written by AoCE Desktop",
		"Profile form - Gdańsk.xlsx: is a second form of Gdańsk",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the problems lack %q:\n%s", want, all)
		}
	}
	if plan.Ready() || plan.Apply(ctx, s) == nil {
		t.Fatal("a plan with problems was applied")
	}
	if g, _ := s.PartnerByName(ctx, n.ID, "Gdańsk"); g.Population != nil && *g.Population == 470000 {
		t.Fatal("a good form was applied although another was refused")
	}
	otherPlan, err := partners.PlanForms(ctx, s, other, []string{formOf(t, paths, "Gdańsk")})
	if err != nil {
		t.Fatal(err)
	}
	if len(otherPlan.Problems) != 1 || !strings.Contains(otherPlan.Problems[0].Error(), "is a form of another network, not of Other network") {
		t.Fatalf("a form of another network: %v", otherPlan.Problems)
	}
}

func cellAt(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func locked(t *testing.T, f *excelize.File, cell string) bool {
	t.Helper()
	id, err := f.GetCellStyle(partners.FormSheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st.Protection == nil || st.Protection.Locked
}

func fieldText(p data.Partner, key string) string {
	f, _ := partners.FieldByKey(key)
	return f.Get(&p)
}
