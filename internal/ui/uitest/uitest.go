// Package uitest holds what the screen tests of every area share: a shell
// on a fresh database driven by Fyne's test driver, and finders that walk
// what is on screen as a user would see it.
package uitest

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// NewShell builds the main window with these areas on a fresh database
// with the Fyne test driver; withDemo loads the demo network first.
func NewShell(t testing.TB, withDemo bool, areas ...shell.Area) *shell.Shell {
	t.Helper()
	return NewShellAfter(t, withDemo, nil, areas...)
}

// NewShellAfter is NewShell with prepare run on the store before the
// window starts (a network of its own, say); nil prepares nothing.
func NewShellAfter(t testing.TB, withDemo bool, prepare func(*data.Store), areas ...shell.Area) *shell.Shell {
	t.Helper()
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "ui.db")
	if withDemo {
		path, _ = testkit.DemoFile(t, "ui.db")
	}
	s, err := data.Open(path, data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if prepare != nil {
		prepare(s)
	}
	w := a.NewWindow("AoCE Desktop")
	sh := shell.New(a, w, s, areas)
	holdTimers(sh)
	t.Cleanup(func() { forgetTimers(sh) })
	w.SetContent(sh.Content())
	w.Resize(fyne.NewSize(1180, 720))
	sh.Start("")
	t.Cleanup(w.Close)
	return sh
}

// Open switches to the area with this id and returns its view as T.
func Open[T shell.View](t testing.TB, sh *shell.Shell, id string) T {
	t.Helper()
	var v T
	found := false
	sh.WithArea(id, func(view shell.View) { v, found = view.(T) })
	if !found {
		t.Fatalf("area %q did not open as %T (current view %T)", id, v, sh.CurrentView())
	}
	return v
}

// Walk visits o and everything inside it, widgets through their renderers.
func Walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return true
	}
	if !visit(o) {
		return false
	}
	if b, ok := o.(interface{ ButtonWidget() *widget.Button }); ok && !visit(b.ButtonWidget()) {
		return false // a button of our own: tests look for Fyne's inside
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if !Walk(c, visit) {
				return false
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if !Walk(c, visit) {
				return false
			}
		}
	}
	return true
}

// TopOverlay is the dialog on top of the window, or nil.
func TopOverlay(sh *shell.Shell) fyne.CanvasObject { return sh.Window().Canvas().Overlays().Top() }

// Find returns the first visible object of type T inside o that matches.
func Find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) (T, bool) {
	var found T
	ok := false
	Walk(o, func(c fyne.CanvasObject) bool {
		if x, is := c.(T); is && match(x) {
			found, ok = x, true
		}
		return !ok
	})
	return found, ok
}

// ButtonIn finds a visible button with this text inside o.
func ButtonIn(t testing.TB, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b, ok := Find(o, func(b *widget.Button) bool { return b.Text == text })
	if !ok {
		t.Fatalf("no button %q on screen", text)
	}
	return b
}

// TextIn tells whether a visible label, choice or drawn text inside o
// contains s.
func TextIn(o fyne.CanvasObject, s string) bool {
	found := false
	Walk(o, func(c fyne.CanvasObject) bool {
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

// FindEntry returns the first visible text field inside o that matches —
// Fyne's entries and the dialogs' widgets.Entry alike.
func FindEntry(o fyne.CanvasObject, match func(*widget.Entry) bool) (*widget.Entry, bool) {
	var found *widget.Entry
	Walk(o, func(c fyne.CanvasObject) bool {
		if e := EntryOf(c); e != nil && match(e) {
			found = e
		}
		return found == nil
	})
	return found, found != nil
}

// EntryWithPlaceholder finds the entry showing this placeholder inside o.
func EntryWithPlaceholder(t testing.TB, o fyne.CanvasObject, ph string) *widget.Entry {
	t.Helper()
	e, ok := FindEntry(o, func(e *widget.Entry) bool { return e.PlaceHolder == ph })
	if !ok {
		t.Fatalf("no entry with placeholder %q", ph)
	}
	return e
}

// EntryWithText finds the entry whose text starts with prefix.
func EntryWithText(t testing.TB, o fyne.CanvasObject, prefix string) *widget.Entry {
	t.Helper()
	e, ok := FindEntry(o, func(e *widget.Entry) bool { return strings.HasPrefix(e.Text, prefix) })
	if !ok {
		t.Fatalf("no entry starting with %q", prefix)
	}
	return e
}

// Key sends a key as the window's driver does: to the focused widget when
// there is one (a dialog's first field, say), else to the window (Escape,
// Enter, F11, arrows on slides).
func Key(sh *shell.Shell, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := sh.Window().Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if f := sh.Window().Canvas().OnTypedKey(); f != nil {
		f(ev)
	}
}

// Press presses and lets go a key as the window's driver does, each event
// to whatever has the focus at that moment: the key goes down, is typed,
// types its character (0 for none: Enter), and comes up.
func Press(sh *shell.Shell, name fyne.KeyName, char rune) { PressOn(sh, name, char, nil, nil) }

// PressOn is Press on a driver that tells the window the key went down
// and came up when nothing has the focus: down and up are the window's
// handlers (Fyne's test canvas has none; nil: none).
func PressOn(sh *shell.Shell, name fyne.KeyName, char rune, down, up func(*fyne.KeyEvent)) {
	c := sh.Window().Canvas()
	ev := &fyne.KeyEvent{Name: name}
	send := func(window func(*fyne.KeyEvent), key func(desktop.Keyable)) {
		if k, ok := c.Focused().(desktop.Keyable); ok {
			key(k)
		} else if c.Focused() == nil && window != nil {
			window(ev)
		}
	}
	send(down, func(k desktop.Keyable) { k.KeyDown(ev) })
	Key(sh, name)
	if f := c.Focused(); f != nil && char != 0 {
		f.TypedRune(char)
	}
	send(up, func(k desktop.Keyable) { k.KeyUp(ev) })
}

// FocusedEntry is the text field that has the focus (as EntryWithText
// finds it), or nil.
func FocusedEntry(sh *shell.Shell) *widget.Entry {
	o, _ := sh.Window().Canvas().Focused().(fyne.CanvasObject)
	return EntryOf(o)
}

// EntryOf is the text field o is — Fyne's entry, or a dialog field
// (widgets.Entry, or a widget of its own that embeds one) — or nil.
func EntryOf(o fyne.CanvasObject) *widget.Entry {
	switch x := o.(type) {
	case *widget.Entry:
		return x
	case interface{ TextEntry() *widget.Entry }:
		return x.TextEntry()
	}
	return nil
}

// TapMenuItem taps the item labelled label of the pop-up menu on top, as a
// click on it would (the menu closes, the item's action runs).
func TapMenuItem(t testing.TB, sh *shell.Shell, label string) {
	t.Helper()
	var item fyne.Tappable
	Walk(TopOverlay(sh), func(c fyne.CanvasObject) bool {
		if tp, ok := c.(fyne.Tappable); ok && TextIn(c, label) {
			item = tp // the innermost tappable that shows the label: the item, not the menu
		}
		return true
	})
	if item == nil {
		t.Fatalf("no menu item %q on screen", label)
	}
	test.Tap(item)
}

// Shortcut sends a shortcut as the window's driver does: the main menu's
// item with that shortcut first (Ctrl+S is Edit → Save), else the focused
// widget, else the window.
func Shortcut(sh *shell.Shell, s fyne.Shortcut) {
	if m := sh.Window().MainMenu(); m != nil {
		for _, menu := range m.Items {
			if menuShortcut(menu, s) {
				return
			}
		}
	}
	if f, ok := sh.Window().Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	if c, ok := sh.Window().Canvas().(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
}

func menuShortcut(m *fyne.Menu, s fyne.Shortcut) bool {
	for _, it := range m.Items {
		if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
			it.Action()
			return true
		}
		if it.ChildMenu != nil && menuShortcut(it.ChildMenu, s) {
			return true
		}
	}
	return false
}

// TypeInFocused types s into the focused widget key by key, as the driver
// does (test.Type gives the widget the focus again first).
func TypeInFocused(sh *shell.Shell, s string) {
	f := sh.Window().Canvas().Focused()
	for _, r := range s {
		f.TypedRune(r)
	}
}
