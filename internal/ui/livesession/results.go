package livesession

import (
	"fmt"
	"fyne.io/fyne/v2"
	"image/color"
	"slices"
	"strconv"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Colours of the presenter besides the slide's ink and bars.
var (
	dim    = color.NRGBA{0x55, 0x55, 0x55, 0xff}
	track  = color.NRGBA{0xEC, 0xEF, 0xF2, 0xff} // the empty part of a bar
	low    = color.NRGBA{0xD5, 0x5E, 0x00, 0xff} // a scale's lowest value (vermillion)
	middle = color.NRGBA{0xC8, 0xC8, 0xC8, 0xff}
	high   = color.NRGBA{0x00, 0x72, 0xB2, 0xff} // its highest (blue)
)

// area is a rectangle of the sheet, in units.
type area struct{ x, y, w, h float32 }

// bar is one row of a bar chart: a label, a share of the longest bar and
// the figures said beside it.
type bar struct {
	label, figure string
	share         float64 // 0…1
}

// barsOf are a question's bars in the order the question lists its
// options (the room finds its choice where it was), with 0 before any vote.
func barsOf(q survey.QuestionResult, def data.Question) []bar {
	var out []bar
	top := float64(max(q.Respondents, 1))
	switch {
	case len(q.Options) > 0:
		for _, label := range def.Options {
			if i := slices.IndexFunc(q.Options, func(o survey.OptionResult) bool { return o.Label == label }); i >= 0 {
				o := q.Options[i]
				out = append(out, bar{label, fmt.Sprintf("%d · %.0f %%", o.Count, o.Percent), float64(o.Count) / top})
			}
		}
	case len(q.Items) > 0:
		most := 1.0
		for _, it := range q.Items {
			most = max(most, it.Average)
		}
		for _, it := range q.Items {
			if q.Kind == data.KindRanking { // place 1 is best: the longest bar
				share := 0.0
				if it.Count > 0 {
					share = (float64(len(q.Items)) - it.Average + 1) / float64(len(q.Items))
				}
				out = append(out, bar{it.Label, fmt.Sprintf("average place %.2f · ranked by %d", it.Average, it.Count), share})
			} else {
				out = append(out, bar{it.Label, fmt.Sprintf("%.1f points on average · %d gave points", it.Average, it.Count), it.Average / most})
			}
		}
	}
	return out
}

// drawBars draws labelled bars into a, the type as large as fits: each
// row is its label (wrapped, whole) over its bar, with the figures on a
// row of their own under the bar, so no figure runs into anything.
func drawBars(s *sheet, a area, bars []bar, showCounts bool) {
	need := func(size float32) float32 {
		h := float32(0)
		for _, b := range bars {
			h += rowHeight(s, b, a.w, size, showCounts)
		}
		return h
	}
	size := fitSize(44, 16, a.h, need)
	y := a.y
	label := ink{size: size, color: widgets.SlideInk}
	figure := ink{size: size * 0.7, color: dim}
	for _, b := range bars {
		y += s.text(b.label, a.x, y, a.w, label)
		if showCounts {
			barH := size * 0.8
			s.rect(a.x, y+size*0.15, a.w, barH, track)
			if b.share > 0 {
				s.rect(a.x, y+size*0.15, max(a.w*float32(b.share), 4), barH, widgets.SlideBar)
			}
			y += barH + size*0.3
			y += s.text(b.figure, a.x, y, a.w, figure)
		}
		y += size * 0.45
	}
}

func rowHeight(s *sheet, b bar, w, size float32, showCounts bool) float32 {
	h := s.height(b.label, w, ink{size: size}) + size*0.45
	if showCounts {
		h += size*1.1 + s.height(b.figure, w, ink{size: size * 0.7})
	}
	return h
}

// scaleColour is the colour of value i of n on a scale: vermillion (low)
// through grey to blue (high), readable by the colour-blind.
func scaleColour(i, n int) color.Color {
	if n < 2 {
		return high
	}
	t := float64(i) / float64(n-1)
	from, to, f := low, middle, t*2
	if t > 0.5 {
		from, to, f = middle, high, (t-0.5)*2
	}
	mix := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*f) }
	return color.NRGBA{mix(from.R, to.R), mix(from.G, to.G), mix(from.B, to.B), 0xff}
}

// drawScales draws each statement as a distribution: a bar stacked by the
// share of each scale value, the mean marked on it, and the figures on a
// row of their own. A legend of the values heads it.
func drawScales(s *sheet, a area, q survey.QuestionResult, showCounts bool) {
	if len(q.Statements) == 0 {
		return
	}
	values := live.ScaleValues(q.Statements[0])
	need := func(size float32) float32 {
		h := size * 1.6 // the legend
		for _, st := range q.Statements {
			h += s.height(st.Label, a.w, ink{size: size}) + size*0.45
			if showCounts {
				h += size*1.5 + s.height(scaleFigures(st), a.w, ink{size: size * 0.7})
			}
		}
		return h
	}
	size := fitSize(40, 16, a.h, need)
	y := a.y
	if showCounts { // the legend: a swatch per value
		x := a.x
		key := ink{size: size * 0.7, color: dim}
		s.text("Answers:", x, y, a.w, key)
		x += width("Answers:", key) + size*0.5
		for i, v := range values {
			s.rect(x, y+size*0.15, size*0.8, size*0.6, scaleColour(i, len(values)))
			x += size
			s.text(v, x, y, size*2, key)
			x += width(v, key) + size*0.8
		}
		s.rect(x, y, size*0.12, size*0.9, widgets.SlideInk)
		x += size * 0.4
		s.text("mean", x, y, size*4, key)
		y += size * 1.6
	}
	label := ink{size: size, color: widgets.SlideInk}
	for _, st := range q.Statements {
		y += s.text(st.Label, a.x, y, a.w, label)
		if showCounts {
			barY, barH := y+size*0.2, size*1.0
			s.rect(a.x, barY, a.w, barH, track)
			x := a.x
			for i, v := range values {
				n := st.Values[v]
				if n == 0 || st.Count == 0 {
					continue
				}
				w := a.w * float32(n) / float32(st.Count)
				s.rect(x, barY, w, barH, scaleColour(i, len(values)))
				if count := strconv.Itoa(n); width(count, ink{size: size * 0.6, bold: true}) < w-8 {
					s.text(count, x, barY+barH*0.15, w, ink{size: size * 0.6, bold: true, color: widgets.SlidePaper, align: fyne.TextAlignCenter})
				}
				x += w
			}
			if st.Count > 0 && len(values) > 1 { // the mean, where it falls between the lowest and highest value
				lo, _ := strconv.Atoi(values[0])
				hi, _ := strconv.Atoi(values[len(values)-1])
				at := a.x + a.w*float32((st.Mean-float64(lo))/float64(max(hi-lo, 1)))
				s.rect(at-size*0.08, barY-size*0.25, size*0.16, barH+size*0.5, widgets.SlideInk)
			}
			y = barY + barH + size*0.3
			y += s.text(scaleFigures(st), a.x, y, a.w, ink{size: size * 0.7, color: dim})
		}
		y += size * 0.45
	}
}

// scaleFigures says a statement's statistics in words.
func scaleFigures(st survey.StatementResult) string {
	if st.Count == 0 {
		return "no answers yet"
	}
	return fmt.Sprintf("mean %.2f · median %g · %d answers", st.Mean, st.Median, st.Count)
}
