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

// roadmapLayout is a roadmap slide measured at one body type size.
type roadmapLayout struct {
	size, k, margin, gap, pad float32
	headH, gridW, labelW      float32
	colW, headRowH            float32
	rowHs                     []float32           // one per row: what its label or fullest month needs
	labels                    []slidefit.Layout   // one per row
	cells                     [][]slidefit.Layout // per row, per month shown
	legend                    slidefit.Layout     // the short forms shown, at the slide's foot
	legendH                   float32             // its room, with the gap above it
	used, gridH               float32             // the rows' heights before the room left is shared out, and that room
}

var roadmapLegendStyle = slidefit.Style{MaxLines: 2}

// roadmapLegendGap is the space above the legend at 1080p.
const roadmapLegendGap = 6

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
	return measureRoadmapMemo(nil, r, from, to, rows, slide, s1080, room)
}

// labelShares are the shares of a slide's width its row labels may take,
// the widest first: the narrower one leaves the months room for their
// entries.
var labelShares = []float32{0.3, 0.22}

// measureRoadmapMemo is measureRoadmap with each row's layout kept in memo
// (nil: none), for the pages that try the same rows over and over.
func measureRoadmapMemo(memo rowMemo, r roadmap.Roadmap, from, to int, rows []roadmap.Row, slide fyne.Size, s1080, room float32) (l roadmapLayout, ok bool) {
	for _, share := range labelShares {
		if l, ok = measureRoadmapWith(memo, r, from, to, rows, slide, s1080, share, room); ok {
			break
		}
	}
	return l, ok
}

func measureRoadmapWith(memo rowMemo, r roadmap.Roadmap, from, to int, rows []roadmap.Row, slide fyne.Size, s1080, share, room float32) (l roadmapLayout, ok bool) {
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
	if legend := abbreviations(rows, from, to); legend != "" {
		ls := s * 0.85
		l.legend = slidefit.Fit(legend, fyne.NewSize(l.gridW, 2*slidefit.LineHeight(ls, false)), ls, ls*0.75, roadmapLegendStyle)
		if !l.legend.Fits {
			return l, false
		}
		l.legendH = l.legend.Height(false) + roadmapLegendGap*k
		gridH -= l.legendH
	}
	// Each row is as tall as its label or its fullest month needs (four
	// lines at most), so rows of one-line entries leave room to one that
	// wraps, and the type grows until the fullest half year fills its slide.
	most := 4*lh + 2*(l.gap+l.pad)
	labelBox := slidefit.Inner(fyne.NewSize(l.labelW, most), l.gap, l.pad)
	cellBox := slidefit.Inner(fyne.NewSize(l.colW, most), l.gap, l.pad)
	cellStyle := slidefit.Style{MaxLines: max(int(cellBox.Height/slidefit.LineHeight(s*0.85, false)), 1), Align: fyne.TextAlignCenter}
	var used float32
	for i := range rows {
		row := &rows[i]
		f := memo.fit(rowMemoKey{row, share, s}, func() rowFit {
			lab := slidefit.Fit(row.Label, labelBox, s, s*0.75, roadmapLabelStyle)
			if !lab.Fits {
				return rowFit{}
			}
			f := rowFit{label: lab, need: lab.Height(true), ok: true}
			for c := from; c < to; c++ {
				cell := slidefit.Fit(shortTitles(row.Cells[c]), cellBox, s*0.85, s*0.85*0.75, cellStyle)
				if !cell.Fits {
					return rowFit{}
				}
				f.need = max(f.need, cell.Height(false))
				f.cells = append(f.cells, cell)
			}
			return f
		})
		if !f.ok {
			return l, false
		}
		l.labels = append(l.labels, f.label)
		l.cells = append(l.cells, f.cells)
		l.rowHs = append(l.rowHs, f.need+2*(l.gap+l.pad))
		used += f.need + 2*(l.gap+l.pad)
	}
	l.used, l.gridH = used, gridH
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
	return roadmapSlideUnder(r, pg, sub, size, roadmapDeckType(r, pages, size))
}

// roadmapType is the one body size (at 1080p) and label column share of a
// deck of roadmap slides, so that neither the type nor the months'
// columns move from half year to half year.
type roadmapType struct{ size, share float32 }

// roadmapDeckType is the largest size at which every row label and entry
// of every slide fits whole, with the wider label column when both fit
// at it.
func roadmapDeckType(r roadmap.Roadmap, pages []roadmapPage, size fyne.Size) roadmapType {
	var best roadmapType
	for _, share := range labelShares {
		s, _ := slidefit.Largest(slidefit.MinSize, slidefit.MaxSize*0.8, func(s float32) bool {
			for _, pg := range pages {
				from, to := halfYear(r, pg.half)
				if _, ok := measureRoadmapWith(nil, r, from, to, pg.rows, size, s, share, 1); !ok {
					return false
				}
			}
			return true
		})
		if s > best.size {
			best = roadmapType{s, share}
		}
	}
	return best
}

// roadmapSlideUnder draws a half year's rows, sub under the title, in the
// deck's type.
func roadmapSlideUnder(r roadmap.Roadmap, pg roadmapPage, sub string, size fyne.Size, t roadmapType) fyne.CanvasObject {
	from, to := halfYear(r, pg.half)
	l, _ := measureRoadmapWith(nil, r, from, to, pg.rows, size, t.size, t.share, 1)
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
	if len(l.legend.Lines) > 0 {
		legendBox := fyne.NewSize(l.gridW, l.legendH-roadmapLegendGap*k)
		put(slidefit.Label(l.legend, legendBox, roadmapLegendStyle, widgets.SlideInk), x0, size.Height-l.margin-legendBox.Height)
	}
	return container.NewWithoutLayout(objs...)
}
