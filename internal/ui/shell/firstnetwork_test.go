package shell_test

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// Undo of the very first network leads back to the welcome screen, which
// says so; Redo and the trash still work there, with no network open.
func TestUndoTheFirstNetworkWorksOnTheWelcomeScreen(t *testing.T) {
	sh, _ := newFakeShell(t, false)
	_, create := sh.WelcomeButtons()
	test.Tap(create)
	test.Type(uitest.FocusedEntry(sh), "Cities of Tomorrow")
	uitest.Key(sh, "Return")
	if sh.Network().Name != "Cities of Tomorrow" {
		t.Fatalf("network %q", sh.Network().Name)
	}
	sh.Undo()
	if demoBtn, _ := sh.WelcomeButtons(); demoBtn == nil || sh.Network().ID != "" {
		t.Fatalf("after Undo: network %q, no welcome screen", sh.Network().Name)
	}
	if !uitest.TextIn(sh.Content(), "Undone: create network ‘Cities of Tomorrow’") {
		t.Error("the welcome screen does not say what Undo did")
	}
	sh.ShowTrash()
	if d := uitest.TopOverlay(sh); d == nil || !uitest.TextIn(d, "Cities of Tomorrow") {
		t.Error("the trash on the welcome screen does not list the undone network")
	} else {
		uitest.Key(sh, "Escape")
	}
	menuEntry(t, sh, "File", "Switch network…").Action()
	if d := uitest.TopOverlay(sh); d == nil || !uitest.ButtonIn(t, d, "Open").Disabled() {
		t.Error("the switcher offers Open with no network to open")
	} else {
		uitest.Key(sh, "Escape")
	}
	if sh.RedoName() == "" {
		t.Fatal("Redo is not offered")
	}
	sh.Redo()
	if sh.Network().Name != "Cities of Tomorrow" {
		t.Fatalf("Redo on the welcome screen: network %q", sh.Network().Name)
	}
}

// Restoring the network from the trash on the welcome screen opens it.
func TestTrashRestoresANetworkFromTheWelcomeScreen(t *testing.T) {
	sh, _ := newFakeShell(t, false)
	_, create := sh.WelcomeButtons()
	test.Tap(create)
	test.Type(uitest.FocusedEntry(sh), "Cities of Tomorrow")
	uitest.Key(sh, "Return")
	sh.Undo()
	sh.ShowTrash()
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Restore"))
	if sh.Network().Name != "Cities of Tomorrow" {
		t.Fatalf("after Restore on the welcome screen: network %q", sh.Network().Name)
	}
}
