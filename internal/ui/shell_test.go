package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/demo"
)

func TestWelcomeOffersTheDemoOnAnEmptyDatabase(t *testing.T) {
	sh := newTestShell(t, false)
	if sh.welcome == nil || !textIn(sh.Content(), "Start with the demo network") {
		t.Fatal("no welcome screen on an empty database")
	}
	test.Tap(sh.welcome.demo)
	if sh.Network().Name != demo.Name {
		t.Fatalf("after tapping the demo button the network is %q", sh.Network().Name)
	}
	if sh.Window().Title() != demo.Name+" — AoCE Desktop" {
		t.Fatalf("title %q", sh.Window().Title())
	}
	if got := lastNetwork(sh.Store()); got != sh.Network().ID {
		t.Fatalf("last network remembered as %q", got)
	}
	ov := sh.CurrentView().(*overviewView)
	for _, want := range []string{"Lead partner: Genk (Belgium)", "Programme: URBACT IV"} {
		if !textIn(ov.Object(), want) {
			t.Errorf("overview does not show %q", want)
		}
	}
	if !textIn(ov.figures, "partners") || !textIn(ov.Object(), "Core Network Meeting 6") {
		t.Error("overview lacks key figures or the last meeting")
	}
}

func TestNewNetworkFromWelcome(t *testing.T) {
	sh := newTestShell(t, false)
	test.Tap(sh.welcome.create)
	d := topOverlay(sh)
	if d == nil {
		t.Fatal("no new-network dialog")
	}
	create := buttonIn(t, d, "Create")
	if !create.Disabled() {
		t.Fatal("Create is enabled while the name is empty")
	}
	var nameEntry = findEntryWithPlaceholder(t, d, "e.g. Agents of Co-Existence")
	test.Type(nameEntry, "Cities of Tomorrow")
	test.Tap(create)
	if sh.Network().Name != "Cities of Tomorrow" {
		t.Fatalf("network %q", sh.Network().Name)
	}
}

func TestRemembersLastNetworkAndWindowSize(t *testing.T) {
	sh := newTestShell(t, true)
	sh.Window().Resize(fyne.NewSize(1000, 650))
	sh.saveWindowSize()
	w2 := sh.app.NewWindow("again")
	restoreWindowSize(sh.Store(), w2)
	if got := w2.Canvas().Size(); got.Width < 990 || got.Height < 640 {
		t.Fatalf("restored size %v, want about 1000×650", got)
	}
}

func TestAreasSwitchAndNetworkPickerAppearsWithTwoNetworks(t *testing.T) {
	sh := newTestShell(t, true)
	if sh.netPick.Visible() {
		t.Fatal("network picker shown with one network")
	}
	sh.ShowArea(1)
	if _, ok := sh.CurrentView().(*partnersView); !ok {
		t.Fatal("area 1 is not partners")
	}
	f := newNetworkForm(sh.Network())
	f.name.SetText("Second network")
	var n = sh.Network()
	n.ID = ""
	f.apply(&n)
	created, err := sh.Store().CreateNetwork(context.Background(), n)
	if err != nil {
		t.Fatal(err)
	}
	sh.openNetwork(created)
	if !sh.netPick.Visible() || len(sh.netPick.Options) != 2 {
		t.Fatalf("picker visible %v with %v", sh.netPick.Visible(), sh.netPick.Options)
	}
	sh.netPick.SetSelected(demo.Name)
	if sh.Network().Name != demo.Name {
		t.Fatalf("picking the demo network opened %q", sh.Network().Name)
	}
}

func TestClosingTheWindowGuardsUnsavedChanges(t *testing.T) {
	sh := newTestShell(t, true)
	v := partnersArea(t, sh)
	selectPartner(t, v, "Iași")
	v.form.inputs["region"].entry.SetText("Moldova")
	sh.RequestQuit()
	d := topOverlay(sh)
	if d == nil || !textIn(d, "Your changes to Iași are not saved yet.") {
		t.Fatal("closing with unsaved changes did not ask")
	}
	test.Tap(buttonIn(t, d, "Cancel"))
	if !v.form.dirty {
		t.Fatal("Cancel lost the edit")
	}
}
