package slidesheet

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/palette"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Colours of the presenter besides the slide's ink and bars; the scale's
// are the palette's, which the survey PDF draws with too.
var (
	Dim    = color.NRGBA{0x55, 0x55, 0x55, 0xff}
	Track  = color.NRGBA{0xEC, 0xEF, 0xF2, 0xff} // the empty part of a bar
	Low    = palette.ScaleLow                    // a scale's lowest value (vermillion)
	Middle = palette.ScaleMiddle
	High   = palette.ScaleHigh // its highest (blue)
)

// ScaleColour is the colour of value i of n on a scale: vermillion (Low)
// through grey to blue (High), readable by the colour-blind.
func ScaleColour(i, n int) color.Color { return palette.ScaleColour(i, n) }

// scaleInks are the type of a statement's label, of its figures and the
// legend, and of the counts on its bar.
func scaleInks(size float32) (label, figures, count Ink) {
	return Ink{Size: size, Color: widgets.SlideInk}, Ink{Size: AtLeastFloor(size * 0.7), Color: Dim}, Ink{Size: AtLeastFloor(size * 0.6), Bold: true}
}

// scaleLegendH is the height of the legend of values that heads a scale's
// statements.
func scaleLegendH(s *Sheet, a Area, size float32) float32 {
	_, key, _ := scaleInks(size)
	return s.Height(lang.L("Answers:"), a.W, key) + size*0.6
}

// scaleFlow lays out q's statements below the legend by FlowBlocks: the
// largest type that fits, two columns, then pages. The legend's, the
// bars' and the figures' room is kept while the results are hidden, so
// the statements keep their size and place when they are shown.
func scaleFlow(s *Sheet, a Area, q survey.QuestionResult) Flow {
	need := func(i int, size, w float32) float32 {
		label, figures, count := scaleInks(size)
		count.Scale = s.Scale
		st := q.Statements[i]
		return s.Height(st.Label, w, label) + size*0.5 + count.LineHeight() + meanAxisH(s, size) + s.Height(ScaleFigures(st), w, figures)
	}
	// The legend's height depends on the size: the body below it is fitted
	// at the legend of the largest size, which only makes room to spare.
	top := scaleLegendH(s, a, 40)
	body := Area{X: a.X, Y: a.Y + top, W: a.W, H: a.H - top}
	return FlowBlocks(len(q.Statements), body, Sizes(40), []int{1, 2}, 0.45, need)
}

// ScalePages is how many pages q's statements take in a (DrawScalesPage
// draws each), with their results shown or not.
func ScalePages(s *Sheet, a Area, q survey.QuestionResult) int {
	if len(q.Statements) == 0 {
		return 1
	}
	return len(scaleFlow(s, a, q).Pages)
}

// DrawScalesPage draws page of the statements (laid out by scaleFlow, the
// legend of values heading each page) as distributions: a bar stacked by
// the share of each scale value, the mean marked on a value axis under it,
// and the figures on a row of their own; without showCounts the labels
// alone, where they stand with them. It returns how many pages there are.
func DrawScalesPage(s *Sheet, a Area, q survey.QuestionResult, showCounts bool, page int) int {
	if len(q.Statements) == 0 {
		return 1
	}
	values := live.ScaleValues(q.Statements[0])
	f := scaleFlow(s, a, q)
	size := f.Size
	label, key, countInk := scaleInks(size)
	countInk.Scale = s.Scale
	if showCounts { // the legend: a swatch per value
		x, y := a.X, a.Y
		s.Text(lang.L("Answers:"), x, y, a.W, key)
		x += Width(lang.L("Answers:"), key) + size*0.5
		for i, v := range values {
			s.Rect(x, y+key.Size*0.2, key.Size*1.1, key.Size*0.8, ScaleColour(i, len(values)))
			x += key.Size * 1.4
			s.Text(v, x, y, Width(v, key)+2, key)
			x += Width(v, key) + key.Size*0.8
		}
		s.Rect(x, y, key.Size*0.16, key.Size*1.2, widgets.SlideInk)
		x += key.Size * 0.5
		s.Text(lang.L("mean"), x, y, Width(lang.L("mean"), key)+2, key)
	}
	page = min(max(page, 0), len(f.Pages)-1)
	for _, p := range f.Pages[page] {
		st := q.Statements[p.Index]
		y := p.Y + s.Text(st.Label, p.X, p.Y, p.W, label)
		if !showCounts {
			continue
		}
		barY, barH := y+size*0.2, countInk.LineHeight() // as tall as a count on it
		s.Rect(p.X, barY, p.W, barH, Track)
		x := p.X
		for i, v := range values {
			n := st.Values[v]
			if n == 0 || st.Count == 0 {
				continue
			}
			w := p.W * float32(n) / float32(st.Count)
			fill := ScaleColour(i, len(values))
			s.Rect(x, barY, w, barH, fill)
			if count := strconv.Itoa(n); Width(count, countInk) < w-8 {
				k := countInk
				k.Color, k.Align = InkOn(fill), fyne.TextAlignCenter
				s.Text(count, x, barY, w, k)
			}
			x += w
		}
		axisY := barY + barH + size*0.15
		if st.Count > 0 && len(values) > 1 {
			drawMeanAxis(s, p.X, axisY, p.W, size, values, st.Mean)
		}
		s.Text(ScaleFigures(st), p.X, axisY+meanAxisH(s, size), p.W, key)
	}
	return len(f.Pages)
}

// meanAxisH is the height of the row under a statement's bar that marks
// its mean: as tall as its end labels.
func meanAxisH(s *Sheet, size float32) float32 {
	_, figures, _ := scaleInks(size)
	figures.Scale = s.Scale
	return figures.LineHeight()
}

// drawMeanAxis marks the mean on a value axis of its own under the bar,
// labelled with the lowest value at its left and the highest at its right:
// on the bar itself, stacked by share of answers, a mark at the mean's
// value would sit in the wrong segment (votes 3, 4, 5: mean 4 fell inside
// the "5").
func drawMeanAxis(s *Sheet, x, y, w, size float32, values []string, mean float64) {
	_, ink, _ := scaleInks(size)
	ink.Scale = s.Scale
	lo, hi := values[0], values[len(values)-1]
	gap := size * 0.4
	s.Text(lo, x, y, Width(lo, ink)+2, ink)
	right := ink
	right.Align = fyne.TextAlignTrailing
	s.Text(hi, x+w-Width(hi, ink)-2, y, Width(hi, ink)+2, right)
	ax, aw := x+Width(lo, ink)+gap, w-Width(lo, ink)-Width(hi, ink)-2*gap
	mid, line := y+ink.LineHeight()/2, size*0.06
	s.Rect(ax, mid-line/2, aw, line, Dim)
	for i := range values { // a tick per value
		tx := ax + aw*float32(i)/float32(len(values)-1)
		s.Rect(tx-line/2, mid-size*0.15, line, size*0.3, Dim)
	}
	l, _ := strconv.Atoi(lo)
	h, _ := strconv.Atoi(hi)
	at := ax + aw*float32((mean-float64(l))/float64(max(h-l, 1)))
	mark := size * 0.22
	s.Rect(at-mark/2, mid-size*0.3, mark, size*0.6, widgets.SlideInk)
}

// ScaleFigures says a statement's statistics in words.
func ScaleFigures(st survey.StatementResult) string {
	if st.Count == 0 {
		return lang.L("no answers yet")
	}
	return Figures(st.Figures())
}
