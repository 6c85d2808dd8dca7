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

// matrixSlides are all the slides of a view (one theme or all), in order.
func matrixSlides(m *matrix.Matrix, o slideOptions, size fyne.Size) []fyne.CanvasObject {
	head := newMatrixHead(size)
	pages := matrixPages(m, o.theme, head.height, size)
	out := make([]fyne.CanvasObject, len(pages))
	for i := range pages {
		o.page = i
		out[i] = drawMatrixPage(m, o, pages, head, size)
	}
	return out
}

// matrixSlide draws one slide of the matrix for a projector: large type,
// colour plus symbol, no editing chrome, every name whole. The same drawing
// makes the PNG export.
func matrixSlide(m *matrix.Matrix, o slideOptions, size fyne.Size) fyne.CanvasObject {
	head := newMatrixHead(size)
	pages := matrixPages(m, o.theme, head.height, size)
	o.page = min(max(o.page, 0), len(pages)-1)
	return drawMatrixPage(m, o, pages, head, size)
}

// drawMatrixPage draws pages[o.page].
func drawMatrixPage(m *matrix.Matrix, o slideOptions, pages []matrixPage, head matrixHead, size fyne.Size) fyne.CanvasObject {
	page := pages[o.page]
	l, _ := fitMatrix(page, head.height, size)
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
		s, _ := slidefit.Largest(12*k, most, func(s float32) bool { return slidefit.Fits(text, box, s, st) })
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
	rowY := func(r int) float32 { return y0 + l.headRowH + float32(r)*l.rowH }
	for r, dr := range page.rows {
		if dr.row == nil {
			put(cell(l.gridW, l.rowH, widgets.SlideBand, label(l.labels[r], l.gridW, l.rowH, bandStyle)), x0, rowY(r))
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
	for c, p := range page.partners {
		if p.ID == o.highlightCol {
			f := widgets.Frame()
			f.Resize(fyne.NewSize(l.colW, l.headRowH+float32(len(page.rows))*l.rowH))
			put(f, colX(c), y0)
		}
	}
	for r, dr := range page.rows {
		if dr.row != nil && dr.row.SubTheme.ID == o.highlightRow {
			f := widgets.Frame()
			f.Resize(fyne.NewSize(l.gridW, l.rowH))
			put(f, x0, rowY(r))
		}
	}
	if len(l.short) > 0 {
		box := fyne.NewSize(l.gridW, l.footH)
		put(slidefit.Label(l.footer, box, noteStyle, widgets.SlideInk), x0, size.Height-l.margin-l.footH)
	}
	return container.NewWithoutLayout(objs...)
}

// cellContent is a cell's symbol, with the names of its practices below it
// when they fit whole in the cell (they are left out rather than cut).
func (l matrixLayout) cellContent(symbol string, gps []data.GoodPractice, ink color.Color) []fyne.CanvasObject {
	inner := slidefit.Inner(fyne.NewSize(l.colW, l.rowH), l.gap, l.pad)
	if symbol == "" {
		return nil
	}
	symH := slidefit.LineHeight(l.symbol, true)
	sym := slidefit.Layout{Lines: []string{symbol}, Size: l.symbol, Fits: true}
	noteLH := slidefit.LineHeight(l.notes, false)
	if room := inner.Height - symH; len(gps) > 0 && room >= noteLH {
		st := slidefit.Style{MaxLines: int(room / noteLH), Align: fyne.TextAlignCenter}
		names := slidefit.Fit(practiceNames(gps), fyne.NewSize(inner.Width, room), l.notes, l.notes*0.75, st)
		if names.Fits {
			top := slidefit.Label(sym, fyne.NewSize(inner.Width, symH), cellStyle, ink)
			rest := slidefit.Label(names, fyne.NewSize(inner.Width, names.Height(false)), st, ink)
			gap := (inner.Height - symH - names.Height(false)) / 2
			top.Move(fyne.NewPos(0, gap))
			rest.Move(fyne.NewPos(0, gap+symH))
			return []fyne.CanvasObject{top, rest}
		}
	}
	return []fyne.CanvasObject{slidefit.Label(sym, inner, cellStyle, ink)}
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
