package shell_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
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

// F1 shows every key, the view's own and the common ones; F1 or Esc
// closes the list and nothing else, any other key closes it and does what
// it does (the reviewer's Right after F1 was swallowed, and Esc ended the
// presentation while the list was up).
func TestF1ShowsThePresentersOwnKeys(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	var got []fyne.KeyName
	leave := sh.FullScreen(widget.NewLabel("slide"), func(e *fyne.KeyEvent) { got = append(got, e.Name) },
		shell.KeyHelp{Keys: "↑ ↓", Does: "highlight a sub-theme"})
	defer leave()
	for _, closer := range []fyne.KeyName{fyne.KeyF1, fyne.KeyEscape} {
		uitest.Key(sh, fyne.KeyF1)
		top := uitest.TopOverlay(sh)
		if top == nil || !uitest.TextIn(top, "highlight a sub-theme") || !uitest.TextIn(top, "next") {
			t.Fatal("F1 shows no help with the view's own keys and the common ones")
		}
		uitest.Key(sh, closer)
		if uitest.TopOverlay(sh) != nil || len(got) != 0 {
			t.Fatalf("%s after F1: overlay %v, the view saw %v", closer, uitest.TopOverlay(sh), got)
		}
	}
	uitest.Key(sh, fyne.KeyF1)
	uitest.Key(sh, fyne.KeySpace)
	if uitest.TopOverlay(sh) != nil || len(got) != 1 || got[0] != fyne.KeyRight {
		t.Fatalf("Space after F1: overlay %v, the view saw %v, want the help closed and Right", uitest.TopOverlay(sh), got)
	}
	if !sh.Presenting() {
		t.Fatal("the presentation ended")
	}
}

// The key help is read across the room: on a projector and on a laptop's
// screen its type is as large as a slide's body text allows, it sits in
// the middle of the screen, and every line reads whole.
func TestTheKeyHelpIsLargeCentredAndWhole(t *testing.T) {
	own := []shell.KeyHelp{{Keys: "Down, Up", Does: "highlight a sub-theme"}, {Keys: "[ ]", Does: "highlight a partner"},
		{Keys: "H", Does: "no highlight"}, {Keys: "A or Home", Does: "all themes"}, {Keys: "P", Does: "the matrix or who can help whom"}}
	for _, screen := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1366, Height: 768}, {Width: 1280, Height: 720}} {
		sh, _ := newFakeShell(t, true)
		leave := sh.FullScreen(widget.NewLabel("slide"), func(*fyne.KeyEvent) {}, own...)
		sh.Window().Resize(screen)
		uitest.Key(sh, fyne.KeyF1)
		top := uitest.TopOverlay(sh)
		if top == nil {
			t.Fatal("F1 shows nothing")
		}
		canvasSize := sh.Window().Canvas().Size()
		popUp, ok := uitest.Find(top, func(*widget.PopUp) bool { return true })
		if !ok {
			t.Fatal("the help is no pop-up")
		}
		panel := popUp.Content
		pos, size := popUp.Position(), popUp.Size() // where the panel is drawn on the screen
		if d := (pos.X + size.Width/2) - canvasSize.Width/2; d > 2 || d < -2 {
			t.Errorf("%v: the help's centre is %.0f px off the screen's", screen, d)
		}
		if size.Width < canvasSize.Width/3 {
			t.Errorf("%v: the help is %.0f px wide on a %.0f px screen", screen, size.Width, canvasSize.Width)
		}
		least := 20 * canvasSize.Height / 1080
		if small := slidefit.Small(panel, least); len(small) > 1 { // the closing line is smaller
			t.Errorf("%v: drawn smaller than %.0f px: %v", screen, least, small)
		}
		if p := slidefit.Problems(panel); len(p) > 0 {
			t.Errorf("%v: %v", screen, p)
		}
		leave()
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
