package partnerlist

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"golang.org/x/text/encoding/charmap"
)

// stubView is a second area to leave to.
type stubView struct{ obj fyne.CanvasObject }

func (s *stubView) Object() fyne.CanvasObject { return s.obj }
func (s *stubView) Reload()                   {}

func newShell(t *testing.T) *shell.Shell {
	t.Helper()
	stub := shell.Area{ID: "stub", Title: "Elsewhere", Build: func(*shell.Shell) shell.View { return &stubView{widget.NewLabel("elsewhere")} }}
	return uitest.NewShell(t, true, Area(), stub)
}

func open(t *testing.T, sh *shell.Shell) *partnersView {
	t.Helper()
	return uitest.Open[*partnersView](t, sh, "partners")
}

// selectPartner selects the shown partner called name in the list.
func selectPartner(t *testing.T, v *partnersView, name string) {
	t.Helper()
	for i, p := range v.shown {
		if p.Name == name {
			v.list.Select(i)
			return
		}
	}
	t.Fatalf("%s is not in the list", name)
}

func names(v *partnersView) string {
	var out []string
	for _, p := range v.shown {
		out = append(out, p.Name)
	}
	return strings.Join(out, ",")
}

func TestPartnerListSearchFilterSort(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
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
	sh := newShell(t)
	v := open(t, sh)
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
	sh := newShell(t)
	v := open(t, sh)
	selectPartner(t, v, "Aarhus")
	region := v.form.inputs["region"].entry
	region.SetText(region.Text + " Region")
	selectPartner(t, v, "Breda")
	d := uitest.TopOverlay(sh)
	if d == nil || v.form.partner.Name != "Aarhus" {
		t.Fatalf("moved to %s without asking", v.form.partner.Name)
	}
	test.Tap(uitest.ButtonIn(t, d, "Cancel"))
	if v.form.partner.Name != "Aarhus" || !v.form.dirty {
		t.Fatal("Cancel lost the edit")
	}
	// Switching area asks too; Save keeps the edit and moves on.
	sh.ShowArea(1)
	if _, still := sh.CurrentView().(*partnersView); !still {
		t.Fatal("left the partners area without asking")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	if _, ok := sh.CurrentView().(*stubView); !ok {
		t.Fatal("Save did not go on to the overview")
	}
	stored, _ := sh.Store().PartnerByName(context.Background(), sh.Network().ID, "Aarhus")
	if stored.Region != "Midtjylland Region" {
		t.Fatalf("region %q", stored.Region)
	}
	// Discard throws the edit away.
	v = open(t, sh)
	selectPartner(t, v, "Breda")
	region = v.form.inputs["region"].entry
	region.SetText(region.Text + "X")
	selectPartner(t, v, "Genk")
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Discard changes"))
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
	sh := newShell(t)
	v := open(t, sh)
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
	if !uitest.TextIn(uitest.TopOverlay(sh), "is the lead partner") {
		t.Fatal("deleting the lead partner was not refused")
	}
	uitest.TopOverlay(sh).Hide()
	selectPartner(t, v, "Aarhus")
	test.Tap(v.form.deleteBtn)
	d := uitest.TopOverlay(sh)
	if !uitest.TextIn(d, "good practice(s)") || !uitest.TextIn(d, "Undo brings it back") {
		t.Fatal("the delete confirmation does not say what goes with the partner")
	}
	test.Tap(uitest.ButtonIn(t, d, "Delete"))
	if _, err := sh.Store().PartnerByName(ctx, sh.Network().ID, "Aarhus"); err == nil {
		t.Fatal("Aarhus still stored")
	}
	if len(v.all) != 9 || v.form.showing() {
		t.Fatalf("%d partners, form showing %v", len(v.all), v.form.showing())
	}
}

func TestImportPreviewThenImport(t *testing.T) {
	ctx := context.Background()
	sh := newShell(t)
	v := open(t, sh)
	csv := "City;Country;Inhabitants;Role;Notes\r\nBudaörs;Hungary;29.351;;x\r\nGdańsk;Poland;486.345;Lead partner;y\r\nBanská Bystrica;Slovakia;73.831;;z\r\nPoznań;Poland;540.000;;\r\n"
	raw, _ := charmap.Windows1250.NewEncoder().Bytes([]byte(csv))
	v.importBytes("/tmp/partners-1250.csv", raw)
	d := uitest.TopOverlay(sh)
	if d == nil {
		t.Fatal("no preview")
	}
	for _, want := range []string{"Windows-1250", "1 to add, 3 to update", "+ Add Poznań (Poland)", "Population: 29351 (was 29350)", "Role: Partner (was Lead partner)"} {
		if !uitest.TextIn(d, want) {
			t.Errorf("preview does not show %q", want)
		}
	}
	imp := uitest.ButtonIn(t, d, "Import")
	if imp.Disabled() {
		t.Fatal("Import disabled for a good file")
	}
	waitImport(t, v, func() { test.Tap(imp) })
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
	sh := newShell(t)
	v := open(t, sh)
	v.importBytes("/tmp/bad.csv", []byte("name,population\nGenk,1\nBreda,many\n"))
	d := uitest.TopOverlay(sh)
	if !uitest.TextIn(d, "bad.csv, line 3, column 2 (B)") || !uitest.ButtonIn(t, d, "Import").Disabled() {
		t.Fatal("a file with problems can be imported, or the problem is not shown with its place")
	}
	v.importBytes("/tmp/old.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0})
	if !uitest.TextIn(uitest.TopOverlay(sh), "Excel 97") {
		t.Fatal("an .xls file is not explained")
	}
}

func TestFlushKeepsValidUnsavedEdits(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
	selectPartner(t, v, "Breda")
	v.form.inputs["ulg_coordinator"].entry.SetText("A. Jansen")
	if err := v.Flush(); err != nil {
		t.Fatal(err)
	}
	p, _ := sh.Store().PartnerByName(context.Background(), sh.Network().ID, "Breda")
	if p.ULGCoordinator != "A. Jansen" {
		t.Fatalf("coordinator %q: a valid edit was lost on exit", p.ULGCoordinator)
	}
	// An invalid form cannot be stored: Flush says so instead of dropping it silently.
	v.form.inputs["population"].entry.SetText("lots")
	if err := v.Flush(); err == nil || !strings.Contains(err.Error(), "Breda") {
		t.Fatalf("flushing an invalid form: %v", err)
	}
}

// waitImport runs start and waits until the import it starts was stored.
func waitImport(t *testing.T, v *partnersView, start func()) {
	t.Helper()
	done := make(chan struct{})
	v.imported = func() { close(done) }
	start()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not finish")
	}
}
