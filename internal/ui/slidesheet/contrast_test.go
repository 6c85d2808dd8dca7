package slidesheet

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Every count drawn on a scale's segment reads against it (WCAG's 4.5:1
// for text), the light grey middle value included, on scales of 2 to 7
// values.
func TestCountsOnSegmentsContrast(t *testing.T) {
	test.NewTempApp(t)
	for n := 2; n <= 7; n++ {
		st := survey.StatementResult{Label: "involving young people", Values: map[string]int{}, Count: n, Mean: 2, Median: 2}
		for v := 1; v <= n; v++ {
			st.Values[string(rune('0'+v))] = 1
		}
		s := NewSheet(widgets.SlideSize)
		DrawScalesPage(s, Area{X: 80, Y: 80, W: 1160, H: 900}, survey.QuestionResult{Statements: []survey.StatementResult{st}}, true, 0)
		var fill *canvas.Rectangle
		counts := 0
		for _, o := range s.Box.Objects {
			switch x := o.(type) {
			case *canvas.Rectangle:
				fill = x
			case *canvas.Text:
				if x.Alignment != fyne.TextAlignCenter {
					continue
				}
				counts++
				if c := contrast(x.Color, fill.FillColor); c < 4.5 {
					t.Errorf("%d values: the count %q on %v has a contrast of %.1f", n, x.Text, fill.FillColor, c)
				}
			}
		}
		if counts != n {
			t.Errorf("%d values: %d counts drawn on the segments", n, counts)
		}
	}
}
