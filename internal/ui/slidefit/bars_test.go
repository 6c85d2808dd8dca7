package slidefit

import (
	"image/color"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestAFewBarsFillTheSlide: three options on a 1080p body must not sit in
// its top third at a small size, and long figures go on two lines at their
// " · " rather than shrinking the chart or breaking a figure.
func TestAFewBarsFillTheSlide(t *testing.T) {
	test.NewTempApp(t)
	box := fyne.NewSize(1824, 850)
	bars := []Bar{
		{Label: "1. Cooperation with NGOs", Figures: "average place 1.70 · ranked by 27", Share: 0.8},
		{Label: "2. Clear legislative framework", Figures: "average place 1.96 · ranked by 27", Share: 0.7},
		{Label: "3. Participatory budget", Figures: "average place 2.33 · ranked by 27", Share: 0.5},
	}
	ink := color.Black
	slide := DrawBars(bars, 1, box, 1, 48, ink, ink, ink)
	if p := Problems(slide); len(p) > 0 {
		t.Fatalf("the bars do not read whole: %v", p)
	}
	var labelY []float32
	var size float32
	for _, p := range DrawnAt(slide) {
		if p.Text.Text == bars[0].Label || p.Text.Text == bars[2].Label {
			labelY, size = append(labelY, p.At.Y), p.Text.TextSize
		}
	}
	if len(labelY) != 2 {
		t.Fatalf("labels drawn at %v", labelY)
	}
	if size < 40 {
		t.Errorf("three bars drawn at %.0f px: a few options should be large", size)
	}
	if spanned := labelY[1] - labelY[0]; spanned < box.Height/2 {
		t.Errorf("the first and last of three options are %.0f px apart in a %.0f px body: crowded at the top", spanned, box.Height)
	}
	drawn := Texts(slide)
	for _, want := range []string{"average place 1.70", "ranked by 27"} {
		if !slices.Contains(drawn, want) {
			t.Errorf("no line %q among %q: the figures are not broken at their dot", want, drawn)
		}
	}
}
