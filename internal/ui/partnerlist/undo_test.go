package partnerlist

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func stored(t *testing.T, sh *shell.Shell, name string) (data.Partner, bool) {
	t.Helper()
	p, err := sh.Store().PartnerByName(context.Background(), sh.Network().ID, name)
	return p, err == nil
}

func TestUndoAndRedoAPartnerEdit(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
	selectPartner(t, v, "Breda")
	v.form.inputs["region"].entry.SetText("Brabant")
	test.Tap(v.form.saveBtn)
	if got := sh.UndoName(); got != "edit partner ‘Breda’" {
		t.Fatalf("undo step %q", got)
	}
	sh.Undo()
	if p, _ := stored(t, sh, "Breda"); p.Region != "Noord-Brabant" {
		t.Fatalf("after undo the region is %q", p.Region)
	}
	if v.form.inputs["region"].entry.Text != "Noord-Brabant" {
		t.Fatalf("the form shows %q after undo", v.form.inputs["region"].entry.Text)
	}
	sh.Redo()
	if p, _ := stored(t, sh, "Breda"); p.Region != "Brabant" || v.form.inputs["region"].entry.Text != "Brabant" {
		t.Fatalf("after redo the region is %q, the form shows %q", p.Region, v.form.inputs["region"].entry.Text)
	}
}

// Making another partner lead demotes Genk; undo gives Genk its role back.
func TestUndoALeadPartnerChange(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
	selectPartner(t, v, "Breda")
	v.form.inputs["role"].choice.SetSelected("Lead partner")
	test.Tap(v.form.saveBtn)
	if g, _ := stored(t, sh, "Genk"); g.IsLead() {
		t.Fatal("Genk is still lead partner")
	}
	sh.Undo()
	g, _ := stored(t, sh, "Genk")
	b, _ := stored(t, sh, "Breda")
	if !g.IsLead() || b.IsLead() {
		t.Fatalf("after undo: Genk %s, Breda %s", g.Role, b.Role)
	}
}

func TestUndoAndRedoAddingAPartner(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
	v.New()
	test.Type(v.form.inputs["name"].entry, "Varna")
	test.Tap(v.form.saveBtn)
	if sh.UndoName() != "add partner ‘Varna’" {
		t.Fatalf("undo step %q", sh.UndoName())
	}
	sh.Undo()
	if _, ok := stored(t, sh, "Varna"); ok || len(v.all) != 9 || v.form.showing() {
		t.Fatalf("after undo: Varna stored %v, %d listed, form showing %v", ok, len(v.all), v.form.showing())
	}
	sh.Redo()
	if _, ok := stored(t, sh, "Varna"); !ok || len(v.all) != 10 {
		t.Fatal("redo did not add Varna again")
	}
	sh.Undo()
	if _, ok := stored(t, sh, "Varna"); ok {
		t.Fatal("undo after redo left Varna")
	}
}

// Undo with unsaved typing elsewhere in the form asks first.
func TestUndoAsksAboutUnsavedEdits(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
	selectPartner(t, v, "Breda")
	v.form.inputs["region"].entry.SetText("Brabant")
	test.Tap(v.form.saveBtn)
	selectPartner(t, v, "Aarhus")
	v.form.inputs["region"].entry.SetText("Jutland")
	sh.Window().Canvas().Unfocus()
	sh.Undo()
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "the partner Aarhus") {
		t.Fatal("undo did not ask about the unsaved edit")
	}
	test.Tap(uitest.ButtonIn(t, d, "Cancel"))
	if p, _ := stored(t, sh, "Breda"); p.Region != "Brabant" || v.form.inputs["region"].entry.Text != "Jutland" {
		t.Fatal("Cancel on the question still undid, or lost the typing")
	}
}
