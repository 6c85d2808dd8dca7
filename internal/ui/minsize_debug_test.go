package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// dumpWide logs the objects at least limit wide, inside each other: what
// makes an area too wide, when the laptop test fails.
func dumpWide(t *testing.T, o fyne.CanvasObject, depth int, limit float32) {
	if o == nil || !o.Visible() {
		return
	}
	w := o.MinSize().Width
	if w < limit {
		return
	}
	label := ""
	switch x := o.(type) {
	case *widget.Label:
		label = x.Text
	case *widget.Button:
		label = x.Text
	}
	t.Logf("%s%T %.0f %q", strings.Repeat(" ", depth), o, w, label)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			dumpWide(t, c, depth+1, limit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			dumpWide(t, c, depth+1, limit)
		}
	}
}
