package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is a text field for dialogs: Fyne's entry swallows Escape, so a
// dialog whose field has the focus (as every form's first field does)
// would never hear it. This one passes Escape on to the window, where the
// shell cancels the dialog on top.
type Entry struct{ widget.Entry }

// NewEntry is a one-line dialog field.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry is a dialog field of several lines that wrap.
func NewMultiLineEntry() *Entry {
	e := NewEntry()
	e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
	return e
}

// TextEntry is the Fyne entry inside: the shell's forms and the tests
// find a field through it, also when e is embedded in a widget of its own.
func (e *Entry) TextEntry() *widget.Entry { return &e.Entry }

// FocusGained selects a one-line field's whole text, as desktop fields do
// when Tab reaches them: a default ("New theme") or the value being
// corrected goes with the first key typed, instead of being pushed along
// behind the cursor at its start. A click places the cursor afterwards
// (Fyne's MouseDown drops the selection), so the mouse edits in place.
func (e *Entry) FocusGained() {
	e.Entry.FocusGained()
	if !e.MultiLine && e.Text != "" {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// TypedKey hands the window's keys (WindowKey) to the window and every
// other key to the entry.
func (e *Entry) TypedKey(key *fyne.KeyEvent) {
	if WindowKey(key.Name) {
		if c := typingCanvas(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(key)
			return
		}
	}
	e.Entry.TypedKey(key)
}

// WindowKey tells whether a key belongs to the window, not to the widget
// that has the focus: Escape (closes the dialog) and F11 (presents). Fyne
// gives every key to the focused widget only, so focusable widgets of ours
// pass these on to the window's handler.
func WindowKey(name fyne.KeyName) bool { return name == fyne.KeyEscape || name == fyne.KeyF11 }

// typingCanvas is the canvas e types in. When e is embedded in a widget of
// its own (the search box), the driver knows only the outer widget: the
// canvas is then the window's whose focused widget is taking the key.
func typingCanvas(e *Entry) fyne.Canvas {
	d := fyne.CurrentApp().Driver()
	if c := d.CanvasForObject(e); c != nil {
		return c
	}
	for _, w := range d.AllWindows() {
		if c := w.Canvas(); c.Focused() != nil {
			return c
		}
	}
	return nil
}

// FocusSelected gives e the focus with all its text selected: a default
// the user is meant to replace ("New theme") goes with the first key
// typed, instead of being pushed along behind it.
func FocusSelected(c fyne.Canvas, e fyne.Focusable) {
	c.Focus(e)
	if s, ok := e.(fyne.Shortcutable); ok {
		s.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}
