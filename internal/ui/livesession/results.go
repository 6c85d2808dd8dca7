package livesession

import (
	"fmt"
	"slices"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
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
		percents := live.OptionPercents(q)
		for _, label := range def.Options {
			if i := slices.IndexFunc(q.Options, func(o survey.OptionResult) bool { return o.Label == label }); i >= 0 {
				o := q.Options[i]
				out = append(out, bar{label, fmt.Sprintf("%d · %d %%", o.Count, percents[i]), float64(o.Count) / top})
			}
		}
	case len(q.Items) > 0:
		most := 1.0
		for _, it := range q.Items {
			most = max(most, it.Average)
		}
		for _, it := range q.Items {
			switch {
			case it.Count == 0:
				out = append(out, bar{it.Label, slidesheet.ScaleFigures(survey.StatementResult{}), 0})
			case q.Kind == data.KindRanking: // place 1 is best: the longest bar
				share := (float64(len(q.Items)) - it.Average + 1) / float64(len(q.Items))
				out = append(out, bar{it.Label, slidesheet.Figures(it.Figures(q.Kind)), share})
			default:
				out = append(out, bar{it.Label, slidesheet.Figures(it.Figures(q.Kind)), it.Average / most})
			}
		}
	}
	return out
}

// barInks are the type of a bar's label and of its figures.
func barInks(size float32) (label, figure slidesheet.Ink) {
	return slidesheet.Ink{Size: size, Color: widgets.SlideInk}, slidesheet.Ink{Size: slidesheet.AtLeastFloor(size * 0.7), Color: slidesheet.Dim}
}

// drawBars draws page of the labelled bars into a (slidesheet.FlowBlocks:
// the type as large as fits, then two columns, then pages): each row is
// its label (wrapped, whole) over its bar, with the figures on a row of
// their own under the bar, so no figure runs into anything. The room for
// the bars and figures is kept while they are hidden: the labels keep
// their size and place when the results are shown or hidden. It returns
// how many pages there are.
func drawBars(s *slidesheet.Sheet, a slidesheet.Area, bars []bar, showCounts bool, page int) int {
	need := func(i int, size, w float32) float32 {
		label, figure := barInks(size)
		return s.Height(bars[i].label, w, label) + size*1.1 + s.Height(bars[i].figure, w, figure)
	}
	f := slidesheet.FlowBlocks(len(bars), a, slidesheet.Sizes(44), []int{1, 2}, 0.45, need)
	size := f.Size
	label, figure := barInks(size)
	for _, p := range f.Pages[min(page, len(f.Pages)-1)] {
		b := bars[p.Index]
		y := p.Y + s.Text(b.label, p.X, p.Y, p.W, label)
		if showCounts {
			barH := size * 0.8
			s.Rect(p.X, y+size*0.15, p.W, barH, slidesheet.Track)
			if b.share > 0 {
				s.Rect(p.X, y+size*0.15, max(p.W*float32(b.share), 4), barH, widgets.SlideBar)
			}
			s.Text(b.figure, p.X, y+size*1.1, p.W, figure)
		}
	}
	return len(f.Pages)
}
