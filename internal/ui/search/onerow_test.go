package search_test

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/search"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// Each hit is one row of the list: its title and its snippet together, so
// the selection marks one row; and gdansk finds Gdańsk's practices.
func TestEachHitIsOneRowWithItsSnippet(t *testing.T) {
	sh := newShell(t)
	sd := search.Open(sh, "")
	sd.Search("gdansk")
	if !slices.ContainsFunc(sd.Rows(), func(r string) bool { return strings.HasPrefix(r, "# Good practices") }) {
		t.Errorf("gdansk finds no good practice: %v", sd.Rows())
	}
	hit := sd.Selected()
	if hit == nil {
		t.Fatal("nothing selected")
	}
	words := strings.Fields(strings.NewReplacer(data.MarkStart, "", data.MarkEnd, "", "…", "").Replace(hit.Snippet))[:3]
	line, ok := uitest.Find(uitest.TopOverlay(sh), func(r *widget.RichText) bool { return strings.HasPrefix(r.String(), hit.Line()) })
	if !ok || !strings.Contains(line.String(), strings.Join(words, " ")) {
		t.Fatalf("no row holds both %q and its snippet %q", hit.Line(), strings.Join(words, " "))
	}
}
