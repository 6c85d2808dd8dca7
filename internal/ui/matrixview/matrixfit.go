package matrixview

import (
	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// matrixPage is the part of the matrix one slide shows.
type matrixPage struct {
	m         *matrix.Matrix
	rows      []displayRow
	partners  []data.Partner
	first     int  // index of partners[0] in the matrix: column numbers count from it
	continued bool // the first theme began on the slide before
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
	cellStyle = slidefit.Style{Bold: true, Align: fyne.TextAlignCenter}
)

// matrixLayout is a matrix page measured for a slide size at one type size.
type matrixLayout struct {
	size, k          float32 // the body's type size; the slide's scale
	rule             fitRule
	margin, gap, pad float32
	headH            float32 // title, subtitle and legends
	gridW, gridH     float32
	headerW, colW    float32
	heads            []slidefit.Layout // one per partner, then the Outside column
	footer           matrixLegend      // the legend: short headings and numbered practices in full, in columns
	footH            float32
	headRowH, rowH   float32           // the headings' row; each sub-theme's row
	bandH            float32           // each theme's band: as tall as its title, no taller
	labels           []slidefit.Layout // one per row
	symbol           float32           // type size of the cells' symbols
	notes            float32           // type size of practice names (or numbers) in cells and of the legend
	refs             map[string]int    // practice id → its number on the slide, when rule.refs
}

// fitRule is how far a layout may go to fit: the first rule that fits
// wins, so the type shrinks for one long word, practices are numbered
// (their names in the legend) and a column takes its short name, only
// when the slide cannot be read otherwise.
type fitRule struct {
	shrink float32 // how small a label with a word too long for its line may get, of the slide's size
	refs   bool    // whether cells number their practices instead of naming them
	short  bool    // whether the partners' short names head their columns
}

var (
	strictRule = fitRule{shrink: 1}
	wordRule   = fitRule{shrink: 0.75}
	refsRule   = fitRule{shrink: 0.75, refs: true}
	shortRule  = fitRule{shrink: 0.75, refs: true, short: true}
	fitRules   = []fitRule{strictRule, wordRule, refsRule, shortRule}
)

// measureMatrix lays a page out at body size s; ok is false when a label
// does not fit at that size.
func measureMatrix(page matrixPage, headH float32, slide fyne.Size, s float32, rule fitRule) (l matrixLayout, ok bool) {
	return measureMatrixShares(page, headH, slide, s, rule, headerShares)
}

// headerShares are the shares of the slide's width the sub-themes' column
// may take, widest first.
var headerShares = []float32{0.44, 0.36, 0.28}

// measureMatrixShares is measureMatrix with the sub-themes' column taking
// one of shares.
func measureMatrixShares(page matrixPage, headH float32, slide fyne.Size, s float32, rule fitRule, shares []float32) (l matrixLayout, ok bool) {
	// The sub-themes' column takes what the partners' columns leave: the
	// widest share at which the headings fit with no word shrunk, else
	// the widest at which they fit by the rule.
	for _, shrink := range []float32{1, rule.shrink} {
		r := rule
		r.shrink = shrink
		for _, share := range shares {
			if l, ok = measureMatrixWith(page, headH, slide, s, share, r); ok {
				return l, ok
			}
		}
	}
	return l, false
}

func measureMatrixWith(page matrixPage, headH float32, slide fyne.Size, s, share float32, rule fitRule) (l matrixLayout, ok bool) {
	floor := s * rule.shrink
	k := slidefit.Scale(slide)
	l = matrixLayout{size: s, k: k, rule: rule, margin: 36 * k, gap: 3 * k, pad: 2 * k, headH: headH}
	// Practice names are content: never smaller than the body's minimum.
	l.notes = min(max(s*0.75, slidefit.MinSize*k), s)
	l.gridW = slide.Width - 2*l.margin
	l.headerW = l.gridW * share
	l.colW = (l.gridW - l.headerW) / float32(len(page.partners)+1)
	lh := slidefit.LineHeight(s, true)
	headBox := slidefit.Inner(fyne.NewSize(l.colW, 3*lh+2*(l.gap+l.pad)), l.gap, l.pad)
	lines := 1
	var shorts []string
	if rule.short {
		shorts = shortNames(page.partners, page.first)
	}
	for i, p := range page.partners {
		name := p.Name
		if rule.short {
			name = shorts[i]
		}
		h := slidefit.Fit(name, headBox, s, floor, headStyle)
		if !h.Fits {
			return l, false
		}
		l.heads = append(l.heads, h)
	}
	out := slidefit.Fit(outsideHeading, headBox, s, floor, headStyle)
	if !out.Fits {
		return l, false
	}
	l.heads = append(l.heads, out)
	// One size for every heading: when a long word made one smaller, all are.
	names := append(append([]string(nil), shorts...), outsideHeading)
	if !rule.short {
		names = names[:0]
		for _, p := range page.partners {
			names = append(names, p.Name)
		}
		names = append(names, outsideHeading)
	}
	l.heads = slidefit.Uniform(l.heads, names, headBox, headStyle)
	for _, h := range l.heads {
		lines = max(lines, len(h.Lines))
	}
	var order []data.GoodPractice
	if rule.refs {
		l.refs, order = practiceRefs(page)
	}
	if entries := legendEntries(shorts, page.partners, order, l.refs); len(entries) > 0 {
		if l.footer, ok = layoutLegend(entries, l.gridW, slide.Height/3, l.notes, 24*k); !ok {
			return l, false
		}
		l.footH = l.footer.height + 16*k // clear of the highlight frame's stroke (5k) round the grid's last row
	}
	l.headRowH = float32(lines)*lh + 2*(l.gap+l.pad)
	l.gridH = slide.Height - 2*l.margin - headH - l.footH
	// A theme's band is as tall as its title; the sub-themes' rows share
	// the rest at first, and tighten to their content once it is laid out.
	bandBox := slidefit.Inner(fyne.NewSize(l.gridW, 2*lh+2*(l.gap+l.pad)), l.gap, l.pad)
	bands, subs := 0, 0
	for i, dr := range page.rows {
		if dr.row != nil {
			subs++
			continue
		}
		lab := slidefit.Fit(bandText(dr.theme, i == 0 && page.continued), bandBox, s, floor, bandStyle)
		if !lab.Fits {
			return l, false
		}
		bands++
		l.bandH = max(l.bandH, lab.Height(true)+2*(l.gap+l.pad))
	}
	l.rowH = (l.gridH - l.headRowH - float32(bands)*l.bandH) / float32(max(subs, 1))
	labelBox := slidefit.Inner(fyne.NewSize(l.headerW, l.rowH), l.gap, l.pad)
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
	l.uniformLabels(page, labelBox)
	// The symbols are as large as the body type allows and the cell holds
	// with a line of practices below them.
	cell := slidefit.Inner(fyne.NewSize(l.colW, l.rowH), l.gap, l.pad)
	widest := matrix.Symbol(matrix.GoodPracticeAndKN)
	noteLH := slidefit.LineHeight(l.notes, false)
	if l.symbol, ok = slidefit.Largest(s*0.6, s*1.3, func(size float32) bool {
		m := slidefit.Measure(widest, size, true)
		return m.Width <= cell.Width && m.Height+noteLH <= cell.Height
	}); !ok {
		return l, false
	}
	if !l.practicesFit(page) {
		return l, false
	}
	l.tighten(page)
	return l, true
}

// tighten gives the sub-themes' rows the height their tallest content
// needs, with half a line of air. The type is the deck's (its fullest
// slide sets it), so a theme of few rows leaves the foot of its slide
// empty rather than stretching its rows into bands of colour.
func (l *matrixLayout) tighten(page matrixPage) {
	symbolLH := slidefit.LineHeight(l.symbol, true)
	need := symbolLH + slidefit.LineHeight(l.notes, false) // what the symbol's size was chosen for
	for i, dr := range page.rows {
		if dr.row == nil {
			continue
		}
		need = max(need, l.labels[i].Height(false))
		for _, gps := range page.cells(dr) {
			if names, ok := l.practices(gps); ok && len(gps) > 0 {
				need = max(need, symbolLH+names.Height(false))
			}
		}
	}
	tight := need + 2*(l.gap+l.pad) + slidefit.LineHeight(l.size, false)/2
	if tight >= l.rowH {
		return
	}
	shared := l.rowH
	if l.rowH = tight; !l.practicesFit(page) {
		l.rowH = shared
	}
}

// rowTop is where row r of the page begins below the headings' row (r
// may be len(rows): the grid's end).
func (l matrixLayout) rowTop(page matrixPage, r int) float32 {
	y := l.headRowH
	for _, dr := range page.rows[:r] {
		y += l.height(dr)
	}
	return y
}

// height is a row's height: a band's or a sub-theme's.
func (l matrixLayout) height(dr displayRow) float32 {
	if dr.row == nil {
		return l.bandH
	}
	return l.rowH
}

// uniformLabels gives the sub-themes' labels one size, as the headings.
func (l *matrixLayout) uniformLabels(page matrixPage, box fyne.Size) {
	var idx []int
	var ls []slidefit.Layout
	var texts []string
	for i, dr := range page.rows {
		if dr.row != nil {
			idx, ls = append(idx, i), append(ls, l.labels[i])
			texts = append(texts, widgets.NumberedTitle(dr.row.SubTheme.Number, dr.row.SubTheme.Title))
		}
	}
	for j, lab := range slidefit.Uniform(ls, texts, box, rowStyle) {
		l.labels[idx[j]] = lab
	}
}

// practicesFit tells whether every cell's practices (names, or numbers
// under the refs rule) fit below its symbol.
func (l matrixLayout) practicesFit(page matrixPage) bool {
	for _, dr := range page.rows {
		if dr.row == nil {
			continue
		}
		for _, gps := range page.cells(dr) {
			if _, ok := l.practices(gps); !ok {
				return false
			}
		}
	}
	return true
}

// cells are the practices of a sub-theme's row, partner by partner, then
// from outside the network.
func (page matrixPage) cells(dr displayRow) [][]data.GoodPractice {
	var out [][]data.GoodPractice
	for _, p := range page.partners {
		out = append(out, page.m.Cell(p.ID, dr.row.SubTheme.ID).Practices)
	}
	return append(out, page.m.Outside(dr.row.SubTheme.ID))
}

// practices lays a cell's practices out below its symbol: their names
// whole, or their numbers; ok is false when they do not fit.
func (l matrixLayout) practices(gps []data.GoodPractice) (slidefit.Layout, bool) {
	if len(gps) == 0 {
		return slidefit.Layout{Fits: true}, true
	}
	inner := slidefit.Inner(fyne.NewSize(l.colW, l.rowH), l.gap, l.pad)
	room := fyne.NewSize(inner.Width, inner.Height-slidefit.LineHeight(l.symbol, true))
	st := notesStyle(room, l.notes)
	text := practiceNames(gps)
	if l.rule.refs {
		text = refText(gps, l.refs)
	}
	names := slidefit.Fit(text, room, l.notes, l.notes, st)
	return names, names.Fits
}

// notesStyle is the style of a cell's practices: as many lines as the room below the symbol holds.
func notesStyle(room fyne.Size, size float32) slidefit.Style {
	return slidefit.Style{MaxLines: max(int(room.Height/slidefit.LineHeight(size, false)), 1), Align: fyne.TextAlignCenter}
}

// fitDeck finds the rule, the one body size and the one width of the
// sub-themes' column at which every page of a deck (the slides of one
// view) fits: the strictest rule that fits them all, at the largest size
// it allows, so the type does not change from slide to slide and the
// partners' columns stand in one place on every slide (a reviewer saw
// them jump between the two slides of all the themes).
func fitDeck(deck []matrixPage, headH float32, slide fyne.Size) (float32, fitRule, []float32) {
	k := slidefit.Scale(slide)
	for _, rule := range fitRules {
		var shares []float32 // of the last size that fitted, which Largest returns
		size, ok := slidefit.Largest(slidefit.MinSize*k, slidefit.MaxSize*k, func(s float32) bool {
			found := deckShares(deck, headH, slide, s, rule)
			if found != nil {
				shares = found
			}
			return found != nil
		})
		if ok {
			return size, rule, shares
		}
	}
	return slidefit.MinSize * k, shortRule, headerShares
}

// deckShares is the one share of the sub-themes' column, the widest, at
// which every page of a deck fits at body size s by rule; nil when none.
func deckShares(deck []matrixPage, headH float32, slide fyne.Size, s float32, rule fitRule) []float32 {
	for i := range headerShares {
		one := headerShares[i : i+1]
		all := true
		for _, p := range deck {
			if _, ok := measureMatrixShares(p, headH, slide, s, rule, one); !ok {
				all = false
				break
			}
		}
		if all {
			return one
		}
	}
	return nil
}

// matrixPages splits a view of the matrix (one theme, or all of them for
// theme -1) into the slides it needs: all on one when it fits at a
// readable size, else theme by theme (a theme too long for a slide goes on
// over "continued" slides), and the partners over several slides when
// their columns are too narrow for even their short names.
func matrixPages(m *matrix.Matrix, theme int, headH float32, slide fyne.Size) []matrixPage {
	rows := slideRows(m, theme)
	if len(rows) == 0 {
		return []matrixPage{{m: m, partners: m.Partners}}
	}
	groups := partnerGroups(m, rows, headH, slide)
	fits := func(p matrixPage) bool {
		p.m, p.partners = m, groups[0].partners
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
			rp.m, rp.partners, rp.first = m, g.partners, g.first
			pages = append(pages, rp)
		}
	}
	return pages
}

// partnerGroups splits the partners into the fewest equal groups whose
// column headings fit (judged with the view's first sub-theme alone).
func partnerGroups(m *matrix.Matrix, rows []displayRow, headH float32, slide fyne.Size) []matrixPage {
	ps := m.Partners
	probe := rows[:min(2, len(rows))]
	var groups []matrixPage
	for n := 1; n <= max(len(ps), 1); n++ {
		per := max((len(ps)+n-1)/n, 1)
		groups = nil
		for i := 0; i < len(ps); i += per {
			groups = append(groups, matrixPage{m: m, partners: ps[i:min(i+per, len(ps))], first: i})
		}
		if len(groups) == 0 {
			return []matrixPage{{}}
		}
		if _, ok := measureMatrix(matrixPage{m: m, rows: probe, partners: groups[0].partners}, headH, slide, slidefit.MinSize*slidefit.Scale(slide), shortRule); ok {
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
