package roadmapview

import (
	"math"

	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// roadmapPage is one slide: a half year and the rows of it that it shows.
type roadmapPage struct {
	half, halves int
	rows         []roadmap.Row
	page, pages  int // within the half year
}

func halfYear(r roadmap.Roadmap, half int) (from, to int) {
	from = half * roadmapSlideMonths
	return from, min(from+roadmapSlideMonths, len(r.Months))
}

// roadmapSlack is the share of a slide's rows' room its pages are decided in:
// text measured at a smaller slide's scale is a little taller.
const roadmapSlack = 0.95

// roadmapPages are the slides of the whole roadmap, decided at 1920×1080
// (the slides scale): each half year with the rows that have something in
// it, over as few slides as read at the smallest size, the rows shared out
// so that the fullest slide is as little full as can be (a first slide
// full and a second half empty read as a fault).
func roadmapPages(r roadmap.Roadmap) []roadmapPage {
	halves := (len(r.Months) + roadmapSlideMonths - 1) / roadmapSlideMonths
	var out []roadmapPage
	for h := range halves {
		from, to := halfYear(r, h)
		var rows []roadmap.Row
		for _, row := range r.Rows {
			for _, cell := range row.Cells[from:to] {
				if len(cell) > 0 {
					rows = append(rows, row)
					break
				}
			}
		}
		memo := rowMemo{}
		cuts := balancedCuts(rows, func(rows []roadmap.Row) (float64, bool) {
			l, ok := measureRoadmapMemo(memo, r, from, to, rows, widgets.SlideSize, slidefit.MinSize, roadmapSlack)
			return float64(l.used / max(l.gridH, 1)), ok
		})
		for p := range len(cuts) - 1 {
			out = append(out, roadmapPage{half: h, halves: halves, rows: rows[cuts[p]:cuts[p+1]], page: p, pages: len(cuts) - 1})
		}
	}
	return out
}

// balancedCuts splits rows into the fewest runs that fit (a row that fits
// on no slide is a run of its own) and, among those splits, the one whose
// fullest run is the least full; fullness tells how full a run's slide is
// and whether it fits. The cuts are the runs' bounds, from 0 to len(rows).
func balancedCuts(rows []roadmap.Row, fullness func([]roadmap.Row) (float64, bool)) []int {
	n := len(rows)
	if n == 0 {
		return []int{0, 0}
	}
	cost := make([][]float64, n+1) // cost[i][j]: rows[i:j] on one slide, +Inf when it does not fit
	for i := range n {
		cost[i] = make([]float64, n+1)
		for j := i + 1; j <= n; j++ {
			cost[i][j] = math.Inf(1)
		}
		for j := i + 1; j <= n; j++ {
			full, ok := fullness(rows[i:j])
			if !ok && j > i+1 {
				break // more rows fit no better
			}
			cost[i][j] = full
		}
	}
	// fewest[j]: the fewest slides for rows[:j]; worst[j]: the least
	// fullest slide among those splits; from[j]: where its last run starts.
	fewest, worst, from := make([]int, n+1), make([]float64, n+1), make([]int, n+1)
	for j := 1; j <= n; j++ {
		fewest[j], worst[j] = math.MaxInt, math.Inf(1)
		for i := j - 1; i >= 0; i-- {
			if math.IsInf(cost[i][j], 1) || fewest[i] == math.MaxInt {
				continue
			}
			k, w := fewest[i]+1, max(worst[i], cost[i][j])
			if k < fewest[j] || (k == fewest[j] && w < worst[j]) {
				fewest[j], worst[j], from[j] = k, w, i
			}
		}
	}
	cuts := []int{n}
	for j := n; j > 0; j = from[j] {
		cuts = append([]int{from[j]}, cuts...)
	}
	return cuts
}

// rowMemo keeps the layout of each row (the same element of one slice of
// rows) at a label share and size, measured once however many candidate
// slides hold it.
type rowMemo map[rowMemoKey]rowFit

type rowMemoKey struct {
	row      *roadmap.Row
	share, s float32
}

// rowFit is a row laid out: its label, its months' cells and the height
// the fullest needs; ok is false when one does not fit.
type rowFit struct {
	label slidefit.Layout
	cells []slidefit.Layout
	need  float32
	ok    bool
}

// fit is the row's layout, from the memo or from measure (kept).
func (m rowMemo) fit(k rowMemoKey, measure func() rowFit) rowFit {
	if m == nil {
		return measure()
	}
	f, ok := m[k]
	if !ok {
		f = measure()
		m[k] = f
	}
	return f
}
