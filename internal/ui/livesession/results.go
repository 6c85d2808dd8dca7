package livesession

import (
	"fmt"
	"slices"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidesheet"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

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
func drawBars(s *slidesheet.Sheet, a slidesheet.Area, bars []bar, showCounts bool) {
	need := func(size float32) float32 {
		h := float32(0)
		for _, b := range bars {
			h += rowHeight(s, b, a.W, size, showCounts)
		}
		return h
	}
	size := slidesheet.FitSize(44, 16, a.H, need)
	y := a.Y
	label := slidesheet.Ink{Size: size, Color: widgets.SlideInk}
	figure := slidesheet.Ink{Size: size * 0.7, Color: slidesheet.Dim}
	for _, b := range bars {
		y += s.Text(b.label, a.X, y, a.W, label)
		if showCounts {
			barH := size * 0.8
			s.Rect(a.X, y+size*0.15, a.W, barH, slidesheet.Track)
			if b.share > 0 {
				s.Rect(a.X, y+size*0.15, max(a.W*float32(b.share), 4), barH, widgets.SlideBar)
			}
			y += barH + size*0.3
			y += s.Text(b.figure, a.X, y, a.W, figure)
		}
		y += size * 0.45
	}
}

func rowHeight(s *slidesheet.Sheet, b bar, w, size float32, showCounts bool) float32 {
	h := s.Height(b.label, w, slidesheet.Ink{Size: size}) + size*0.45
	if showCounts {
		h += size*1.1 + s.Height(b.figure, w, slidesheet.Ink{Size: size * 0.7})
	}
	return h
}
