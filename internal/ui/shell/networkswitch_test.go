package shell_test

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/demo"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// menuEntry is the item with this label in the main menu's menu named top
// (a submenu's items are searched too).
func menuEntry(t *testing.T, sh *shell.Shell, top, label string) *fyne.MenuItem {
	t.Helper()
	var find func(items []*fyne.MenuItem) *fyne.MenuItem
	find = func(items []*fyne.MenuItem) *fyne.MenuItem {
		for _, it := range items {
			if it.Label == label {
				return it
			}
			if it.ChildMenu != nil {
				if got := find(it.ChildMenu.Items); got != nil {
					return got
				}
			}
		}
		return nil
	}
	for _, m := range sh.Window().MainMenu().Items {
		if m.Label == top {
			if it := find(m.Items); it != nil {
				return it
			}
		}
	}
	t.Fatalf("no %q in the %s menu", label, top)
	return nil
}

func recentLabels(t *testing.T, sh *shell.Shell) []string {
	t.Helper()
	var out []string
	for _, it := range menuEntry(t, sh, "File", "Open recent network").ChildMenu.Items {
		out = append(out, it.Label)
	}
	return out
}

// twoNetworks is the demo network and a second one, the demo open.
func twoNetworks(t *testing.T) (*shell.Shell, data.Network, data.Network) {
	t.Helper()
	sh, _ := newFakeShell(t, true)
	first := sh.Network()
	second, err := sh.Store().CreateNetwork(context.Background(), data.Network{Name: "Cities of Water", Acronym: "CoW"})
	if err != nil {
		t.Fatal(err)
	}
	sh.ReloadAll()
	return sh, first, second
}

func TestSwitchNetworkChooserEnterOpensEscapeCancels(t *testing.T) {
	sh, first, second := twoNetworks(t)
	menuEntry(t, sh, "File", "Switch network…").Action()
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "Cities of Water (CoW)") || !uitest.TextIn(d, demo.Name) {
		t.Fatal("the chooser does not list both networks")
	}
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) != nil || sh.Network().ID != first.ID {
		t.Fatalf("Escape: dialog left open or network changed to %q", sh.Network().Name)
	}
	// Enter opens the other network at once: the open one is listed first,
	// the choice is on the next.
	menuEntry(t, sh, "File", "Switch network…").Action()
	uitest.Key(sh, fyne.KeyReturn)
	if sh.Network().ID != second.ID || sh.Window().Title() != "Cities of Water — AoCE Desktop" {
		t.Fatalf("Enter opened %q, title %q", sh.Network().Name, sh.Window().Title())
	}
	// Typed text filters; Down and Up move the choice; Enter opens.
	menuEntry(t, sh, "File", "Switch network…").Action()
	filter := sh.Window().Canvas().Focused()
	if filter == nil {
		t.Fatal("the filter field does not have the focus")
	}
	test.Type(filter, "co-ex")
	if d := uitest.TopOverlay(sh); uitest.TextIn(d, "Cities of Water") {
		t.Fatal("the filter left Cities of Water in the list")
	}
	uitest.Key(sh, fyne.KeyDown)
	uitest.Key(sh, fyne.KeyReturn)
	if sh.Network().ID != first.ID {
		t.Fatalf("after filtering, Enter opened %q", sh.Network().Name)
	}
	if id, _ := sh.Store().Setting(context.Background(), data.LastNetworkSetting); id != first.ID {
		t.Errorf("the last network remembered is %q", id)
	}
}

func TestSwitchingAsksAboutUnsavedChangesFirst(t *testing.T) {
	sh, first, _ := twoNetworks(t)
	sh.CurrentView().(*fakeView).typed = "typed"
	menuEntry(t, sh, "File", "Switch network…").Action()
	uitest.Key(sh, fyne.KeyReturn)
	if !strings.Contains(topText(sh), "not saved yet") {
		t.Fatalf("no unsaved-changes question: %q", topText(sh))
	}
	tap(t, sh, "Cancel")
	if sh.Network().ID != first.ID {
		t.Fatalf("Cancel in Save changes? switched to %q", sh.Network().Name)
	}
}

func TestRecentNetworksInTheFileMenuAndTheNewNetworkShortcut(t *testing.T) {
	sh, _, second := twoNetworks(t)
	if got := recentLabels(t, sh); len(got) != 2 || got[0] != demo.Name+" (AoCE)" {
		t.Fatalf("recent before switching: %v", got)
	}
	menuEntry(t, sh, "File", "Cities of Water (CoW)").Action()
	if sh.Network().ID != second.ID {
		t.Fatalf("the recent entry opened %q", sh.Network().Name)
	}
	got := recentLabels(t, sh)
	if len(got) != 2 || got[0] != "Cities of Water (CoW)" || got[1] != demo.Name+" (AoCE)" {
		t.Fatalf("recent after switching: %v", got)
	}
	if it := menuEntry(t, sh, "File", "Cities of Water (CoW)"); !it.Checked {
		t.Error("the open network is not checked in the recent list")
	}
	sc, ok := menuEntry(t, sh, "File", "New network…").Shortcut.(*desktop.CustomShortcut)
	if !ok || sc.KeyName != fyne.KeyN || sc.Modifier != fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift {
		t.Errorf("New network's shortcut: %#v", menuEntry(t, sh, "File", "New network…").Shortcut)
	}
}

func TestRenameTheOpenNetworkFromTheNetworkMenu(t *testing.T) {
	sh, first, _ := twoNetworks(t)
	menuEntry(t, sh, "Network", "Rename network…").Action()
	name := uitest.FocusedEntry(sh)
	if name == nil || name.Text != first.Name {
		t.Fatal("the name field is not focused with the name")
	}
	// A taken name (capitals aside) is refused in the form as it is
	// typed: Rename is off and the field says why; Enter does nothing.
	form := uitest.TopOverlay(sh)
	uitest.TypeInFocused(sh, "cities of water") // replaces the selected name
	if err := name.Validate(); err == nil || !strings.Contains(err.Error(), "Another network is already called") {
		t.Fatalf("the field accepts the taken name %q: %v", name.Text, err)
	}
	if !uitest.ButtonIn(t, form, "Rename").Disabled() {
		t.Fatal("Rename is offered for a taken name")
	}
	uitest.Key(sh, fyne.KeyReturn)
	if uitest.TopOverlay(sh) != form {
		t.Fatalf("Enter on a taken name left the form: %q", topText(sh))
	}
	name.SetText("Agents of Tomorrow")
	uitest.Key(sh, fyne.KeyReturn)
	if sh.Network().Name != "Agents of Tomorrow" || sh.Window().Title() != "Agents of Tomorrow — AoCE Desktop" {
		t.Fatalf("after the rename: %q, title %q", sh.Network().Name, sh.Window().Title())
	}
	if got := recentLabels(t, sh); got[0] != "Agents of Tomorrow (AoCE)" {
		t.Errorf("recent after the rename: %v", got)
	}
	sh.Undo()
	if n, _ := sh.Store().Network(context.Background(), first.ID); n.Name != first.Name {
		t.Errorf("Undo left the name %q", n.Name)
	}
}

func TestDeleteTheOpenNetworkOpensAnotherThenTheWelcomeScreen(t *testing.T) {
	sh, first, second := twoNetworks(t)
	menuEntry(t, sh, "Network", "Delete network…").Action()
	if !strings.Contains(topText(sh), "goes to the trash") {
		t.Fatalf("no confirmation: %q", topText(sh))
	}
	uitest.Key(sh, fyne.KeyEscape)
	if sh.Network().ID != first.ID {
		t.Fatal("Escape deleted the network")
	}
	menuEntry(t, sh, "Network", "Delete network…").Action()
	uitest.Key(sh, fyne.KeyReturn)
	if sh.Network().ID != second.ID {
		t.Fatalf("after the delete the shell shows %q", sh.Network().Name)
	}
	if got := recentLabels(t, sh); len(got) != 1 {
		t.Errorf("recent after the delete: %v", got)
	}
	if sh.UndoName() != "delete network ‘"+first.Name+"’" {
		t.Fatalf("undo step %q", sh.UndoName())
	}
	sh.Undo()
	if ns, _ := sh.Store().Networks(context.Background()); len(ns) != 2 {
		t.Fatalf("Undo brought back %d networks", len(ns))
	}
	if !sh.NetworkPicker().Visible() {
		t.Error("the picker does not offer the restored network")
	}
	// Deleting both leaves the welcome screen.
	for range 2 {
		menuEntry(t, sh, "Network", "Delete network…").Action()
		uitest.Key(sh, fyne.KeyReturn)
	}
	if demoBtn, _ := sh.WelcomeButtons(); demoBtn == nil || sh.Network().ID != "" || sh.Window().Title() != "AoCE Desktop" {
		t.Fatalf("after deleting every network: %q, title %q", sh.Network().Name, sh.Window().Title())
	}
}
