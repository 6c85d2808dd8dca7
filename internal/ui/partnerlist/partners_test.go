package partnerlist

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"golang.org/x/text/encoding/charmap"
)

func names(v *partnersView) string {
	var out []string
	for _, p := range v.shown {
		out = append(out, p.Name)
	}
	return strings.Join(out, ",")
}

func TestPartnerListSearchFilterSort(t *testing.T) {
	sh := newTestShell(t, true)
	v := partnersArea(t, sh)
	if len(v.shown) != 9 || v.count.Text != "9 of 9 partners" {
		t.Fatalf("shown %d, count %q", len(v.shown), v.count.Text)
	}
	test.Type(v.search, "gdansk") // accents do not matter
	if names(v) != "Gdańsk" {
		t.Fatalf("search gdansk → %s", names(v))
	}
	v.search.SetText("")
	v.country.SetSelected("Poland")
	if names(v) != "Gdańsk" {
		t.Fatalf("country Poland → %s", names(v))
	}
	v.country.SetSelected(allCountries)
	v.role.SetSelected(onlyLead)
	if names(v) != "Genk" {
		t.Fatalf("lead only → %s", names(v))
	}
	v.role.SetSelected(allRoles)
	v.sortBy.SetSelected(sortPop)
	if !strings.HasPrefix(names(v), "Gdańsk,Iași,Aarhus") {
		t.Fatalf("by population → %s", names(v))
	}
	test.Type(v.search, "zzz")
	if !v.listEmpty.Visible() || !strings.Contains(v.listEmpty.Text, "No partner matches") {
		t.Fatal("no empty-state message for a search without results")
	}
}

func TestEditValidateAndSavePartner(t *testing.T) {
	ctx := context.Background()
	sh := newTestShell(t, true)
	v := partnersArea(t, sh)
	selectPartner(t, v, "Breda")
	if v.form.heading.Text != "Breda" || !v.form.saveBtn.Disabled() {
		t.Fatalf("heading %q, save enabled %v", v.form.heading.Text, !v.form.saveBtn.Disabled())
	}
	pop := v.form.inputs["population"]
	pop.entry.SetText("")
	test.Type(pop.entry, "lots")
	if !pop.err.Visible() || !strings.Contains(pop.err.Text, "whole number") {
		t.Fatalf("population error %q visible %v", pop.err.Text, pop.err.Visible())
	}
	mail := v.form.inputs["contact_email"]
	test.Type(mail.entry, "not-an-address")
	if !mail.err.Visible() || !strings.Contains(mail.err.Text, "e-mail") {
		t.Fatalf("e-mail error %q", mail.err.Text)
	}
	rate := v.form.inputs["unemployment_rate"]
	rate.entry.SetText("120")
	if !strings.Contains(rate.err.Text, "between 0 and 100") {
		t.Fatalf("rate error %q", rate.err.Text)
	}
	if v.form.save() {
		t.Fatal("an invalid form was saved")
	}
	stored, _ := sh.Store().PartnerByName(ctx, sh.Network().ID, "Breda")
	if *stored.Population != 186000 {
		t.Fatal("an invalid form changed the store")
	}
	pop.entry.SetText("186.500")
	mail.entry.SetText("ulg@breda.nl")
	rate.entry.SetText("3,7")
	if pop.err.Visible() || mail.err.Visible() || rate.err.Visible() {
		t.Fatal("errors stay after fixing the fields")
	}
	test.Tap(v.form.saveBtn)
	stored, _ = sh.Store().PartnerByName(ctx, sh.Network().ID, "Breda")
	if *stored.Population != 186500 || stored.ContactEmail != "ulg@breda.nl" || *stored.UnemploymentRate != 3.7 {
		t.Fatalf("stored %+v", stored)
	}
	if v.form.dirty || v.form.heading.Text != "Breda" {
		t.Fatal("the form still shows unsaved changes after saving")
	}
}

func TestUnsavedChangesAreGuarded(t *testing.T) {
	sh := newTestShell(t, true)
	v := partnersArea(t, sh)
	selectPartner(t, v, "Aarhus")
	region := v.form.inputs["region"].entry
	region.SetText(region.Text + " Region")
	selectPartner(t, v, "Breda")
	d := topOverlay(sh)
	if d == nil || v.form.partner.Name != "Aarhus" {
		t.Fatalf("moved to %s without asking", v.form.partner.Name)
	}
	test.Tap(buttonIn(t, d, "Cancel"))
	if v.form.partner.Name != "Aarhus" || !v.form.dirty {
		t.Fatal("Cancel lost the edit")
	}
	// Switching area asks too; Save keeps the edit and moves on.
	sh.ShowArea(0)
	if _, still := sh.CurrentView().(*partnersView); !still {
		t.Fatal("left the partners area without asking")
	}
	test.Tap(buttonIn(t, topOverlay(sh), "Save"))
	if _, ok := sh.CurrentView().(*overviewView); !ok {
		t.Fatal("Save did not go on to the overview")
	}
	stored, _ := sh.Store().PartnerByName(context.Background(), sh.Network().ID, "Aarhus")
	if stored.Region != "Midtjylland Region" {
		t.Fatalf("region %q", stored.Region)
	}
	// Discard throws the edit away.
	v = partnersArea(t, sh)
	selectPartner(t, v, "Breda")
	region = v.form.inputs["region"].entry
	region.SetText(region.Text + "X")
	selectPartner(t, v, "Genk")
	test.Tap(buttonIn(t, topOverlay(sh), "Discard changes"))
	if v.form.partner.Name != "Genk" || v.form.dirty {
		t.Fatalf("after discard: %s dirty=%v", v.form.partner.Name, v.form.dirty)
	}
	stored, _ = sh.Store().PartnerByName(context.Background(), sh.Network().ID, "Breda")
	if strings.HasSuffix(stored.Region, "X") {
		t.Fatal("a discarded edit was stored")
	}
}

func TestAddAndDeletePartner(t *testing.T) {
	ctx := context.Background()
	sh := newTestShell(t, true)
	v := partnersArea(t, sh)
	v.newPartner()
	if v.form.heading.Text != "New partner" || sh.Window().Canvas().Focused() != v.form.inputs["name"].entry {
		t.Fatal("new partner form not ready for typing")
	}
	test.Type(v.form.inputs["name"].entry, "Varna")
	test.Type(v.form.inputs["country"].entry, "Bulgaria")
	test.Tap(v.form.saveBtn)
	if len(v.all) != 10 || v.form.partner.ID == "" {
		t.Fatalf("%d partners after adding", len(v.all))
	}
	// A duplicate name is refused beside the field.
	v.newPartner()
	test.Type(v.form.inputs["name"].entry, "GENK")
	v.form.save()
	if !strings.Contains(v.form.inputs["name"].err.Text, "already a partner called") {
		t.Fatalf("duplicate: %q", v.form.inputs["name"].err.Text)
	}
	v.form.revert()

	selectPartner(t, v, "Genk")
	v.confirmDelete()
	if !textIn(topOverlay(sh), "is the lead partner") {
		t.Fatal("deleting the lead partner was not refused")
	}
	topOverlay(sh).Hide()
	selectPartner(t, v, "Aarhus")
	test.Tap(v.form.deleteBtn)
	d := topOverlay(sh)
	if !textIn(d, "good practice(s)") || !textIn(d, "cannot be undone") {
		t.Fatal("the delete confirmation does not say what goes with the partner")
	}
	test.Tap(buttonIn(t, d, "Delete"))
	if _, err := sh.Store().PartnerByName(ctx, sh.Network().ID, "Aarhus"); err == nil {
		t.Fatal("Aarhus still stored")
	}
	if len(v.all) != 9 || v.form.showing() {
		t.Fatalf("%d partners, form showing %v", len(v.all), v.form.showing())
	}
}

func TestImportPreviewThenImport(t *testing.T) {
	ctx := context.Background()
	sh := newTestShell(t, true)
	v := partnersArea(t, sh)
	csv := "City;Country;Inhabitants;Role;Notes\r\nBudaörs;Hungary;29.351;;x\r\nGdańsk;Poland;486.345;Lead partner;y\r\nBanská Bystrica;Slovakia;73.831;;z\r\nPoznań;Poland;540.000;;\r\n"
	raw, _ := charmap.Windows1250.NewEncoder().Bytes([]byte(csv))
	v.importBytes("/tmp/partners-1250.csv", raw)
	d := topOverlay(sh)
	if d == nil {
		t.Fatal("no preview")
	}
	for _, want := range []string{"Windows-1250", "1 to add, 3 to update", "+ Add Poznań (Poland)", "Population: 29351 (was 29350)", "Role: Partner (was Lead partner)"} {
		if !textIn(d, want) {
			t.Errorf("preview does not show %q", want)
		}
	}
	imp := buttonIn(t, d, "Import")
	if imp.Disabled() {
		t.Fatal("Import disabled for a good file")
	}
	test.Tap(imp)
	p, err := sh.Store().PartnerByName(ctx, sh.Network().ID, "Gdańsk")
	if err != nil || !p.IsLead() {
		t.Fatalf("Gdańsk %+v %v", p, err)
	}
	if _, err := sh.Store().PartnerByName(ctx, sh.Network().ID, "Poznań"); err != nil {
		t.Fatal("Poznań not added")
	}
	if len(v.all) != 10 {
		t.Fatalf("list shows %d partners after import", len(v.all))
	}
}

func TestImportPreviewWithProblemsCannotImport(t *testing.T) {
	sh := newTestShell(t, true)
	v := partnersArea(t, sh)
	v.importBytes("/tmp/bad.csv", []byte("name,population\nGenk,1\nBreda,many\n"))
	d := topOverlay(sh)
	if !textIn(d, "bad.csv, line 3, column 2 (B)") || !buttonIn(t, d, "Import").Disabled() {
		t.Fatal("a file with problems can be imported, or the problem is not shown with its place")
	}
	v.importBytes("/tmp/old.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0})
	if !textIn(topOverlay(sh), "Excel 97") {
		t.Fatal("an .xls file is not explained")
	}
}

func TestStoppingKeepsValidUnsavedEdits(t *testing.T) {
	sh := newTestShell(t, true)
	v := partnersArea(t, sh)
	selectPartner(t, v, "Breda")
	v.form.inputs["ulg_coordinator"].entry.SetText("A. Jansen")
	sh.whenStopping()
	p, _ := sh.Store().PartnerByName(context.Background(), sh.Network().ID, "Breda")
	if p.ULGCoordinator != "A. Jansen" {
		t.Fatalf("coordinator %q: a valid edit was lost on exit", p.ULGCoordinator)
	}
}
