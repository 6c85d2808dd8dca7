package matrixview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// matrixPage is the part of the matrix one slide shows.
type matrixPage struct {
	rows      []displayRow
	partners  []data.Partner
	first     int  // index of partners[0] in the matrix: column numbers count from it
	continued bool // the first theme began on the slide before
}

// shortName is what heads a partner's column when the full name does not
// fit: the short name the user gave, else the column's number (both
// explained in the slide's legend).
func shortName(p data.Partner, column int) string {
	if p.ShortName != "" {
		return p.ShortName
	}
	return fmt.Sprint(column + 1)
}

// bandText is a theme's band, saying when it goes on from the slide before.
func bandText(th data.Theme, continued bool) string {
	if continued {
		return widgets.NumberedTitle(th.Number, th.Title) + " (continued)"
	}
	return widgets.NumberedTitle(th.Number, th.Title)
}

// outsideHeading heads the column of practices from outside the network.
const outsideHeading = "Outside network"

// Styles of the matrix slide's labels.
var (
	headStyle = slidefit.Style{Bold: true, MaxLines: 3, Align: fyne.TextAlignCenter}
	rowStyle  = slidefit.Style{MaxLines: 3}
	bandStyle = slidefit.Style{Bold: true, MaxLines: 2}
	noteStyle = slidefit.Style{MaxLines: 3}
	cellStyle = slidefit.Style{Bold: true, Align: fyne.TextAlignCenter}
)

// matrixLayout is a matrix page measured for a slide size at one type size.
type matrixLayout struct {
	size, k          float32 // the body's type size; the slide's scale
	margin, gap, pad float32
	headH            float32 // title, subtitle and legends
	gridW, gridH     float32
	headerW, colW    float32
	heads            []slidefit.Layout // one per partner, then the Outside column
	short            []string          // "short = full name" for each column headed by a short name
	footer           slidefit.Layout   // "short = full name" for them
	footH            float32
	headRowH, rowH   float32
	labels           []slidefit.Layout // one per row
	symbol           float32           // type size of the cells' symbols
	notes            float32           // type size of practice names in cells
}

// measureMatrix lays a page out at body size s; ok is false when a label
// does not fit at that size.
// fitRule is how far a layout may go to fit: the first rule that fits
// wins, so the type shrinks for one long word, and a column takes its
// short name, only when the slide cannot be read otherwise.
type fitRule struct {
	shrink float32 // how small a label with a word too long for its line may get, of the slide's size
	short  bool    // whether a partner's short name (or number) may head its column
}

var (
	strictRule = fitRule{shrink: 1}
	wordRule   = fitRule{shrink: 0.75}
	shortRule  = fitRule{shrink: 0.75, short: true}
)

func measureMatrix(page matrixPage, headH float32, slide fyne.Size, s float32, rule fitRule) (l matrixLayout, ok bool) {
	// The sub-themes' column takes what the partners' columns leave: the
	// widest share at which the headings still fit.
	for _, share := range []float32{0.44, 0.36, 0.28} {
		if l, ok = measureMatrixWith(page, headH, slide, s, share, rule); ok {
			return l, ok
		}
	}
	return l, false
}

func measureMatrixWith(page matrixPage, headH float32, slide fyne.Size, s, share float32, rule fitRule) (l matrixLayout, ok bool) {
	floor := s * rule.shrink
	k := slidefit.Scale(slide)
	l = matrixLayout{size: s, k: k, margin: 36 * k, gap: 3 * k, pad: 2 * k, headH: headH}
	l.gridW = slide.Width - 2*l.margin
	l.headerW = l.gridW * share
	l.colW = (l.gridW - l.headerW) / float32(len(page.partners)+1)
	lh := slidefit.LineHeight(s, true)
	headBox := slidefit.Inner(fyne.NewSize(l.colW, 3*lh+2*(l.gap+l.pad)), l.gap, l.pad)
	lines := 1
	for i, p := range page.partners {
		h := slidefit.Fit(p.Name, headBox, s, floor, headStyle)
		if !h.Fits && rule.short {
			short := shortName(p, page.first+i)
			h = slidefit.Fit(short, headBox, s, floor, headStyle)
			l.short = append(l.short, short+" = "+p.Name)
		}
		if !h.Fits {
			return l, false
		}
		l.heads = append(l.heads, h)
		lines = max(lines, len(h.Lines))
	}
	out := slidefit.Fit(outsideHeading, headBox, s, floor, headStyle)
	if !out.Fits {
		return l, false
	}
	l.heads = append(l.heads, out)
	lines = max(lines, len(out.Lines))
	if len(l.short) > 0 {
		l.footer = slidefit.Fit(strings.Join(l.short, "  ·  "), fyne.NewSize(l.gridW, slide.Height/4), s*0.8, s*0.6, noteStyle)
		if !l.footer.Fits {
			return l, false
		}
		l.footH = l.footer.Height(false) + 8*k
	}
	l.headRowH = float32(lines)*lh + 2*(l.gap+l.pad)
	l.gridH = slide.Height - 2*l.margin - headH - l.footH
	// Rows share the height, but no row is taller than three lines: a short
	// table stays a table instead of bands of colour.
	l.rowH = min((l.gridH-l.headRowH)/float32(len(page.rows)), 3*slidefit.LineHeight(s, false)+2*(l.gap+l.pad))
	labelBox := slidefit.Inner(fyne.NewSize(l.headerW, l.rowH), l.gap, l.pad)
	bandBox := slidefit.Inner(fyne.NewSize(l.gridW, l.rowH), l.gap, l.pad)
	for i, dr := range page.rows {
		var lab slidefit.Layout
		if dr.row == nil {
			lab = slidefit.Fit(bandText(dr.theme, i == 0 && page.continued), bandBox, s, floor, bandStyle)
		} else {
			lab = slidefit.Fit(widgets.NumberedTitle(dr.row.SubTheme.Number, dr.row.SubTheme.Title), labelBox, s, floor, rowStyle)
		}
		if !lab.Fits {
			return l, false
		}
		l.labels = append(l.labels, lab)
	}
	// The symbols are as large as the body type allows and the cell holds.
	cell := slidefit.Inner(fyne.NewSize(l.colW, l.rowH), l.gap, l.pad)
	widest := matrix.Symbol(matrix.GoodPracticeAndKN)
	l.symbol, ok = slidefit.Largest(s*0.6, s*1.3, func(size float32) bool {
		m := slidefit.Measure(widest, size, true)
		return m.Width <= cell.Width && m.Height <= cell.Height
	})
	l.notes = max(s*0.6, 12*k)
	return l, ok
}

// fitMatrix finds the largest body size at which the page fits the
// slide, by the strictest rule that fits.
func fitMatrix(page matrixPage, headH float32, slide fyne.Size) (matrixLayout, bool) {
	k := slidefit.Scale(slide)
	var l matrixLayout
	for _, rule := range []fitRule{strictRule, wordRule, shortRule} {
		size, ok := slidefit.Largest(slidefit.MinSize*k, slidefit.MaxSize*k, func(s float32) bool {
			_, fits := measureMatrix(page, headH, slide, s, rule)
			return fits
		})
		if l, _ = measureMatrix(page, headH, slide, size, rule); ok {
			return l, true
		}
	}
	return l, false
}

// matrixPages splits a view of the matrix (one theme, or all of them for
// theme -1) into the slides it needs: all on one when it fits at a
// readable size, else theme by theme (a theme too long for a slide goes on
// over "continued" slides), and the partners over several slides when
// their columns are too narrow for even their short names.
func matrixPages(m *matrix.Matrix, theme int, headH float32, slide fyne.Size) []matrixPage {
	rows := slideRows(m, theme)
	if len(rows) == 0 {
		return []matrixPage{{partners: m.Partners}}
	}
	groups := partnerGroups(m.Partners, rows, headH, slide)
	fits := func(p matrixPage) bool {
		p.partners = groups[0].partners
		_, ok := measureMatrix(p, headH, slide, slidefit.MinSize*slidefit.Scale(slide), shortRule)
		return ok
	}
	rowPages := []matrixPage{{rows: rows}}
	if !fits(rowPages[0]) {
		rowPages = splitRows(themeBlocks(rows), fits)
	}
	var pages []matrixPage
	for _, g := range groups {
		for _, rp := range rowPages {
			rp.partners, rp.first = g.partners, g.first
			pages = append(pages, rp)
		}
	}
	return pages
}

// partnerGroups splits the partners into the fewest equal groups whose
// column headings fit (judged with the view's first sub-theme alone).
func partnerGroups(ps []data.Partner, rows []displayRow, headH float32, slide fyne.Size) []matrixPage {
	probe := rows[:min(2, len(rows))]
	var groups []matrixPage
	for n := 1; n <= max(len(ps), 1); n++ {
		per := max((len(ps)+n-1)/n, 1)
		groups = nil
		for i := 0; i < len(ps); i += per {
			groups = append(groups, matrixPage{partners: ps[i:min(i+per, len(ps))], first: i})
		}
		if len(groups) == 0 {
			return []matrixPage{{}}
		}
		if _, ok := measureMatrix(matrixPage{rows: probe, partners: groups[0].partners}, headH, slide, slidefit.MinSize*slidefit.Scale(slide), shortRule); ok {
			break
		}
	}
	return groups
}

// themeBlocks cuts display rows into themes, each starting with its band.
func themeBlocks(rows []displayRow) [][]displayRow {
	var blocks [][]displayRow
	for _, r := range rows {
		if r.row == nil {
			blocks = append(blocks, nil)
		}
		blocks[len(blocks)-1] = append(blocks[len(blocks)-1], r)
	}
	return blocks
}

// splitRows packs whole themes on slides while they fit; a theme that does
// not fit a slide alone is spread over several, its band repeated.
func splitRows(blocks [][]displayRow, fits func(matrixPage) bool) []matrixPage {
	var pages []matrixPage
	var cur matrixPage
	for _, b := range blocks {
		next := cur
		if next.rows = append(cur.rows[:len(cur.rows):len(cur.rows)], b...); fits(next) {
			cur = next
			continue
		}
		if len(cur.rows) > 0 {
			pages = append(pages, cur)
		}
		spread := spreadTheme(b, fits)
		pages = append(pages, spread[:len(spread)-1]...)
		cur = spread[len(spread)-1]
	}
	if len(cur.rows) > 0 {
		pages = append(pages, cur)
	}
	return pages
}

// spreadTheme puts a theme on one slide when it fits, else spreads it over
// as few slides as it needs, its sub-themes shared out evenly, the band repeated.
func spreadTheme(b []displayRow, fits func(matrixPage) bool) []matrixPage {
	band, subs := b[0], b[1:]
	page := func(from, to int) matrixPage {
		return matrixPage{rows: append([]displayRow{band}, subs[from:to]...), continued: from > 0}
	}
	for n := 1; n <= len(subs); n++ {
		per := (len(subs) + n - 1) / n
		var pages []matrixPage
		ok := true
		for from := 0; from < len(subs) && ok; from += per {
			p := page(from, min(from+per, len(subs)))
			ok = fits(p) || per == 1
			pages = append(pages, p)
		}
		if ok {
			return pages
		}
	}
	return []matrixPage{page(0, len(subs))}
}
