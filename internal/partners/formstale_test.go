package partners_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/partners"
)

// A form returned after the partner was edited here: a field the partner
// left as written keeps the newer value (no GNK → empty), a field changed
// in both places is told in the diff and kept unless the user prefers the
// forms; what the partner alone changed is applied.
func TestStaleFormKeepsNewerEdits(t *testing.T) {
	s, n, paths := writtenForms(t)
	ctx := t.Context()
	genk, _ := s.PartnerByName(ctx, n.ID, "Genk")
	genk.ShortName, genk.Region = "GNK", "Limburg (new)"
	if _, err := s.SavePartner(ctx, genk); err != nil {
		t.Fatal(err)
	}
	form := formOf(t, paths, "Genk")
	fillForm(t, form, map[string]any{"region": "Limburg province", "ulg_coordinator": "Ann Peeters"})
	plan, err := partners.PlanForms(ctx, s, n, []string{form})
	if err != nil || len(plan.Problems) > 0 {
		t.Fatal(err, plan.Problems)
	}
	diff := plan.DiffText()
	if strings.Contains(diff, "Short name") || !strings.Contains(diff, `ULG coordinator:`) ||
		!strings.Contains(diff, `! Region: changed here since the form was written (on `) || !strings.Contains(diff, `"Limburg (new)" here, "Limburg province" in the form — kept`) {
		t.Fatalf("diff:\n%s", diff)
	}
	if err := plan.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	after, _ := s.PartnerByName(ctx, n.ID, "Genk")
	if after.ShortName != "GNK" || after.Region != "Limburg (new)" || after.ULGCoordinator != "Ann Peeters" {
		t.Fatalf("after the import: %q %q %q", after.ShortName, after.Region, after.ULGCoordinator)
	}
	plan, _ = partners.PlanForms(ctx, s, n, []string{form})
	plan.PreferForms = true
	if err := plan.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	if after, _ = s.PartnerByName(ctx, n.ID, "Genk"); after.Region != "Limburg province" || after.ShortName != "GNK" {
		t.Fatalf("preferring the form: %q %q", after.Region, after.ShortName)
	}
}

// A country typed over the drop-down list is refused naming its cell; two
// forms of one partner with the same file name are told apart by folder.
func TestFormCountryOutsideListAndTwinFiles(t *testing.T) {
	s, n, paths := writtenForms(t)
	ctx := t.Context()
	form := formOf(t, paths, "Genk")
	twin := filepath.Join(t.TempDir(), filepath.Base(form))
	raw, _ := os.ReadFile(form)
	os.WriteFile(twin, raw, 0o644)
	fillForm(t, form, map[string]any{"country": "Narnia"})
	plan, err := partners.PlanForms(ctx, s, n, []string{form, twin})
	if err != nil || len(plan.Problems) != 2 {
		t.Fatalf("%v %v", err, plan.Problems)
	}
	if got := plan.Problems[0].Error(); !strings.Contains(got, `cell B6, Country "Narnia" is not one of the form's list`) {
		t.Errorf("country: %s", got)
	}
	if got := plan.Problems[1].Error(); !strings.Contains(got, "(the first is "+form+", in another folder)") {
		t.Errorf("twin: %s", got)
	}
}
