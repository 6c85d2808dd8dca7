package matrix

import (
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"

	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
)

// WritePDF writes the matrix on A4 landscape pages with a legend, coloured
// cells with their symbols, the header row repeated on each page, and
// page numbers.
func (m *Matrix) WritePDF(w io.Writer, title string, fonts pdfdoc.Fonts) error {
	pdf := pdfdoc.New("L", title+" — matrix of good practices and knowledge needs", title, fonts)
	d := pdfDrawer{pdf: pdf, m: m}
	d.layout()
	pdf.AddPage()
	d.titleBlock(title)
	d.headerRow()
	for i := range m.Rows {
		r := &m.Rows[i]
		if i == 0 || m.Rows[i-1].Theme.ID != r.Theme.ID {
			d.ensureRoom()
			d.themeRow(r)
		}
		d.ensureRoom()
		d.subThemeRow(r)
	}
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

type pdfDrawer struct {
	pdf                    *fpdf.Fpdf
	m                      *Matrix
	headW, colW, rowH, top float64
}

// layout sizes columns to the page width and rows to fit one page when
// they can (down to 6 mm, still legible); more rows go on further pages.
func (d *pdfDrawer) layout() {
	pageW, pageH := d.pdf.GetPageSize()
	left, top, right, _ := d.pdf.GetMargins()
	d.headW = 62
	d.colW = (pageW - left - right - d.headW) / float64(len(d.m.Partners)+1)
	rows := len(d.m.Rows) + len(d.m.Themes) + 1
	const titleBlock, footer = 27.0, 12.0
	d.rowH = min(9, max(6, (pageH-top-titleBlock-footer)/float64(rows)))
}

func (d *pdfDrawer) titleBlock(title string) {
	p := d.pdf
	p.SetFont("body", "B", 15)
	p.CellFormat(0, 8, title, "", 1, "L", false, 0, "")
	p.SetFont("body", "", 10)
	p.CellFormat(0, 6, "Matrix of good practices and knowledge needs", "", 1, "L", false, 0, "")
	for _, s := range States {
		d.fill(s)
		p.SetFont("body", "B", 8)
		p.CellFormat(14, 5, Symbol(s), "1", 0, "C", true, 0, "")
		p.SetTextColor(0, 0, 0)
		p.SetFont("body", "", 8)
		p.CellFormat(62, 5, " "+Label(s), "", 0, "L", false, 0, "")
	}
	p.Ln(8)
}

// fill sets fill and text colours for a state.
func (d *pdfDrawer) fill(state string) bool {
	fill, ink, ok := Colours(state)
	if !ok {
		d.pdf.SetFillColor(255, 255, 255)
		d.pdf.SetTextColor(0, 0, 0)
		return false
	}
	d.pdf.SetFillColor(int(fill.R), int(fill.G), int(fill.B))
	d.pdf.SetTextColor(int(ink.R), int(ink.G), int(ink.B))
	return true
}

func (d *pdfDrawer) headerRow() {
	p := d.pdf
	p.SetFillColor(232, 232, 232)
	p.SetTextColor(0, 0, 0)
	p.SetFont("body", "B", 7.5)
	p.CellFormat(d.headW, d.rowH, "Sub-theme", "1", 0, "L", true, 0, "")
	for _, pt := range d.m.Partners {
		size := 7.5 // shrink long names rather than cut them: the header must name every partner
		for p.SetFont("body", "B", size); size > 5 && p.GetStringWidth(pt.Name) > d.colW-1; size -= 0.25 {
			p.SetFont("body", "B", size-0.25)
		}
		p.CellFormat(d.colW, d.rowH, pdfdoc.FitWidth(p, pt.Name, d.colW-1), "1", 0, "C", true, 0, "")
	}
	p.SetFont("body", "B", 7.5)
	p.CellFormat(d.colW, d.rowH, "Outside", "1", 1, "C", true, 0, "")
}

// ensureRoom starts a new page (with the header row) when a row would not fit.
func (d *pdfDrawer) ensureRoom() {
	_, pageH := d.pdf.GetPageSize()
	if d.pdf.GetY()+d.rowH > pageH-12 {
		d.pdf.AddPage()
		d.headerRow()
	}
}

func (d *pdfDrawer) themeRow(r *Row) {
	p := d.pdf
	p.SetFillColor(240, 240, 240)
	p.SetTextColor(0, 0, 0)
	p.SetFont("body", "B", 8.5)
	p.CellFormat(d.headW+d.colW*float64(len(d.m.Partners)+1), d.rowH, numbered(r.Theme.Number, r.Theme.Title), "1", 1, "L", true, 0, "")
}

func (d *pdfDrawer) subThemeRow(r *Row) {
	p := d.pdf
	p.SetTextColor(0, 0, 0)
	p.SetFont("body", "", 7)
	p.CellFormat(d.headW, d.rowH, pdfdoc.FitWidth(p, numbered(r.SubTheme.Number, r.SubTheme.Title), d.headW-1), "1", 0, "L", false, 0, "")
	for _, pt := range d.m.Partners {
		cell := d.m.Cell(pt.ID, r.SubTheme.ID)
		x, y := p.GetXY()
		filled := d.fill(cell.State)
		p.SetFont("body", "B", 8)
		p.CellFormat(d.colW, d.rowH*0.55, Symbol(cell.State), "LTR", 0, "C", filled, 0, "")
		p.SetXY(x, y+d.rowH*0.55)
		p.SetFont("body", "", 5.5)
		name := ""
		if len(cell.Practices) > 0 {
			name = pdfdoc.FitWidth(p, cell.Practices[0].Title, d.colW-1)
			if len(cell.Practices) > 1 {
				name = pdfdoc.FitWidth(p, fmt.Sprintf("%s +%d", cell.Practices[0].Title, len(cell.Practices)-1), d.colW-1)
			}
		}
		p.CellFormat(d.colW, d.rowH*0.45, name, "LBR", 0, "C", filled, 0, "")
		p.SetXY(x+d.colW, y)
	}
	p.SetTextColor(0, 0, 0)
	p.SetFont("body", "", 5.5)
	outside := ""
	if gps := d.m.Outside(r.SubTheme.ID); len(gps) > 0 {
		outside = pdfdoc.FitWidth(p, OutsideText(gps), d.colW-1)
	}
	p.CellFormat(d.colW, d.rowH, outside, "1", 1, "C", false, 0, "")
}
