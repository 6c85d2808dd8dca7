package partnerlist

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/partners"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// waitJob waits for the next background job of the shell to end.
func waitJob(t *testing.T, ended chan struct{}) {
	t.Helper()
	select {
	case <-ended:
	case <-time.After(10 * time.Second):
		t.Fatal("the job did not end")
	}
}

// Profile forms written from the Partners view, one filled in and one from
// the folder left as it was, are previewed field by field and applied.
func TestProfileFormsPreviewAndApply(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
	ended := make(chan struct{}, 1)
	sh.JobEnded = func() { ended <- struct{}{} }
	dir := t.TempDir()
	v.writeForms(dir)
	waitJob(t, ended)
	if !uitest.TextIn(uitest.TopOverlay(sh), "forms are in "+dir) {
		t.Fatal("no message about the written forms")
	}
	uitest.TopOverlay(sh).Hide()

	genk := filepath.Join(dir, partnersFormName(t, v, "Genk"))
	f, err := excelize.OpenFile(genk)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Profile", partners.FormCell("population"), 66500)
	f.SetCellValue("Profile", partners.FormCell("contact_email"), "ulg@genk.be")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	v.importFormsIn(dir)
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "Import profile forms — preview") {
		t.Fatal("no preview of the returned forms")
	}
	before, _ := stored(t, sh, "Genk")
	for _, want := range []string{"1 partner(s) to update", "Genk — Profile form - Genk.xlsx", "Stored now", "In the form", "Population", "66500", "Contact e-mail", "ulg@genk.be", "= No changes: "} {
		if !uitest.TextIn(d, want) {
			t.Errorf("the preview lacks %q", want)
		}
	}
	if before.Population != nil && *before.Population == 66500 {
		t.Fatal("the preview stored the change")
	}
	apply := uitest.ButtonIn(t, d, "Apply")
	test.Tap(apply)
	waitJob(t, ended)
	if p, _ := stored(t, sh, "Genk"); p.Population == nil || *p.Population != 66500 || p.ContactEmail != "ulg@genk.be" {
		t.Fatalf("Genk after the import %+v", p)
	}
	if !uitest.TextIn(uitest.TopOverlay(sh), "1 partner(s) updated") {
		t.Fatal("no message after the import")
	}
}

// A form that cannot be imported is named with why, and Apply is off.
func TestProfileFormRefusedInPreview(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
	dir := t.TempDir()
	paths, err := partners.WriteForms(sh.Ctx(), sh.Store(), sh.Network(), dir, "Breda")
	if err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenFile(paths[0])
	f.SetCellValue("Profile", partners.FormCell("population"), "lots")
	f.Save()
	f.Close()
	v.Drop(paths[0])
	d := uitest.TopOverlay(sh)
	if !uitest.TextIn(d, `Profile form - Breda.xlsx: cell `+partners.FormCell("population")+`, Population "lots"`) {
		t.Fatal("the refused form is not named with why")
	}
	if b, _ := uitest.Find(d, func(b *widget.Button) bool { return b.Text == "Apply" }); !b.Disabled() {
		t.Fatal("Apply is on for a form that cannot be imported")
	}
}

func partnersFormName(t *testing.T, v *partnersView, name string) string {
	t.Helper()
	p, ok := stored(t, v.sh, name)
	if !ok {
		t.Fatalf("no partner %s", name)
	}
	return partners.FormFileName(p)
}

// Importing a returned form is one undo step, as every import: undo puts
// the partner's old values back — and the lead partner the form demoted
// — and redo makes the import again.
func TestUndoAProfileFormImport(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
	ended := make(chan struct{}, 1)
	sh.JobEnded = func() { ended <- struct{}{} }
	dir := t.TempDir()
	paths, err := partners.WriteForms(sh.Ctx(), sh.Store(), sh.Network(), dir, "Breda")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := stored(t, sh, "Breda")
	f, err := excelize.OpenFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Profile", partners.FormCell("population"), 185000)
	f.SetCellValue("Profile", partners.FormCell("region"), "Brabant")
	f.SetCellValue("Profile", partners.FormCell("role"), partners.RoleLabel(data.RoleLeadPartner))
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	v.Drop(paths[0])
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Apply"))
	waitJob(t, ended)
	uitest.Key(sh, fyne.KeyReturn) // closes the message: Undo waits for no dialog to be up
	after, _ := stored(t, sh, "Breda")
	if after.Region != "Brabant" || after.Population == nil || *after.Population != 185000 || !after.IsLead() {
		t.Fatalf("Breda after the import %+v", after)
	}
	if got := sh.UndoName(); got != "import 1 profile form(s)" {
		t.Fatalf("undo step %q", got)
	}
	sh.Undo()
	undone, _ := stored(t, sh, "Breda")
	genk, _ := stored(t, sh, "Genk")
	if undone.Region != before.Region || !samePopulation(undone.Population, before.Population) || undone.IsLead() || !genk.IsLead() {
		t.Fatalf("after undo Breda %q %v lead %v, Genk lead %v; before %q %v", undone.Region, undone.Population, undone.IsLead(), genk.IsLead(), before.Region, before.Population)
	}
	if v.form.partner.ID == undone.ID && v.form.inputs["region"].entry.Text != before.Region {
		t.Fatalf("the form shows %q after undo", v.form.inputs["region"].entry.Text)
	}
	sh.Redo()
	if redone, _ := stored(t, sh, "Breda"); redone.Region != "Brabant" || !redone.IsLead() {
		t.Fatalf("after redo Breda %+v", redone)
	}
}

func samePopulation(a, b *int64) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}
