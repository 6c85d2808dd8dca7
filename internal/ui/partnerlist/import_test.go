package partnerlist

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func TestDroppedFileIsPreviewedAfterUnsavedEdits(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
	if !v.Drop("/tmp/notes.pdf") || !uitest.TextIn(uitest.TopOverlay(sh), "Drop a partner list") {
		t.Fatal("a PDF dropped on the partners is not explained")
	}
	uitest.TopOverlay(sh).Hide()
	path := filepath.Join(t.TempDir(), "more.csv")
	if err := os.WriteFile(path, []byte("City,Country\nVarna,Bulgaria\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	selectPartner(t, v, "Breda")
	v.form.inputs["region"].entry.SetText("Brabant")
	v.Drop(path)
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "the partner Breda") {
		t.Fatal("dropping a file did not ask about the unsaved edit first")
	}
	test.Tap(uitest.ButtonIn(t, d, "Save"))
	if !uitest.TextIn(uitest.TopOverlay(sh), "+ Add Varna (Bulgaria)") {
		t.Fatal("no preview of the dropped file after saving")
	}
	if p, _ := stored(t, sh, "Breda"); p.Region != "Brabant" {
		t.Fatal("the edit was not saved before the import")
	}
}

func TestPasteDialogAsksBeforeDroppingTypedLines(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
	v.pasteImport()
	entry := uitest.EntryWithPlaceholder(t, uitest.TopOverlay(sh), "LEAD PARTNER : Braga - Portugal\n• Varna - Bulgaria\n• Gdańsk - Poland")
	if uitest.FocusedEntry(sh) != entry {
		t.Fatal("the pasted lines' entry has no focus")
	}
	entry.SetText("• Varna - Bulgaria")
	sh.Window().Canvas().Unfocus()
	uitest.Key(sh, fyne.KeyEscape)
	if !uitest.TextIn(uitest.TopOverlay(sh), "is not saved yet") {
		t.Fatal("Escape dropped typed lines without asking")
	}
	uitest.Key(sh, fyne.KeyEscape) // keeps the form
	if uitest.EntryWithPlaceholder(t, uitest.TopOverlay(sh), entry.PlaceHolder) != entry {
		t.Fatal("Escape on the question closed the form")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Preview"))
	if !uitest.TextIn(uitest.TopOverlay(sh), "+ Add Varna (Bulgaria)") {
		t.Fatal("no preview of the pasted lines")
	}
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) != nil {
		t.Fatal("Escape did not close the preview")
	}
}

func TestFindAndImportCommand(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
	v.Find()
	if sh.Window().Canvas().Focused() != v.search {
		t.Fatal("Find did not focus the search box")
	}
	Area().Commands[0].Run(v)
	if !uitest.TextIn(uitest.TopOverlay(sh), "You can also drop a file") {
		t.Fatal("Import partners… shows no choice")
	}
	sh.Window().Canvas().Unfocus()
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) != nil {
		t.Fatal("Escape did not close the import choice")
	}
}
