package grids

import (
	"io"

	"codeberg.org/go-pdf/fpdf"

	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
)

// Column widths of the PDF table on A4 landscape (277 mm between margins).
var pdfWidths = []float64{80, 22, 50, 70, 30, 25}

const pdfLine = 4.6 // mm per line of 9-point text

// WritePDF writes the grids on A4 landscape: each partner under its own
// heading, rows growing to fit their text, the header repeated on a new page.
func (sh Sheet) WritePDF(w io.Writer, fonts pdfdoc.Fonts) error {
	pdf := pdfdoc.New("L", sh.Title(), sh.Title(), fonts)
	pdf.AddPage()
	pdf.SetFont(pdfdoc.Body, "B", 15)
	pdf.CellFormat(0, 8, sh.Title(), "", 1, "L", false, 0, "")
	pdf.SetFont(pdfdoc.Body, "", 10)
	pdf.CellFormat(0, 6, sh.Network+" · "+sh.Meeting.StartDate+" · "+sh.Meeting.Place, "", 1, "L", false, 0, "")
	if len(sh.Partners) == 0 {
		pdf.CellFormat(0, 8, "No partner has filled a grid for this meeting yet.", "", 1, "L", false, 0, "")
	}
	for _, pg := range sh.Partners {
		if pdf.GetY() > 170 {
			pdf.AddPage()
		}
		pdf.Ln(4)
		pdf.SetFont(pdfdoc.Body, "B", 12)
		pdf.CellFormat(0, 7, pg.Heading(), "", 1, "L", false, 0, "")
		tableRow(pdf, Columns, true)
		for _, r := range pg.Rows {
			tableRow(pdf, Cells(r), false)
		}
	}
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

// tableRow draws one row whose height fits its longest cell; a row that
// would cross the page's end starts a new page with the header again.
func tableRow(pdf *fpdf.Fpdf, cells []string, header bool) {
	style := ""
	if header {
		style = "B"
	}
	pdf.SetFont(pdfdoc.Body, style, 9)
	lines := 1
	for i, c := range cells {
		lines = max(lines, len(pdf.SplitText(c, pdfWidths[i]-2)))
	}
	h := float64(lines)*pdfLine + 1
	if pdf.GetY()+h > 195 {
		pdf.AddPage()
		if !header {
			tableRow(pdf, Columns, true)
			pdf.SetFont(pdfdoc.Body, style, 9)
		}
	}
	left, _, _, _ := pdf.GetMargins()
	x, y := left, pdf.GetY()
	for i, c := range cells {
		if header {
			pdf.SetFillColor(0xDC, 0xE6, 0xF0)
			pdf.Rect(x, y, pdfWidths[i], h, "FD")
		} else {
			pdf.Rect(x, y, pdfWidths[i], h, "D")
		}
		pdf.SetXY(x+1, y+0.5)
		pdf.MultiCell(pdfWidths[i]-2, pdfLine, c, "", "L", false)
		x += pdfWidths[i]
	}
	pdf.SetXY(left, y+h)
}
