package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// setFormField fills one field of a profile form, found through the form's
// hidden identifiers, as a partner editing it would.
func setFormField(t *testing.T, path, key string, v any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Form identifiers")
	for _, r := range rows {
		if r[0] == "field:"+key {
			f.SetCellValue("Profile", r[1], v)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

func TestPartnersFormAndImportForms(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	forms := filepath.Join(dir, "forms")
	out := mustRunOK(t, "", "partners", "form", "--out", forms, "--db", db)
	if !strings.Contains(out, "Profile form - Genk.xlsx") || !strings.Contains(out, "profile form(s) of Agents of Co-Existence") {
		t.Fatalf("partners form:\n%s", out)
	}
	genk, gdansk := filepath.Join(forms, "Profile form - Genk.xlsx"), filepath.Join(forms, "Profile form - Gdańsk.xlsx")
	setFormField(t, genk, "population", 66500)
	setFormField(t, gdansk, "ulg_coordinator", "Jan Kowalski")

	preview := mustRunOK(t, "", "partners", "import", genk, gdansk, "--db", db)
	if !strings.Contains(preview, `→ "66500"`) || !strings.Contains(preview, `ULG coordinator: `) || !strings.Contains(preview, "add --yes to apply") {
		t.Fatalf("preview:\n%s", preview)
	}
	var listed struct {
		Partners []struct {
			Name           string `json:"name"`
			Population     *int64 `json:"population"`
			ULGCoordinator string `json:"ulg_coordinator"`
		} `json:"partners"`
	}
	json.Unmarshal([]byte(mustRunOK(t, "", "partners", "list", "--json", "--db", db)), &listed)
	for _, p := range listed.Partners {
		if p.Name == "Genk" && p.Population != nil && *p.Population == 66500 {
			t.Fatal("the preview changed Genk")
		}
	}
	mustRunOK(t, "", "partners", "import", genk, gdansk, "--yes", "--db", db)
	json.Unmarshal([]byte(mustRunOK(t, "", "partners", "list", "--json", "--db", db)), &listed)
	applied := 0
	for _, p := range listed.Partners {
		if p.Name == "Genk" && p.Population != nil && *p.Population == 66500 || p.Name == "Gdańsk" && p.ULGCoordinator == "Jan Kowalski" {
			applied++
		}
	}
	if applied != 2 {
		t.Fatalf("not both forms applied: %+v", listed)
	}

	// A form of this network imported into another is refused, naming it.
	mustRunOK(t, "", "network", "create", "--db", db, "--name", "Cities of Water")
	code, _, stderr := aoce(t, "", "partners", "import", genk, "--yes", "--network", "Cities of Water", "--db", db)
	if code != 1 || !strings.Contains(stderr, "Profile form - Genk.xlsx: is a form of another network, not of Cities of Water") {
		t.Fatalf("another network's form: %d %s", code, stderr)
	}
}
