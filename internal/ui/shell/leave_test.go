package shell_test

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Leaving a view with unsaved changes asks Save / Discard / Cancel, and
// each answer does what it says.
func TestLeavingAViewAsksAboutUnsavedChanges(t *testing.T) {
	sh, views := newFakeShell(t, true)
	first := (*views)[0]
	first.typed = "typed"

	sh.ShowArea(1)
	if !uitest.TextIn(uitest.TopOverlay(sh), "Your changes to the first are not saved yet.") {
		t.Fatal("leaving with unsaved changes did not ask")
	}
	tap(t, sh, "Cancel")
	if sh.CurrentIndex() != 0 || first.typed != "typed" {
		t.Fatalf("Cancel: on area %d with %q", sh.CurrentIndex(), first.typed)
	}

	first.saveOK = false // a save that fails keeps the user where the problem is shown
	sh.ShowArea(1)
	tap(t, sh, "Save")
	if sh.CurrentIndex() != 0 {
		t.Fatal("a failed save left the view")
	}

	first.saveOK = true
	sh.ShowArea(1)
	tap(t, sh, "Save")
	if sh.CurrentIndex() != 1 || first.stored != "typed" {
		t.Fatalf("Save: on area %d, stored %q", sh.CurrentIndex(), first.stored)
	}

	second := (*views)[1]
	second.typed = "draft"
	sh.ShowArea(0)
	tap(t, sh, "Discard changes")
	if sh.CurrentIndex() != 0 || second.typed != "" {
		t.Fatalf("Discard: on area %d with %q", sh.CurrentIndex(), second.typed)
	}
}

// Enter in the question saves, Escape stays: the keyboard alone answers it.
func TestUnsavedQuestionAnswersEnterAndEscape(t *testing.T) {
	sh, views := newFakeShell(t, true)
	first := (*views)[0]
	first.typed = "typed"
	sh.ShowArea(1)
	uitest.Key(sh, "Escape")
	if uitest.TopOverlay(sh) != nil || sh.CurrentIndex() != 0 {
		t.Fatal("Escape did not close the question and stay")
	}
	sh.ShowArea(1)
	uitest.Key(sh, "Return")
	if sh.CurrentIndex() != 1 || first.stored != "typed" {
		t.Fatal("Enter did not save and leave")
	}
}

// Edit network (Ctrl+E) changes data under every view: the view on screen
// is asked about its unsaved changes before the dialog opens, and the
// views are reloaded after saving.
func TestEditNetworkAsksFirstThenReloadsEveryView(t *testing.T) {
	sh, views := newFakeShell(t, true)
	first := (*views)[0]
	first.typed = "grid row typed with the room"
	sh.EditNetwork()
	if !uitest.TextIn(uitest.TopOverlay(sh), "not saved yet") {
		t.Fatal("Edit network did not ask about the unsaved changes")
	}
	tap(t, sh, "Cancel")
	if uitest.TopOverlay(sh) != nil || first.typed != "grid row typed with the room" {
		t.Fatal("after Cancel the network dialog opened or the typing was lost")
	}

	sh.EditNetwork()
	tap(t, sh, "Save")
	if first.stored != "grid row typed with the room" {
		t.Fatal("Save did not store the typed work")
	}
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "Network details") {
		t.Fatal("no network dialog after saving")
	}
	if sh.Window().Canvas().Focused() == nil {
		t.Error("no field has the focus in the network dialog")
	}
	reloads := first.reloads
	name := uitest.EntryWithText(t, d, sh.Network().Name)
	name.SetText("Agents of Co-Existence II")
	uitest.Key(sh, "Return")
	if uitest.TopOverlay(sh) != nil {
		t.Fatal("Enter did not confirm the network dialog")
	}
	if sh.Network().Name != "Agents of Co-Existence II" || first.reloads <= reloads {
		t.Fatalf("network %q, reloads %d → %d", sh.Network().Name, reloads, first.reloads)
	}
	if sh.UndoName() != "edit network details" {
		t.Fatalf("undo offers %q", sh.UndoName())
	}
	sh.Undo()
	if n, _ := sh.Store().Network(sh.Ctx(), sh.Network().ID); n.Name != "Agents of Co-Existence" || sh.Network().Name != n.Name {
		t.Fatalf("undo left the network as %q (shell says %q)", n.Name, sh.Network().Name)
	}
}

// Cancel on a form with typed changes asks before dropping them; Escape
// is the same Cancel.
func TestFormCancelAsksWhenSomethingWasTyped(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	sh.EditNetwork()
	d := uitest.TopOverlay(sh)
	uitest.EntryWithText(t, d, sh.Network().Name).SetText("Renamed")
	uitest.Key(sh, "Escape")
	if !uitest.TextIn(uitest.TopOverlay(sh), "not saved yet") {
		t.Fatal("Escape on a changed form did not ask")
	}
	uitest.Key(sh, "Escape") // Escape on the question keeps the form
	if top := uitest.TopOverlay(sh); top == nil || !uitest.TextIn(top, "Network details") {
		t.Fatal("Escape on the question did not go back to the form")
	}
	tap(t, sh, "Cancel")
	tap(t, sh, "Discard")
	if uitest.TopOverlay(sh) != nil || sh.Network().Name != "Agents of Co-Existence" {
		t.Fatal("confirming the discard did not close the form unchanged")
	}
}

// A form whose confirm shows the next dialog (a message, a preview) keeps
// that dialog on screen when the form closes.
func TestFormConfirmKeepsTheDialogItOpened(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	sh.ShowForm(shell.Form{Title: "Paste partners", Confirm: "Read", Items: []*widget.FormItem{widget.NewFormItem("Lines", widget.NewEntry())},
		OnConfirm: func() bool { sh.ShowMessage("Preview", "3 partners will be added."); return true }})
	uitest.Key(sh, "Return")
	if !uitest.TextIn(uitest.TopOverlay(sh), "3 partners will be added.") || len(sh.Window().Canvas().Overlays().List()) != 1 {
		t.Fatalf("after confirming, the dialogs are %v", sh.Window().Canvas().Overlays().List())
	}
}

// Quitting while a form dialog holds typing asks first.
func TestQuittingWithATypedFormAsks(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	sh.EditNetwork()
	uitest.EntryWithPlaceholder(t, uitest.TopOverlay(sh), "your name").SetText("Ana Expert")
	sh.RequestQuit()
	if !uitest.TextIn(uitest.TopOverlay(sh), "is not saved yet") {
		t.Fatal("quitting with typing in the network form did not ask")
	}
	tap(t, sh, "Go back")
	if e := uitest.EntryWithPlaceholder(t, uitest.TopOverlay(sh), "your name"); e.Text != "Ana Expert" {
		t.Fatalf("the form lost its typing: %q", e.Text)
	}
}

// The network's dates are typed as a European writes them and stored as
// YYYY-MM-DD; an impossible date is refused before saving.
func TestNetworkDatesTakeEuropeanInput(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	sh.EditNetwork()
	d := uitest.TopOverlay(sh)
	n := sh.Network()
	start, end := uitest.EntryWithText(t, d, widgets.ISODate(n.StartDate)), uitest.EntryWithText(t, d, widgets.ISODate(n.EndDate))
	start.SetText("1.6.2023")
	end.SetText("31.2.2025")
	if !uitest.ButtonIn(t, d, "Save").Disabled() {
		t.Fatal("Save is enabled with 31.2.2025")
	}
	end.SetText("30/11/2025")
	test.Tap(uitest.ButtonIn(t, d, "Save"))
	if n := sh.Network(); n.StartDate != "2023-06-01" || n.EndDate != "2025-11-30" {
		t.Fatalf("stored %q – %q", n.StartDate, n.EndDate)
	}
}
