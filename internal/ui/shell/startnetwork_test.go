package shell_test

import (
	"context"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/demo"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// The window's --network opens a network by name or id; one that names
// none still opens the window, with the switcher and a message naming it
// and the networks there are (someone who started it from an icon sees why).
func TestTheWindowsNetworkFlagNamingNoneOpensTheSwitcher(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	second, err := sh.Store().CreateNetwork(context.Background(), data.Network{Name: "Cities of Water"})
	if err != nil {
		t.Fatal(err)
	}
	sh.Begin("cities of water")
	if sh.Network().ID != second.ID {
		t.Fatalf("--network by name opened %q", sh.Network().Name)
	}
	sh.Begin(second.ID)
	if sh.Network().ID != second.ID || uitest.TopOverlay(sh) != nil {
		t.Fatalf("--network by id opened %q (a dialog shown: %v)", sh.Network().Name, uitest.TopOverlay(sh) != nil)
	}
	sh.Begin("Nowhere")
	msg := uitest.TopOverlay(sh)
	if msg == nil || !uitest.TextIn(msg, "There is no network “Nowhere”") || !uitest.TextIn(msg, "“"+demo.Name+"”, “Cities of Water”") {
		t.Fatal("no message naming the unknown network and those there are")
	}
	uitest.Key(sh, "Return")
	if sw := uitest.TopOverlay(sh); sw == nil || !uitest.TextIn(sw, "Switch network") {
		t.Fatal("the switcher is not under the message")
	}
}
