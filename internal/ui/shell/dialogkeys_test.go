package shell_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// askDelete shows the delete question and counts the deletes it does.
func askDelete(sh *shell.Shell, deleted *int) {
	sh.ConfirmDelete("Delete Braga?", "Braga and its answers.", "partner", func() (string, error) {
		*deleted++
		return "", nil
	}, func() {})
}

// On the real driver Enter confirms when it is let go on the question,
// and an Enter that went down before the question (in the field whose
// Enter opened it, or held down) never deletes.
func TestEnterConfirmsOnlyWhenItWentDownOnTheDialog(t *testing.T) {
	sh := uitest.NewShell(t, false)
	down, up := sh.DriverKeys()
	enter := &fyne.KeyEvent{Name: fyne.KeyReturn}
	deleted := 0

	down(enter) // before the question: Enter goes down on the window
	askDelete(sh, &deleted)
	uitest.Key(sh, fyne.KeyReturn) // the key held down repeats
	up(enter)
	if deleted != 0 || uitest.TopOverlay(sh) == nil {
		t.Fatalf("an Enter from before the question deleted (%d) or closed it", deleted)
	}

	uitest.PressOn(sh, fyne.KeyReturn, 0, down, up)
	if deleted != 1 || uitest.TopOverlay(sh) != nil {
		t.Fatalf("Enter pressed on the question: %d deletes, dialog shown %v", deleted, uitest.TopOverlay(sh) != nil)
	}
}

// Escape cancels the question: nothing is deleted.
func TestEscapeCancelsTheDeleteQuestion(t *testing.T) {
	sh := uitest.NewShell(t, false)
	down, up := sh.DriverKeys()
	deleted := 0
	askDelete(sh, &deleted)
	uitest.PressOn(sh, fyne.KeyEscape, 0, down, up)
	if deleted != 0 || uitest.TopOverlay(sh) != nil {
		t.Fatalf("Escape: %d deletes, dialog shown %v", deleted, uitest.TopOverlay(sh) != nil)
	}
}

// In a form Enter confirms from a one-line field, and types a new line
// in a multi-line one.
func TestEnterInAFormConfirmsButTypesANewLineInNotes(t *testing.T) {
	sh := uitest.NewShell(t, false)
	down, up := sh.DriverKeys()
	name := widget.NewEntry()
	notes := widget.NewMultiLineEntry()
	confirmed := 0
	sh.ShowForm(shell.Form{Title: "Partner", Confirm: "Save",
		Items:     []*widget.FormItem{widget.NewFormItem("Name", name), widget.NewFormItem("Notes", notes)},
		OnConfirm: func() bool { confirmed++; return true }})

	sh.Window().Canvas().Focus(notes)
	notes.SetText("first")
	notes.CursorColumn = len("first")
	uitest.PressOn(sh, fyne.KeyReturn, 0, down, up)
	if confirmed != 0 || notes.Text != "first\n" {
		t.Fatalf("Enter in the notes: %d confirms, notes %q", confirmed, notes.Text)
	}

	sh.Window().Canvas().Focus(name)
	uitest.PressOn(sh, fyne.KeyReturn, 0, down, up)
	if confirmed != 1 {
		t.Fatalf("Enter in the name: %d confirms, want 1", confirmed)
	}
}

// Space on a button that opens a form presses it when let go: its
// character does not replace the first field's selected text.
func TestSpaceOnAButtonDoesNotTypeIntoTheFormItOpens(t *testing.T) {
	sh := uitest.NewShell(t, false)
	down, up := sh.DriverKeys()
	name := widget.NewEntry()
	edit := widgets.NewButton("Edit…", func() {
		name.SetText("Braga")
		sh.ShowForm(shell.Form{Title: "Partner", Confirm: "Save", Items: []*widget.FormItem{widget.NewFormItem("Name", name)}})
		name.TypedShortcut(&fyne.ShortcutSelectAll{})
	})
	sh.Window().SetContent(edit)
	sh.Window().Canvas().Focus(edit)
	uitest.PressOn(sh, fyne.KeySpace, ' ', down, up)
	if uitest.TopOverlay(sh) == nil {
		t.Fatal("Space did not press Edit…")
	}
	if name.Text != "Braga" {
		t.Fatalf("the name reads %q after Space on Edit…, want Braga", name.Text)
	}
}
