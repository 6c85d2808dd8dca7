package doc

import (
	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
)

// Table text sizes in points: 9 pt reads well on paper; the matrix's 17
// columns on a landscape page still leave each partner column only
// ~14 mm, so dense tables (10 columns or more) start smaller; either
// shrinks until every column's longest word fits.
const (
	tableSize     = 9.0
	wideTableSize = 7.5
	minTableSize  = 6.0
)

// pdfTable is a table laid out for the page width it is drawn on.
type pdfTable struct {
	widths      []float64
	size, lineH float64
	pad         float64
	header      []Cell
	headerH     float64
}

func (r *pdfRender) table(t Table) {
	n := columns(t)
	if n == 0 {
		return
	}
	lt := r.layoutTable(t)
	firstH := 0.0
	if len(t.Rows) > 0 {
		firstH = r.rowHeight(lt, t.Rows[0])
	}
	r.space(2)
	// The caption, the header and the first row go on one page.
	r.room(captionLine + lt.headerH + firstH)
	if c := clean(t.Caption); c != "" {
		r.flow([]Run{{Text: c, Bold: true}}, r.left(), r.width(), 9, captionLine, inkBlack)
		r.space(1)
	}
	r.row(lt, lt.header)
	legendH := r.legendHeight(t.Legend)
	for i, cells := range t.Rows {
		need := r.rowHeight(lt, cells)
		if i == len(t.Rows)-1 {
			need += legendH // the legend stays with the table's last row
		}
		if r.pdf.GetY()+need > r.bottom() && r.pdf.GetY() > pdfMargin+lt.headerH+0.01 {
			r.newPage = true
			r.room(0)
			r.row(lt, lt.header) // the header again on each page
		}
		r.row(lt, cells)
	}
	r.legend(t.Legend)
	r.space(4)
}

// captionLine is the height of a table's caption line.
const captionLine = 9 * ptToMM * 1.45

// tableStart is the height a table needs on the page it starts on: its
// caption, header and first row.
func (r *pdfRender) tableStart(t Table) float64 {
	if columns(t) == 0 {
		return 0
	}
	lt := r.layoutTable(t)
	h := 2 + captionLine + lt.headerH
	if len(t.Rows) > 0 {
		h += r.rowHeight(lt, t.Rows[0])
	}
	return h
}

// layoutTable shares the width out and picks the largest text size at
// which no column has to cut a word.
func (r *pdfRender) layoutTable(t Table) *pdfTable {
	n := columns(t)
	lt := &pdfTable{size: tableSize, pad: r.pdf.GetCellMargin()}
	if isDense(t) {
		lt.size = wideTableSize
	}
	for i := range n {
		lt.header = append(lt.header, Cell{Text: headerAt(t, i), Fill: fillHeader, Bold: true})
	}
	// The largest size at which every column holds its longest word.
	for ; ; lt.size -= 0.5 {
		width := func(text string, bold bool) float64 {
			r.cellFont(lt, Cell{Bold: bold})
			return r.pdf.GetStringWidth(text)
		}
		var fits bool
		lt.widths, fits = columnWidths(t, r.width(), 2*lt.pad+0.3, width)
		if fits || lt.size <= minTableSize {
			break
		}
	}
	lt.lineH = lt.size * ptToMM * 1.3
	lt.headerH = r.rowHeight(lt, lt.header)
	return lt
}

func (r *pdfRender) cellFont(lt *pdfTable, c Cell) {
	style := ""
	if c.Bold {
		style = "B"
	}
	r.pdf.SetFont(pdfdoc.Body, style, lt.size)
}

// cellLine is one line of a cell, in bold or not.
type cellLine struct {
	text string
	bold bool
}

// cellLines wraps a cell's text, then its note in regular type, to its
// column. A cell taller than a page is cut, with an ellipsis, to what
// one page holds under the header.
func (r *pdfRender) cellLines(lt *pdfTable, c Cell, width float64) []cellLine {
	var lines []cellLine
	r.cellFont(lt, c)
	for _, l := range pdfdoc.SplitText(r.pdf, clean(c.Text), width) {
		lines = append(lines, cellLine{l, c.Bold})
	}
	if note := clean(c.Note); note != "" {
		r.cellFont(lt, Cell{})
		for _, l := range pdfdoc.SplitText(r.pdf, note, width) {
			lines = append(lines, cellLine{l, false})
		}
	}
	maxLines := int((r.bottom() - pdfMargin - lt.headerH - 2*lt.pad) / lt.lineH)
	if lt.headerH == 0 { // sizing the header itself
		maxLines = int((r.bottom() - pdfMargin) / 2 / lt.lineH)
	}
	maxLines = max(1, maxLines)
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := &lines[maxLines-1]
		r.cellFont(lt, Cell{Bold: last.bold})
		last.text = pdfdoc.FitWidth(r.pdf, last.text+"…", width-2*lt.pad)
	}
	return lines
}

func (r *pdfRender) rowHeight(lt *pdfTable, cells []Cell) float64 {
	lines := 1
	for i, w := range lt.widths {
		lines = max(lines, len(r.cellLines(lt, cellAt(cells, i), w)))
	}
	return float64(lines)*lt.lineH + 2*lt.pad
}

// row draws one row of cells, each with its fill and ink.
func (r *pdfRender) row(lt *pdfTable, cells []Cell) {
	p := r.pdf
	h := r.rowHeight(lt, cells)
	x, y := r.left(), p.GetY()
	p.SetDrawColor(128, 128, 128)
	p.SetLineWidth(0.2)
	for i, w := range lt.widths {
		c := cellAt(cells, i)
		style := "D"
		if fill, ok := hexColour(c.Fill); ok {
			p.SetFillColor(rgb(fill))
			style = "FD"
		}
		p.Rect(x, y, w, h, style)
		ink, ok := hexColour(c.Ink)
		if !ok {
			ink = inkBlack
		}
		p.SetTextColor(rgb(ink))
		for j, line := range r.cellLines(lt, c, w) {
			r.cellFont(lt, Cell{Bold: line.bold})
			at := x + lt.pad
			if c.Right {
				at = x + w - lt.pad - p.GetStringWidth(line.text)
			}
			p.Text(at, baseline(y+lt.pad+float64(j)*lt.lineH, lt.lineH, lt.size), line.text)
		}
		x += w
	}
	p.SetY(y + h)
}

// legendHeight is the height legend takes under a table.
func (r *pdfRender) legendHeight(items []LegendItem) float64 {
	if len(items) == 0 {
		return 0
	}
	return 1.5 + legendLine
}

const legendLine = 5.0

// legend draws each item as a swatch of its colour and its label, as
// many to a line as fit.
func (r *pdfRender) legend(items []LegendItem) {
	if len(items) == 0 {
		return
	}
	const size, lineH, swatch, gap = 8.0, legendLine, 3.5, 1.5
	p := r.pdf
	r.space(1.5)
	y := r.room(lineH)
	x := r.left()
	for _, li := range items {
		p.SetFont(pdfdoc.Body, "", size)
		label := pdfdoc.FitWidth(p, clean(li.Label), r.width()-swatch-gap)
		need := swatch + gap + p.GetStringWidth(label)
		if x > r.left() && x+need > r.left()+r.width() {
			p.SetY(y + lineH)
			y, x = r.room(lineH), r.left()
		}
		if fill, ok := hexColour(li.Fill); ok {
			p.SetFillColor(rgb(fill))
			p.SetDrawColor(80, 80, 80)
			p.Rect(x, y+(lineH-swatch)/2, swatch, swatch, "FD")
		}
		p.SetTextColor(rgb(inkBlack))
		p.Text(x+swatch+gap, baseline(y, lineH, size), label)
		x += need + 6
	}
	p.SetY(y + lineH)
}
