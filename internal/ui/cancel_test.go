package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// Cancel in "Save changes?" returns to the edit: choosing another partner
// in the list, or another area in the navigation, with a partner edit
// unsaved asks, and Cancel leaves the form, the list selection and the
// navigation where the edit was.
func TestCancelInSaveChangesReturnsToTheEdit(t *testing.T) {
	sh := uitest.NewShell(t, true, Areas()...)
	showPartner(t, sh, "iasi", "Iași")
	uitest.EntryWithPlaceholder(t, sh.Content(), "Search name, country, region…").SetText("")
	uitest.EntryWithText(t, sh.Content(), "Iași").SetText("Iași (Romania)")
	list, ok := uitest.Find(sh.Content(), func(l *widget.List) bool { return l.Length() > 5 && l.Length() < 12 })
	if !ok {
		t.Fatal("no partner list")
	}
	var selected widget.ListItemID = -1
	onSel := list.OnSelected
	list.OnSelected = func(i widget.ListItemID) { selected = i; onSel(i) }
	other := -1
	for i := range list.Length() {
		list.Select(i) // the first pick that leaves Iași asks
		if d := uitest.TopOverlay(sh); d != nil {
			if !uitest.TextIn(d, "not saved yet") {
				t.Fatal("choosing another partner did not ask about the edit")
			}
			other = i
			test.Tap(uitest.ButtonIn(t, d, "Cancel"))
			break
		}
	}
	if other < 0 {
		t.Fatal("choosing other partners never asked")
	}
	uitest.EntryWithText(t, sh.Content(), "Iași (Romania)") // the edit is on screen
	if selected == other {
		t.Error("after Cancel the list shows another partner selected than the one being edited")
	}
	nav := sh.Sidebar()
	navSelected := widget.ListItemID(-1)
	onNav := nav.OnSelected
	nav.OnSelected = func(i widget.ListItemID) { navSelected = i; onNav(i) }
	nav.Select(2) // the Matrix
	d := uitest.TopOverlay(sh)
	if d == nil {
		t.Fatal("leaving the area did not ask")
	}
	test.Tap(uitest.ButtonIn(t, d, "Cancel"))
	if navSelected != 1 || sh.CurrentView() != sh.ViewAt(1) {
		t.Fatalf("after Cancel the navigation shows area %d", navSelected)
	}
	uitest.EntryWithText(t, sh.Content(), "Iași (Romania)")
}
