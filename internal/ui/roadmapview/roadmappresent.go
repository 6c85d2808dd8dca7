package roadmapview

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// roadmapSlideMonths is how many months a roadmap slide shows: the half
// year a baseline study's roadmap table covers.
const roadmapSlideMonths = 6

// sectionFills tell the roadmap's sections apart on the projector (light
// tints of the Okabe–Ito palette, dark text stays readable on each).
var sectionFills = map[string]color.NRGBA{
	roadmap.SectionMeetings:   {0xCC, 0xE3, 0xF0, 0xFF},
	roadmap.SectionULG:        {0xD6, 0xEE, 0xE4, 0xFF},
	roadmap.SectionTesting:    {0xFA, 0xE8, 0xC8, 0xFF},
	roadmap.SectionPlan:       {0xF6, 0xF1, 0xC4, 0xFF},
	roadmap.SectionLeadExpert: {0xEC, 0xDC, 0xE8, 0xFF},
}

// Present shows the roadmap full screen, half a year per slide (a half
// year with more rows than a slide holds goes on over "continued" slides).
func (v *roadmapView) Present() {
	if len(v.r.Months) == 0 {
		v.sh.ShowMessage("Nothing to present", "The roadmap has no months yet: give the network or a meeting dates.")
		return
	}
	r := v.r
	pages := roadmapPages(r)
	v.sh.PresentSlides(len(pages), func(i int, size fyne.Size) fyne.CanvasObject { return roadmapSlide(r, pages, i, size) })
}

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

// roadmapPages are the slides of the whole roadmap, decided at 1920×1080
// (the slides scale): each half year with the rows that have something in
// it, shared out evenly over as few slides as read at the smallest size.
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
		fits := func(rows []roadmap.Row) bool {
			_, ok := measureRoadmap(r, from, to, rows, widgets.SlideSize, slidefit.MinSize, roadmapSlack)
			return ok
		}
		n := 1
		for n < len(rows) && !fitsEvenly(rows, n, fits) {
			n++
		}
		per := max((len(rows)+n-1)/n, 1)
		for p := 0; p == 0 || p*per < len(rows); p++ {
			out = append(out, roadmapPage{half: h, halves: halves, rows: rows[min(p*per, len(rows)):min((p+1)*per, len(rows))], page: p, pages: n})
		}
	}
	return out
}

// roadmapSlack is the share of a slide's rows' room its pages are decided in:
// text measured at a smaller slide's scale is a little taller.
const roadmapSlack = 0.95

func fitsEvenly(rows []roadmap.Row, n int, fits func([]roadmap.Row) bool) bool {
	per := (len(rows) + n - 1) / n
	for i := 0; i < len(rows); i += per {
		if !fits(rows[i:min(i+per, len(rows))]) {
			return false
		}
	}
	return true
}

// roadmapLayout is a roadmap slide measured at one body type size.
type roadmapLayout struct {
	size, k, margin, gap, pad float32
	headH, gridW, labelW      float32
	colW, headRowH            float32
	rowHs                     []float32           // one per row: what its label or fullest month needs
	labels                    []slidefit.Layout   // one per row
	cells                     [][]slidefit.Layout // per row, per month shown
}

var (
	roadmapLabelStyle = slidefit.Style{Bold: true, MaxLines: 3}
	roadmapMonthStyle = slidefit.Style{Bold: true, Align: fyne.TextAlignCenter}
)

// roadmapHeadH is the height of a roadmap slide's title and subtitle.
func roadmapHeadH(k float32) float32 {
	return slidefit.LineHeight(40*k, true) + slidefit.LineHeight(22*k, false) + 16*k
}

// measureRoadmap lays months [from, to) of rows out at body size s (at
// 1080p, scaled to the slide) in the share room of the slide's rows' room;
// ok is false when something does not fit.
func measureRoadmap(r roadmap.Roadmap, from, to int, rows []roadmap.Row, slide fyne.Size, s1080, room float32) (l roadmapLayout, ok bool) {
	// The labels' column takes the widest share at which the months still fit.
	for _, share := range []float32{0.3, 0.22} {
		if l, ok = measureRoadmapWith(r, from, to, rows, slide, s1080, share, room); ok {
			break
		}
	}
	return l, ok
}

func measureRoadmapWith(r roadmap.Roadmap, from, to int, rows []roadmap.Row, slide fyne.Size, s1080, share, room float32) (l roadmapLayout, ok bool) {
	k := slidefit.Scale(slide)
	s := s1080 * k
	l = roadmapLayout{size: s, k: k, margin: 36 * k, gap: 2 * k, pad: 2 * k, headH: roadmapHeadH(k)}
	l.gridW = slide.Width - 2*l.margin
	l.labelW = l.gridW * share
	l.colW = (l.gridW - l.labelW) / roadmapSlideMonths
	lh := slidefit.LineHeight(s, false)
	l.headRowH = slidefit.LineHeight(s, true) + 2*(l.gap+l.pad)
	month := slidefit.Inner(fyne.NewSize(l.colW, l.headRowH), l.gap, l.pad)
	for c := from; c < to; c++ {
		if !slidefit.Fits(r.Months[c].Format("Jan 2006"), month, s, roadmapMonthStyle) {
			return l, false
		}
	}
	gridH := slide.Height - 2*l.margin - l.headH - l.headRowH
	// Each row is as tall as its label or its fullest month needs (four
	// lines at most), so rows of one-line entries leave room to one that
	// wraps, and the type grows until the fullest half year fills its slide.
	most := 4*lh + 2*(l.gap+l.pad)
	labelBox := slidefit.Inner(fyne.NewSize(l.labelW, most), l.gap, l.pad)
	cellBox := slidefit.Inner(fyne.NewSize(l.colW, most), l.gap, l.pad)
	cellStyle := slidefit.Style{MaxLines: max(int(cellBox.Height/slidefit.LineHeight(s*0.85, false)), 1), Align: fyne.TextAlignCenter}
	var used float32
	for _, row := range rows {
		lab := slidefit.Fit(row.Label, labelBox, s, s*0.75, roadmapLabelStyle)
		if !lab.Fits {
			return l, false
		}
		need := lab.Height(true)
		l.labels = append(l.labels, lab)
		var cells []slidefit.Layout
		for c := from; c < to; c++ {
			cell := slidefit.Fit(shortTitles(row.Cells[c]), cellBox, s*0.85, s*0.85*0.75, cellStyle)
			if !cell.Fits {
				return l, false
			}
			need = max(need, cell.Height(false))
			cells = append(cells, cell)
		}
		l.cells = append(l.cells, cells)
		l.rowHs = append(l.rowHs, need+2*(l.gap+l.pad))
		used += need + 2*(l.gap+l.pad)
	}
	if used > gridH*room {
		return l, false
	}
	// The room left is shared out, at most a line a row: a half year of
	// few rows stays a table rather than bands of colour.
	extra := min((gridH-used)/float32(max(len(rows), 1)), lh)
	for i := range l.rowHs {
		l.rowHs[i] += extra
	}
	return l, true
}

// roadmapSlide draws a half year's rows for the presenter, saying under
// the title where the slide is (the keys are in the window's title, for
// the presenter only: shell.PresenterKeys).
func roadmapSlide(r roadmap.Roadmap, pages []roadmapPage, i int, size fyne.Size) fyne.CanvasObject {
	pg := pages[i]
	sub := fmt.Sprintf("%d / %d", pg.half+1, pg.halves)
	if pg.pages > 1 {
		sub = fmt.Sprintf("%d / %d, slide %d of %d", pg.half+1, pg.halves, pg.page+1, pg.pages)
	}
	return roadmapSlideUnder(r, pg, sub, size, roadmapDeckSize(r, pages, size))
}

// roadmapDeckSize is the one body size (at 1080p) of a deck of roadmap
// slides: the largest at which every row label and entry of every slide
// fits whole, so the type does not change from half year to half year.
func roadmapDeckSize(r roadmap.Roadmap, pages []roadmapPage, size fyne.Size) float32 {
	s, _ := slidefit.Largest(slidefit.MinSize, slidefit.MaxSize*0.8, func(s float32) bool {
		for _, pg := range pages {
			from, to := halfYear(r, pg.half)
			if _, ok := measureRoadmap(r, from, to, pg.rows, size, s, 1); !ok {
				return false
			}
		}
		return true
	})
	return s
}

// roadmapSlideUnder draws a half year's rows, sub under the title, at the
// deck's body size (1080p).
func roadmapSlideUnder(r roadmap.Roadmap, pg roadmapPage, sub string, size fyne.Size, size1080 float32) fyne.CanvasObject {
	from, to := halfYear(r, pg.half)
	l, _ := measureRoadmap(r, from, to, pg.rows, size, size1080, 1)
	k := l.k
	objs := []fyne.CanvasObject{widgets.Paper()}
	objs[0].Resize(size)
	put := func(o fyne.CanvasObject, x, y float32) {
		o.Move(fyne.NewPos(x, y))
		objs = append(objs, o)
	}
	title := fmt.Sprintf("Network roadmap · %s to %s", r.Months[from].Format("January 2006"), r.Months[to-1].Format("January 2006"))
	put(slidefit.Text(title, fyne.NewSize(l.gridW, slidefit.LineHeight(40*k, true)), 40*k, slidefit.Style{Bold: true}, widgets.SlideInk), l.margin, l.margin)
	put(slidefit.Text(sub, fyne.NewSize(l.gridW, slidefit.LineHeight(22*k, false)), 22*k, slidefit.Style{}, widgets.SlideInk), l.margin, l.margin+slidefit.LineHeight(40*k, true))
	x0, y0 := l.margin, l.margin+l.headH
	cell := func(w, h float32, fill color.Color, text slidefit.Layout, st slidefit.Style) fyne.CanvasObject {
		box := fyne.NewSize(w, h)
		return slidefit.Cell(box, l.gap, l.pad, fill, slidefit.Label(text, slidefit.Inner(box, l.gap, l.pad), st, widgets.SlideInk))
	}
	for c := from; c < to; c++ {
		month := slidefit.Layout{Lines: []string{r.Months[c].Format("Jan 2006")}, Size: l.size}
		put(cell(l.colW, l.headRowH, widgets.SlideBand, month, roadmapMonthStyle), x0+l.labelW+float32(c-from)*l.colW, y0)
	}
	if len(pg.rows) == 0 {
		put(slidefit.Text("Nothing is planned in these months.", fyne.NewSize(l.gridW, slidefit.LineHeight(28*k, false)), 28*k, slidefit.Style{}, widgets.SlideInk), x0, y0+l.headRowH+16*k)
	}
	y := y0 + l.headRowH
	for i, row := range pg.rows {
		rowH := l.rowHs[i]
		fill := sectionFills[row.Section]
		put(cell(l.labelW, rowH, fill, l.labels[i], roadmapLabelStyle), x0, y)
		for c := from; c < to; c++ {
			var bg color.Color = widgets.SlidePaper
			if len(row.Cells[c]) > 0 {
				bg = fill
			}
			st := slidefit.Style{MaxLines: len(l.cells[i][c-from].Lines), Align: fyne.TextAlignCenter}
			put(cell(l.colW, rowH, bg, l.cells[i][c-from], st), x0+l.labelW+float32(c-from)*l.colW, y)
		}
		y += rowH
	}
	return container.NewWithoutLayout(objs...)
}
