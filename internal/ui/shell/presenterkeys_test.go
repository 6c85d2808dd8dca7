package shell_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// Every presenter gets the common keys the same way — Right, Space and
// PageDown next, Left and PageUp back (the view sees Right and Left) — the
// title says so, and F1 shows every key, the view's own too (issue 15,
// finding 7: the matrix ignored Space while the title promised it).
func TestPresenterKeysAreTheSameEverywhere(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	var got []fyne.KeyName
	leave := sh.FullScreen(widget.NewLabel("slide"), func(e *fyne.KeyEvent) { got = append(got, e.Name) })
	defer leave()
	title := sh.Window().Title()
	for _, k := range []string{"Right", "Space", "PageDown", "Left", "PageUp", "Esc", "F1"} {
		if !strings.Contains(title, k) {
			t.Errorf("the title %q does not name %s", title, k)
		}
	}
	for _, k := range []fyne.KeyName{fyne.KeySpace, fyne.KeyPageDown, fyne.KeyRight, fyne.KeyPageUp, fyne.KeyLeft} {
		uitest.Key(sh, k)
	}
	want := []fyne.KeyName{fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyLeft, fyne.KeyLeft}
	if strings.Join(keyNames(got), " ") != strings.Join(keyNames(want), " ") {
		t.Fatalf("the view saw %v, want %v", got, want)
	}
}

func TestF1ShowsThePresentersOwnKeys(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	var got []fyne.KeyName
	leave := sh.FullScreen(widget.NewLabel("slide"), func(e *fyne.KeyEvent) { got = append(got, e.Name) },
		shell.KeyHelp{Keys: "↑ ↓", Does: "highlight a sub-theme"})
	defer leave()
	uitest.Key(sh, fyne.KeyF1)
	top := uitest.TopOverlay(sh)
	if top == nil || !uitest.TextIn(top, "highlight a sub-theme") || !uitest.TextIn(top, "next") {
		t.Fatal("F1 shows no help with the view's own keys and the common ones")
	}
	uitest.Key(sh, fyne.KeyRight) // closes the help only
	if uitest.TopOverlay(sh) != nil || len(got) != 0 {
		t.Fatalf("a key after F1: overlay %v, the view saw %v", uitest.TopOverlay(sh), got)
	}
}

func TestHomeGoesToTheFirstSlide(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	shown := -1
	sh.PresentSlides(5, func(i int, size fyne.Size) fyne.CanvasObject { shown = i; return widget.NewLabel("s") })
	for _, k := range []fyne.KeyName{fyne.KeySpace, fyne.KeyPageDown, fyne.KeyRight} {
		uitest.Key(sh, k)
	}
	sh.Window().Content().Refresh()
	if shown != 3 {
		t.Fatalf("after three steps slide %d, want 3", shown)
	}
	uitest.Key(sh, fyne.KeyHome)
	if shown != 0 {
		t.Fatalf("Home showed slide %d, want 0", shown)
	}
	uitest.Key(sh, fyne.KeyEscape)
	if sh.Presenting() {
		t.Fatal("Escape did not end the presentation")
	}
}

func keyNames(ks []fyne.KeyName) []string {
	var out []string
	for _, k := range ks {
		out = append(out, string(k))
	}
	return out
}
