package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/demo"
)

// newTestShell builds the main window on a fresh database with the Fyne
// test driver; withDemo loads the demo network first.
func newTestShell(t *testing.T, withDemo bool) *shell.Shell {
	t.Helper()
	a := test.NewTempApp(t)
	s, err := data.Open(filepath.Join(t.TempDir(), "ui.db"), data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if withDemo {
		if _, err := demo.Load(context.Background(), s); err != nil {
			t.Fatal(err)
		}
	}
	w := a.NewWindow("AoCE Desktop")
	sh := NewShell(a, w, s)
	w.SetContent(sh.Content())
	w.Resize(fyne.NewSize(1180, 720))
	sh.Start("")
	t.Cleanup(w.Close)
	return sh
}

// walk visits o and everything inside it, widgets through their renderers.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return true
	}
	if !visit(o) {
		return false
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if !walk(c, visit) {
				return false
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if !walk(c, visit) {
				return false
			}
		}
	}
	return true
}

// topOverlay is the dialog on top of the window, or nil.
func topOverlay(sh *shell.Shell) fyne.CanvasObject { return sh.Window().Canvas().Overlays().Top() }

// find returns the first visible object of type T inside o that matches.
func find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) (T, bool) {
	var found T
	ok := false
	walk(o, func(c fyne.CanvasObject) bool {
		if x, is := c.(T); is && match(x) {
			found, ok = x, true
		}
		return !ok
	})
	return found, ok
}

// buttonIn finds a visible button with this text inside o.
func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b, ok := find(o, func(b *widget.Button) bool { return b.Text == text })
	if !ok {
		t.Fatalf("no button %q on screen", text)
	}
	return b
}

// textIn tells whether a visible label or choice inside o contains s.
func textIn(o fyne.CanvasObject, s string) bool {
	found := false
	walk(o, func(c fyne.CanvasObject) bool {
		switch w := c.(type) {
		case *widget.Label:
			found = strings.Contains(w.Text, s)
		case *widget.Select:
			found = strings.Contains(w.Selected, s)
		case *canvas.Text: // slides draw their text directly
			found = strings.Contains(w.Text, s)
		}
		return !found
	})
	return found
}

// areaView opens area i and returns its view, as type T.
func areaView[T view](t *testing.T, sh *shell.Shell, i int) T {
	t.Helper()
	v, ok := sh.ViewAt(i).(T)
	if !ok {
		t.Fatalf("area %d is a %T", i+1, sh.ViewAt(i))
	}
	return v
}

// partnersArea opens the partners area and returns its view.
func partnersArea(t *testing.T, sh *shell.Shell) *partnersView { return areaView[*partnersView](t, sh, 1) }

// selectPartner selects the shown partner called name in the list.
func selectPartner(t *testing.T, v *partnersView, name string) {
	t.Helper()
	for i, p := range v.shown {
		if p.Name == name {
			v.list.Select(i)
			return
		}
	}
	t.Fatalf("%s is not in the list", name)
}

// findEntryWithPlaceholder finds the entry showing this placeholder inside o.
func findEntryWithPlaceholder(t *testing.T, o fyne.CanvasObject, ph string) *widget.Entry {
	t.Helper()
	e, ok := find(o, func(e *widget.Entry) bool { return e.PlaceHolder == ph })
	if !ok {
		t.Fatalf("no entry with placeholder %q", ph)
	}
	return e
}

// findEntryWithText finds the entry whose text starts with prefix.
func findEntryWithText(t *testing.T, o fyne.CanvasObject, prefix string) *widget.Entry {
	t.Helper()
	e, ok := find(o, func(e *widget.Entry) bool { return strings.HasPrefix(e.Text, prefix) })
	if !ok {
		t.Fatalf("no entry starting with %q", prefix)
	}
	return e
}

var (
	fyneKeyRight  = fyne.KeyEvent{Name: fyne.KeyRight}
	fyneKeyEscape = fyne.KeyEvent{Name: fyne.KeyEscape}
)
