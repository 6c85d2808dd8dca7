package shell_test

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func partnerNamed(t *testing.T, s *data.Store, networkID, name string) (data.Partner, bool) {
	t.Helper()
	ps, err := s.Partners(context.Background(), networkID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Name == name {
			return p, true
		}
	}
	return data.Partner{}, false
}

// A delete confirmed in the dialog goes to the trash and is one undo step:
// Undo brings the partner back with what went with it, Redo deletes again.
func TestConfirmedDeleteIsUndoneFromTheTrash(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	ctx := context.Background()
	gdansk, _ := partnerNamed(t, sh.Store(), sh.Network().ID, "Gdańsk")
	practicesBefore, _ := sh.Store().GoodPractices(ctx, sh.Network().ID)
	after := false
	sh.ConfirmDelete("Delete partner", "Delete Gdańsk?", "partner ‘Gdańsk’",
		func() (string, error) { return sh.Store().DeletePartner(ctx, gdansk.ID) }, func() { after = true })
	uitest.Key(sh, "Return")
	if _, still := partnerNamed(t, sh.Store(), sh.Network().ID, "Gdańsk"); still || !after {
		t.Fatal("Enter did not delete")
	}
	if sh.UndoName() != "delete partner ‘Gdańsk’" {
		t.Fatalf("undo offers %q", sh.UndoName())
	}
	sh.Undo()
	if _, back := partnerNamed(t, sh.Store(), sh.Network().ID, "Gdańsk"); !back {
		t.Fatal("undo did not bring Gdańsk back")
	}
	if practices, _ := sh.Store().GoodPractices(ctx, sh.Network().ID); len(practices) != len(practicesBefore) {
		t.Fatalf("good practices %d after undo, %d before", len(practices), len(practicesBefore))
	}
	sh.Redo()
	if _, still := partnerNamed(t, sh.Store(), sh.Network().ID, "Gdańsk"); still {
		t.Fatal("redo did not delete again")
	}
	sh.Undo() // the entry of the second delete, not the first, is restored
	if _, back := partnerNamed(t, sh.Store(), sh.Network().ID, "Gdańsk"); !back {
		t.Fatal("the second undo did not restore the second delete")
	}
}

// The trash window lists what was deleted and restores it.
func TestTrashWindowRestores(t *testing.T) {
	sh, views := newFakeShell(t, true)
	ctx := context.Background()
	sh.ShowTrash()
	if !uitest.TextIn(uitest.TopOverlay(sh), "The trash is empty") {
		t.Fatal("no empty state")
	}
	uitest.Key(sh, "Escape")
	genk, _ := partnerNamed(t, sh.Store(), sh.Network().ID, "Quart de Poblet")
	if _, err := sh.Store().DeletePartner(ctx, genk.ID); err != nil {
		t.Fatal(err)
	}
	sh.ShowTrash()
	d := uitest.TopOverlay(sh)
	if !uitest.TextIn(d, "Quart de Poblet") || !uitest.TextIn(d, "kept 29 more days") && !uitest.TextIn(d, "kept 30 more days") {
		t.Fatal("the trash does not list the deleted partner with its time left")
	}
	reloads := (*views)[0].reloads
	test.Tap(uitest.ButtonIn(t, d, "Restore"))
	if _, back := partnerNamed(t, sh.Store(), sh.Network().ID, "Quart de Poblet"); !back {
		t.Fatal("Restore did not bring the partner back")
	}
	if (*views)[0].reloads <= reloads {
		t.Fatal("the views were not reloaded after the restore")
	}
}

// Restoring from the trash window takes the delete off the undo list, and
// an entry emptied from the trash drops the step on its next Undo: either
// way the older steps stay within reach.
func TestUndoSurvivesTheTrashWindow(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	ctx := context.Background()
	older := false
	sh.Did("edit network details", func() error { older = true; return nil }, func() error { return nil })
	del := func(name string) {
		p, _ := partnerNamed(t, sh.Store(), sh.Network().ID, name)
		sh.ConfirmDelete("Delete partner", "Delete?", "partner ‘"+name+"’",
			func() (string, error) { return sh.Store().DeletePartner(ctx, p.ID) }, func() {})
		uitest.Key(sh, "Return")
	}
	del("Budaörs")
	sh.ShowTrash()
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Restore"))
	if sh.UndoName() != "edit network details" {
		t.Fatalf("after restoring from the trash, undo offers %q", sh.UndoName())
	}
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))

	del("Budaörs")
	if _, err := sh.Store().EmptyTrash(ctx, sh.Network().ID); err != nil { // behind the menu's back
		t.Fatal(err)
	}
	sh.Undo()
	if !strings.Contains(topText(sh), "cannot be taken back any more") || sh.UndoName() != "edit network details" {
		t.Fatalf("a step whose entry is gone: %q, undo offers %q", topText(sh), sh.UndoName())
	}
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	sh.Undo()
	if !older {
		t.Fatal("the older step was not reached")
	}
}
