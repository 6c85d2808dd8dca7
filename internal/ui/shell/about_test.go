package shell_test

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/about"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func TestAboutShowsBuildDataAndLicences(t *testing.T) {
	sh := uitest.NewShell(t, false)
	var opened *url.URL
	defer shell.SetOpenURL(func(_ fyne.App, u *url.URL) error { opened = u; return nil })()

	var aboutItem *fyne.MenuItem
	for _, m := range sh.Window().MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == "Help" && it.Label == "About AoCE Desktop" {
				aboutItem = it
			}
		}
	}
	if aboutItem == nil {
		t.Fatal("no Help → About AoCE Desktop")
	}

	sh.ShowAboutOf(fyne.AppMetadata{Name: "AoCE Desktop", Version: "0.1.0", Build: 1, Custom: map[string]string{about.CommitKey: "b6848e6d9054"}})
	d := uitest.TopOverlay(sh)
	folder := filepath.Dir(sh.Store().Path())
	for _, want := range append([]string{"AoCE Desktop 0.1.0 (build 1), commit b6848e6d9054",
		"Database in use: " + sh.Store().Path(), "Data folder: " + folder}, about.DataLocations...) {
		if !uitest.TextIn(d, want) {
			t.Errorf("About does not show %q", want)
		}
	}
	if !uitest.TextIn(d, "AoCE Desktop contains the Go code of these modules") {
		t.Error("About does not show the licences")
	}
	uitest.ButtonIn(t, d, "Open the data folder").OnTapped()
	if opened == nil || opened.Scheme != "file" || opened.Path != folder {
		t.Errorf("opened %v, want the folder %s", opened, folder)
	}
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) == d {
		t.Error("Escape did not close About")
	}

	aboutItem.Action() // the window's own metadata: the test app has none, the dialog still opens
	if uitest.TopOverlay(sh) == nil || !uitest.TextIn(uitest.TopOverlay(sh), "commit unknown") {
		t.Error("Help → About did not open the dialog")
	}
}

func TestLicenceLinesKeepEveryWord(t *testing.T) {
	text := about.Licences
	lines := shell.WrapLines(text, 96)
	for i, l := range lines {
		if n := len([]rune(l)); n > 96 {
			t.Fatalf("line %d has %d runes: %q", i, n, l)
		}
	}
	if got, want := strings.Fields(strings.Join(lines, " ")), strings.Fields(text); len(got) != len(want) {
		t.Fatalf("%d words after wrapping, %d before", len(got), len(want))
	}
	long := strings.Repeat("x", 250)
	if got := shell.WrapLines(long, 96); len(got) != 3 || got[0] != long[:96] {
		t.Errorf("a 250-rune word became %q", got)
	}
}
