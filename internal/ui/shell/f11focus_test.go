package shell_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// presentingView is a view with a presentation of its own, counting F11.
type presentingView struct {
	*fakeView
	presented int
}

func (v *presentingView) Present() { v.presented++ }

// F11 presents whatever widget has the focus: a click in the sidebar
// focuses its list (Fyne's list takes the focus on a tap), a screen
// focuses a text field — and the focused widget, not the window, gets the
// key (issue 15, finding 8: F11 did nothing after a sidebar click).
func TestF11PresentsWhileAWidgetHasTheFocus(t *testing.T) {
	views := &[]*fakeView{}
	pv := &presentingView{}
	areas := append(fakeAreas(views), shell.Area{ID: "slides", Title: "Slides", Build: func(*shell.Shell) shell.View {
		pv.fakeView = newFakeView("slides")
		pv.fakeView.entry = nil
		entry := widgets.NewEntry()
		pv.obj = entry
		return pv
	}})
	sh := uitest.NewShell(t, true, areas...)

	// Click "Slides" in the sidebar, as the user does.
	var item fyne.Tappable
	uitest.Walk(sh.Content(), func(o fyne.CanvasObject) bool {
		if tp, ok := o.(fyne.Tappable); ok && uitest.TextIn(o, "Slides") {
			item = tp
		}
		return item == nil
	})
	if item == nil {
		t.Fatal("no sidebar item Slides")
	}
	test.Tap(item)
	if sh.CurrentView() != shell.View(pv) {
		t.Fatalf("the click opened %T", sh.CurrentView())
	}
	if sh.Window().Canvas().Focused() == nil {
		t.Fatal("the sidebar click focused nothing: the test no longer shows the fault")
	}
	uitest.Key(sh, fyne.KeyF11)
	if pv.presented != 1 {
		t.Fatalf("F11 after a sidebar click presented %d times, want 1", pv.presented)
	}

	// A text field of the screen has the focus.
	sh.Window().Canvas().Focus(pv.obj.(*widgets.Entry))
	uitest.Key(sh, fyne.KeyF11)
	if pv.presented != 2 {
		t.Fatalf("F11 in a text field presented %d times in all, want 2", pv.presented)
	}
}
