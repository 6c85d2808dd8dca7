package matrixview

import (
	"fmt"
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// slideOptions choose what a matrix slide shows.
type slideOptions struct {
	title        string
	theme        int    // index into the matrix's themes; -1 for all
	page         int    // which of the view's slides (matrixPages)
	highlightRow string // sub-theme id, or ""
	highlightCol string // partner id, or ""
}

// outsideMark marks a sub-theme with practices from outside the network
// (a glyph every slide font has).
const outsideMark = "•"

// outsideNote explains the Outside column's mark.
const outsideNote = "•  Outside network: a good practice from a city outside the network"

// matrixHead is the title block of a matrix slide: its height does not
// depend on the texts, which take the largest size that fits one line.
type matrixHead struct {
	title, subtitle, legendH, height float32
}

func newMatrixHead(slide fyne.Size) matrixHead {
	k := slidefit.Scale(slide)
	h := matrixHead{title: 40 * k, subtitle: 26 * k, legendH: widgets.LegendWith(widgets.SlideInk, 1.5*k).MinSize().Height}
	h.height = slidefit.LineHeight(h.title, true) + slidefit.LineHeight(h.subtitle, false) + h.legendH + 16*k
	return h
}

// fittedView is a view of the matrix (one theme, or all) split into
// slides and fitted: the body size and rule its whole deck shares.
type fittedView struct {
	head   matrixHead
	pages  []matrixPage
	size   float32
	rule   fitRule
	shares []float32 // the sub-themes' column's share of the width (deckShares)
}

// fitView splits and fits a view (theme -1 for all) for a slide size.
func fitView(m *matrix.Matrix, theme int, slide fyne.Size) fittedView {
	views := fitDeckViews(m, theme, slide)
	if theme < 0 {
		return views[0]
	}
	return views[min(theme, len(views)-1)]
}

// fitDeckViews fits the views of the presentation a view belongs to,
// which share one type size: for one theme, every theme's view (the
// presenter steps from theme to theme; index them by theme); for all
// themes, its own view alone.
func fitDeckViews(m *matrix.Matrix, theme int, slide fyne.Size) []fittedView {
	head := newMatrixHead(slide)
	themes := []int{-1}
	if theme >= 0 && len(m.Themes) > 0 {
		themes = themes[:0]
		for th := range m.Themes {
			themes = append(themes, th)
		}
	}
	var views []fittedView
	var deck []matrixPage
	for _, th := range themes {
		v := fittedView{head: head, pages: matrixPages(m, th, head.height, slide)}
		views, deck = append(views, v), append(deck, v.pages...)
	}
	s, rule, shares := fitDeck(deck, head.height, slide)
	for i := range views {
		views[i].size, views[i].rule, views[i].shares = s, rule, shares
	}
	return views
}

// matrixSlides are all the slides of a view (one theme or all), in order.
func matrixSlides(m *matrix.Matrix, o slideOptions, size fyne.Size) []fyne.CanvasObject {
	v := fitView(m, o.theme, size)
	out := make([]fyne.CanvasObject, len(v.pages))
	for i := range v.pages {
		o.page = i
		out[i] = v.draw(o, size)
	}
	return out
}

// matrixSlide draws one slide of the matrix for a projector: large type,
// colour plus symbol, no editing chrome, every name whole. The same drawing
// makes the PNG export.
func matrixSlide(m *matrix.Matrix, o slideOptions, size fyne.Size) fyne.CanvasObject {
	return fitView(m, o.theme, size).draw(o, size)
}

// draw draws the view's slide o.page at the deck's body size and rule.
func (v fittedView) draw(o slideOptions, size fyne.Size) fyne.CanvasObject {
	o.page = min(max(o.page, 0), len(v.pages)-1)
	pages, head := v.pages, v.head
	page := pages[o.page]
	m := page.m
	l, _ := measureMatrixShares(page, head.height, size, v.size, v.rule, v.shares)
	k := l.k

	objs := []fyne.CanvasObject{canvas.NewRectangle(widgets.SlidePaper)}
	objs[0].Resize(size)
	put := func(o fyne.CanvasObject, x, y float32) {
		o.Move(fyne.NewPos(x, y))
		objs = append(objs, o)
	}
	oneLine := func(text string, most float32, bold bool, width float32) fyne.CanvasObject {
		st := slidefit.Style{Bold: bold}
		box := fyne.NewSize(width, slidefit.LineHeight(most, bold))
		s, _ := slidefit.Largest(slidefit.MinSize*k, most, func(s float32) bool { return slidefit.Fits(text, box, s, st) })
		return slidefit.Text(text, box, s, st, widgets.SlideInk)
	}
	sub := slideSubtitle(m, o.theme)
	if len(pages) > 1 {
		sub += fmt.Sprintf(" · slide %d of %d", o.page+1, len(pages))
	}
	y := l.margin
	put(oneLine(o.title, head.title, true, l.gridW), l.margin, y)
	y += slidefit.LineHeight(head.title, true)
	put(oneLine(sub, head.subtitle, false, l.gridW), l.margin, y)
	y += slidefit.LineHeight(head.subtitle, false)
	legend := widgets.LegendWith(widgets.SlideInk, 1.5*k)
	legend.Resize(legend.MinSize())
	put(legend, l.margin, y)
	noteW := l.gridW - legend.MinSize().Width - 16*k
	put(oneLine(outsideNote, 21*k, false, noteW), l.margin+legend.MinSize().Width+16*k, y+(head.legendH-slidefit.LineHeight(21*k, false))/2)

	x0, y0 := l.margin, l.margin+head.height
	cell := func(w, h float32, fill color.Color, content ...fyne.CanvasObject) fyne.CanvasObject {
		return slidefit.Cell(fyne.NewSize(w, h), l.gap, l.pad, fill, content...)
	}
	label := func(lay slidefit.Layout, w, h float32, st slidefit.Style) fyne.CanvasObject {
		return slidefit.Label(lay, slidefit.Inner(fyne.NewSize(w, h), l.gap, l.pad), st, widgets.SlideInk)
	}
	colX := func(c int) float32 { return x0 + l.headerW + float32(c)*l.colW }
	for c := range l.heads {
		fill := color.Color(color.Transparent)
		if c == len(page.partners) {
			fill = widgets.SlideBand
		}
		put(cell(l.colW, l.headRowH, fill, label(l.heads[c], l.colW, l.headRowH, headStyle)), colX(c), y0)
	}
	rowY := func(r int) float32 { return y0 + l.rowTop(page, r) }
	for r, dr := range page.rows {
		if dr.row == nil {
			put(cell(l.gridW, l.bandH, widgets.SlideBand, label(l.labels[r], l.gridW, l.bandH, bandStyle)), x0, rowY(r))
			continue
		}
		put(cell(l.headerW, l.rowH, color.Transparent, label(l.labels[r], l.headerW, l.rowH, rowStyle)), x0, rowY(r))
		for c, p := range page.partners {
			mc := m.Cell(p.ID, dr.row.SubTheme.ID)
			fill, ink := widgets.StateColours(mc.State)
			if ink == nil {
				ink, fill = widgets.SlideInk, color.Transparent
			}
			put(cell(l.colW, l.rowH, fill, l.cellContent(matrix.Symbol(mc.State), mc.Practices, ink)...), colX(c), rowY(r))
			if o.dimmed(p.ID, dr.row.SubTheme.ID) {
				dim := canvas.NewRectangle(widgets.SlideDim)
				dim.Resize(fyne.NewSize(l.colW, l.rowH))
				put(dim, colX(c), rowY(r))
			}
		}
		var outside fyne.CanvasObject = cell(l.colW, l.rowH, color.Transparent)
		if gps := m.Outside(dr.row.SubTheme.ID); len(gps) > 0 {
			outside = cell(l.colW, l.rowH, color.Transparent, l.cellContent(outsideMark, gps, widgets.SlideInk)...)
		}
		put(outside, colX(len(page.partners)), rowY(r))
	}
	for r := 0; r <= len(page.rows); r++ { // rules between rows
		line := canvas.NewLine(widgets.SlideRule)
		line.StrokeWidth = 1
		line.Resize(fyne.NewSize(l.gridW, 0))
		put(line, x0, rowY(r))
	}
	frame := func(x, y, w, h float32) {
		f := widgets.Frame()
		f.(*canvas.Rectangle).StrokeWidth = 5 * k // within the cells' gap and padding at every size
		f.Resize(fyne.NewSize(w, h))
		put(f, x, y)
	}
	for c, p := range page.partners {
		if p.ID != o.highlightCol {
			continue
		}
		// The column's frame runs from its heading down, broken at each
		// theme's band (which spans the grid) so it never crosses the band's text.
		top, bottom := y0, y0+l.headRowH
		for r, dr := range page.rows {
			if dr.row == nil {
				if bottom > top {
					frame(colX(c), top, l.colW, bottom-top)
				}
				top, bottom = rowY(r+1), rowY(r+1)
				continue
			}
			bottom = rowY(r + 1)
		}
		if bottom > top {
			frame(colX(c), top, l.colW, bottom-top)
		}
	}
	for r, dr := range page.rows {
		if dr.row != nil && dr.row.SubTheme.ID == o.highlightRow {
			frame(x0, rowY(r), l.gridW, l.rowH)
		}
	}
	if len(l.footer.entries) > 0 {
		put(l.footer.draw(widgets.SlideInk), x0, size.Height-l.margin-l.footer.height)
	}
	return container.NewWithoutLayout(objs...)
}

// cellContent is a cell's symbol with its practices below it: their
// names, or their numbers when the slide names them in its legend.
func (l matrixLayout) cellContent(symbol string, gps []data.GoodPractice, ink color.Color) []fyne.CanvasObject {
	inner := slidefit.Inner(fyne.NewSize(l.colW, l.rowH), l.gap, l.pad)
	if symbol == "" {
		return nil
	}
	symH := slidefit.LineHeight(l.symbol, true)
	sym := slidefit.Layout{Lines: []string{symbol}, Size: l.symbol, Fits: true}
	names, _ := l.practices(gps)
	if len(names.Lines) == 0 {
		return []fyne.CanvasObject{slidefit.Label(sym, inner, cellStyle, ink)}
	}
	st := notesStyle(fyne.NewSize(inner.Width, inner.Height-symH), l.notes)
	top := slidefit.Label(sym, fyne.NewSize(inner.Width, symH), cellStyle, ink)
	rest := slidefit.Label(names, fyne.NewSize(inner.Width, names.Height(false)), st, ink)
	gap := (inner.Height - symH - names.Height(false)) / 2
	top.Move(fyne.NewPos(0, gap))
	rest.Move(fyne.NewPos(0, gap+symH))
	return []fyne.CanvasObject{top, rest}
}

// dimmed tells whether a cell fades back because another row or column is highlighted.
func (o slideOptions) dimmed(partnerID, subThemeID string) bool {
	if o.highlightCol == "" && o.highlightRow == "" {
		return false
	}
	return partnerID != o.highlightCol && subThemeID != o.highlightRow
}

func slideRows(m *matrix.Matrix, themeIndex int) []displayRow {
	var rows []displayRow
	for i := range m.Rows {
		r := &m.Rows[i]
		if themeIndex >= 0 && (themeIndex >= len(m.Themes) || r.Theme.ID != m.Themes[themeIndex].ID) {
			continue
		}
		if len(rows) == 0 || rows[len(rows)-1].theme.ID != r.Theme.ID {
			rows = append(rows, displayRow{theme: r.Theme})
		}
		rows = append(rows, displayRow{theme: r.Theme, row: r})
	}
	return rows
}

func slideSubtitle(m *matrix.Matrix, themeIndex int) string {
	if themeIndex < 0 || themeIndex >= len(m.Themes) {
		return "Good practices and knowledge needs — all themes"
	}
	th := m.Themes[themeIndex]
	return "Good practices and knowledge needs — theme " + widgets.NumberedTitle(th.Number, th.Title)
}

// practiceNames lists a cell's practices, whole.
func practiceNames(gps []data.GoodPractice) string {
	names := ""
	for i, gp := range gps {
		if i > 0 {
			names += "; "
		}
		names += gp.Title
	}
	return names
}

// RenderMatrixPNG draws the whole matrix as 1920×1080 slides: one image,
// the slides one under the other when the matrix needs more than one.
func RenderMatrixPNG(m *matrix.Matrix, title string) image.Image {
	var imgs []image.Image
	for _, slide := range matrixSlides(m, slideOptions{title: title, theme: -1}, widgets.SlideSize) {
		imgs = append(imgs, widgets.RenderSlide(func() fyne.CanvasObject { return slide }))
	}
	return widgets.StackImages(imgs)
}
