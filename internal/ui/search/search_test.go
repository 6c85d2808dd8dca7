package search_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/overview"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/partnerlist"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/practices"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/search"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func newShell(t *testing.T) *shell.Shell {
	shell.SetSearch(search.Show)
	return uitest.NewShell(t, true, overview.Area(), partnerlist.Area(), practices.Area())
}

// ctrlK is the menu item Ctrl+K runs.
func ctrlK(t *testing.T, sh *shell.Shell) *fyne.MenuItem {
	for _, m := range sh.Window().MainMenu().Items {
		for _, it := range m.Items {
			if s, ok := it.Shortcut.(interface{ Key() fyne.KeyName }); ok && s.Key() == fyne.KeyK {
				return it
			}
		}
	}
	t.Fatal("no menu item for Ctrl+K")
	return nil
}

func typeIn(sh *shell.Shell, s string) {
	test.Type(sh.Window().Canvas().Focused(), s)
}

func TestCtrlKFindsAcrossAreasAndEnterOpensThePlace(t *testing.T) {
	sh := newShell(t)
	ctrlK(t, sh).Action()
	if uitest.TopOverlay(sh) == nil || sh.Window().Canvas().Focused() == nil {
		t.Fatal("Ctrl+K shows no dialog with the cursor in its box")
	}
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) != nil {
		t.Fatal("Escape leaves the search open")
	}

	sd := search.Open(sh, "")
	typeIn(sh, "gdansk")
	rows := sd.Rows()
	if len(rows) < 2 || rows[0] != "# Partners" || !strings.HasPrefix(rows[1], "Gdańsk — ") || !strings.Contains(rows[1], "[Gdańsk]") {
		t.Fatalf("gdansk shows %q", rows)
	}
	if h := sd.Selected(); h == nil || h.Kind != data.SearchPartner || h.Title != "Gdańsk" {
		t.Fatalf("selected %+v, want the partner Gdańsk", h)
	}
	uitest.Key(sh, fyne.KeyReturn)
	if uitest.TopOverlay(sh) != nil {
		t.Error("Enter leaves the search open")
	}
	uitest.EntryWithText(t, sh.Content(), "Gdańsk") // the partner's form shows it

	// A practice, further down the hits: ↓ reaches it, Enter opens it.
	gps, err := sh.Store().GoodPractices(sh.Ctx(), sh.Network().ID)
	if err != nil || len(gps) < 2 {
		t.Fatal(err, len(gps))
	}
	want := gps[1]
	sd = search.Open(sh, "")
	typeIn(sh, strings.ToLower(want.Title))
	for range len(sd.Rows()) {
		if h := sd.Selected(); h != nil && h.Kind == data.SearchPractice && h.ID == want.ID {
			break
		}
		uitest.Key(sh, fyne.KeyDown)
	}
	if h := sd.Selected(); h == nil || h.ID != want.ID {
		t.Fatalf("↓ never reached the practice %q: %q", want.Title, sd.Rows())
	}
	uitest.Key(sh, fyne.KeyUp)
	uitest.Key(sh, fyne.KeyDown)
	uitest.Key(sh, fyne.KeyReturn)
	uitest.EntryWithText(t, sh.Content(), want.Title)
}

func TestSearchSaysWhenNothingMatches(t *testing.T) {
	sh := newShell(t)
	sd := search.Open(sh, "")
	typeIn(sh, "zzqx")
	if len(sd.Rows()) != 0 || !uitest.TextIn(uitest.TopOverlay(sh), "No match for “zzqx”: words are found from their start, so try fewer or shorter words.") {
		t.Fatalf("rows %q", sd.Rows())
	}
	uitest.Key(sh, fyne.KeyReturn) // nothing to open: the dialog stays
	if uitest.TopOverlay(sh) == nil {
		t.Fatal("Enter on no hits closed the search")
	}
}
