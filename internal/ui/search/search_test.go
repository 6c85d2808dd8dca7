package search_test

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/actions"
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

// menuItem is the Edit menu's item with this label.
func menuItem(t *testing.T, sh *shell.Shell, label string) *fyne.MenuItem {
	for _, m := range sh.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// Ctrl+F on a screen without its own search box searches that screen's
// records; the chip saying so removes the limit. On a screen with a
// search box it goes there.
func TestCtrlFSearchesTheScreen(t *testing.T) {
	shell.SetSearch(search.Show)
	sh := uitest.NewShell(t, true, overview.Area(), partnerlist.Area(), actions.Area())
	uitest.Open[shell.View](t, sh, "partners")
	menuItem(t, sh, "Find").Action()
	if uitest.TopOverlay(sh) != nil || uitest.FocusedEntry(sh) == nil {
		t.Fatal("Ctrl+F on Partners does not put the cursor in the partners' search box")
	}

	uitest.Open[shell.View](t, sh, "actions")
	menuItem(t, sh, "Find").Action()
	if uitest.TopOverlay(sh) == nil {
		t.Fatal("Ctrl+F on Action tables opens no search")
	}
	uitest.ButtonIn(t, uitest.TopOverlay(sh), "Only Action tables")
	uitest.Key(sh, fyne.KeyEscape)

	sd := search.Open(sh, "actions") // what Ctrl+F opened, to look at its rows
	d := uitest.TopOverlay(sh)
	chip := uitest.ButtonIn(t, d, "Only Action tables")
	headings := func() (out []string) {
		for _, r := range sd.Rows() {
			if strings.HasPrefix(r, "# ") {
				out = append(out, r)
			}
		}
		return out
	}
	typeIn(sh, "the")
	if h := headings(); !slices.Equal(h, []string{"# Actions"}) {
		t.Fatalf("“the” in the action tables shows the groups %q", h)
	}
	chip.OnTapped()
	if h := headings(); sd.Limit() != "" || len(h) < 3 || !slices.Contains(h, "# Actions") {
		t.Fatalf("without the limit “the” shows the groups %q (limit %q)", h, sd.Limit())
	}
	typeIn(sh, "zzqx") // the box's text is selected as it gets the focus: the typing replaces it
	if !uitest.TextIn(d, "No match for “zzqx”") {
		t.Error("no empty state")
	}
}
