package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestVScrollKeepsTheBarOffTheButtons: a column of rows, each with a button
// at its right, taller than its window. The hovered scroll bar must not lie
// over any button.
func TestVScrollKeepsTheBarOffTheButtons(t *testing.T) {
	test.NewTempApp(t)
	rows := container.NewVBox()
	var buttons []*Button
	for range 30 {
		b := NewButton("Hide", nil)
		buttons = append(buttons, b)
		rows.Add(container.NewBorder(nil, nil, nil, b, widget.NewLabel("An answer of the room")))
	}
	for _, s := range []*container.Scroll{VScroll(rows), Scroll(rows)} {
		w := test.NewTempWindow(t, s)
		w.SetPadded(false)
		w.Resize(fyne.NewSize(400, 300))
		barLeft := s.Size().Width - barWidth()
		for i, b := range buttons {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			if right := pos.X + b.Size().Width; right > barLeft+0.5 {
				t.Fatalf("button %d ends at x=%.0f, under the scroll bar from x=%.0f", i, right, barLeft)
			}
		}
		if got := rows.Size().Width; got < s.Size().Width-barWidth()-0.5 {
			t.Errorf("the rows are %.0f px wide in a %.0f px scroll: more than the bar's room lost", got, s.Size().Width)
		}
	}
}
