package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Button is Fyne's button with the keyboard of desktop buttons: Space and
// Enter press the focused button, and they press it when the key is let
// go. Fyne's button takes only Space, on its key-down: the character the
// same key types comes after it, to whatever has the focus by then — the
// first field of the form the button opened, whose selected text it
// replaced (an "Edit…" pressed with Space opened on an empty value).
// Pressing on release lets the key end where it began.
type Button struct {
	widget.Button
	down fyne.KeyName // the pressing key held down on this button
}

// NewButton is a button labelled label that runs tapped.
func NewButton(label string, tapped func()) *Button {
	b := &Button{Button: widget.Button{Text: label, OnTapped: tapped}}
	b.ExtendBaseWidget(b)
	return b
}

// NewButtonWithIcon is a button with an icon before its label.
func NewButtonWithIcon(label string, icon fyne.Resource, tapped func()) *Button {
	b := NewButton(label, tapped)
	b.Icon = icon
	return b
}

// ButtonWidget is Fyne's button inside: tests find a button through it.
func (b *Button) ButtonWidget() *widget.Button { return &b.Button }

func presses(k fyne.KeyName) bool {
	return k == fyne.KeySpace || k == fyne.KeyReturn || k == fyne.KeyEnter
}

// KeyDown remembers a pressing key went down on this button.
func (b *Button) KeyDown(e *fyne.KeyEvent) {
	if presses(e.Name) {
		b.down = e.Name
	}
}

// KeyUp presses the button when the key that went down on it is let go.
func (b *Button) KeyUp(e *fyne.KeyEvent) {
	if e.Name == b.down && b.down != "" {
		b.down = ""
		if !b.Disabled() {
			b.Tapped(nil)
		}
	}
}

// TypedKey presses the button only for a driver that sends no key-down
// (a key held down repeats here, and must not press again).
func (b *Button) TypedKey(e *fyne.KeyEvent) {
	if presses(e.Name) && b.down == "" && !b.Disabled() {
		b.Tapped(nil)
	}
}

// FocusLost forgets a key held down when the focus moved away.
func (b *Button) FocusLost() {
	b.down = ""
	b.Button.FocusLost()
}
