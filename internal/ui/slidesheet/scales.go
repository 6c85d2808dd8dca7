package slidesheet

import (
	"fmt"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Colours of the presenter besides the slide's ink and bars.
var (
	Dim    = color.NRGBA{0x55, 0x55, 0x55, 0xff}
	Track  = color.NRGBA{0xEC, 0xEF, 0xF2, 0xff} // the empty part of a bar
	Low    = color.NRGBA{0xD5, 0x5E, 0x00, 0xff} // a scale's lowest value (vermillion)
	Middle = color.NRGBA{0xC8, 0xC8, 0xC8, 0xff}
	High   = color.NRGBA{0x00, 0x72, 0xB2, 0xff} // its highest (blue)
)

// ScaleColour is the colour of value i of n on a scale: vermillion (Low)
// through grey to blue (High), readable by the colour-blind.
func ScaleColour(i, n int) color.Color {
	if n < 2 {
		return High
	}
	t := float64(i) / float64(n-1)
	from, to, f := Low, Middle, t*2
	if t > 0.5 {
		from, to, f = Middle, High, (t-0.5)*2
	}
	mix := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*f) }
	return color.NRGBA{mix(from.R, to.R), mix(from.G, to.G), mix(from.B, to.B), 0xff}
}

// DrawScales draws each statement as a distribution: a bar stacked by the
// share of each scale value, the mean marked on it, and the figures on a
// row of their own. A legend of the values heads it.
func DrawScales(s *Sheet, a Area, q survey.QuestionResult, showCounts bool) {
	if len(q.Statements) == 0 {
		return
	}
	values := live.ScaleValues(q.Statements[0])
	need := func(size float32) float32 {
		h := size * 1.6 // the legend
		for _, st := range q.Statements {
			h += s.Height(st.Label, a.W, Ink{Size: size}) + size*0.45
			if showCounts {
				h += size*1.5 + s.Height(ScaleFigures(st), a.W, Ink{Size: size * 0.7})
			}
		}
		return h
	}
	size := FitSize(40, 16, a.H, need)
	y := a.Y
	if showCounts { // the legend: a swatch per value
		x := a.X
		key := Ink{Size: size * 0.7, Color: Dim}
		s.Text("Answers:", x, y, a.W, key)
		x += Width("Answers:", key) + size*0.5
		for i, v := range values {
			s.Rect(x, y+size*0.15, size*0.8, size*0.6, ScaleColour(i, len(values)))
			x += size
			s.Text(v, x, y, size*2, key)
			x += Width(v, key) + size*0.8
		}
		s.Rect(x, y, size*0.12, size*0.9, widgets.SlideInk)
		x += size * 0.4
		s.Text("mean", x, y, size*4, key)
		y += size * 1.6
	}
	label := Ink{Size: size, Color: widgets.SlideInk}
	for _, st := range q.Statements {
		y += s.Text(st.Label, a.X, y, a.W, label)
		if showCounts {
			barY, barH := y+size*0.2, size*1.0
			s.Rect(a.X, barY, a.W, barH, Track)
			x := a.X
			for i, v := range values {
				n := st.Values[v]
				if n == 0 || st.Count == 0 {
					continue
				}
				w := a.W * float32(n) / float32(st.Count)
				s.Rect(x, barY, w, barH, ScaleColour(i, len(values)))
				if count := strconv.Itoa(n); Width(count, Ink{Size: size * 0.6, Bold: true}) < w-8 {
					s.Text(count, x, barY+barH*0.15, w, Ink{Size: size * 0.6, Bold: true, Color: widgets.SlidePaper, Align: fyne.TextAlignCenter})
				}
				x += w
			}
			if st.Count > 0 && len(values) > 1 { // the mean, where it falls between the lowest and highest value
				lo, _ := strconv.Atoi(values[0])
				hi, _ := strconv.Atoi(values[len(values)-1])
				at := a.X + a.W*float32((st.Mean-float64(lo))/float64(max(hi-lo, 1)))
				s.Rect(at-size*0.08, barY-size*0.25, size*0.16, barH+size*0.5, widgets.SlideInk)
			}
			y = barY + barH + size*0.3
			y += s.Text(ScaleFigures(st), a.X, y, a.W, Ink{Size: size * 0.7, Color: Dim})
		}
		y += size * 0.45
	}
}

// ScaleFigures says a statement's statistics in words.
func ScaleFigures(st survey.StatementResult) string {
	if st.Count == 0 {
		return "no answers yet"
	}
	return fmt.Sprintf("mean %.2f · median %g · %d answers", st.Mean, st.Median, st.Count)
}
