package grids

import (
	"io"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
)

// Document lays the grids out for DOCX and PDF: the meeting as the title,
// each partner under its own heading with its grid as a table, then the
// review of the earlier actions held at the meeting. Six columns put the
// grids on landscape A4 pages.
func (sh Sheet) Document() doc.Document {
	d := doc.Document{Title: sh.Title(), Subtitle: sh.subtitle()}
	if len(sh.Partners) == 0 {
		d.Blocks = append(d.Blocks, doc.Text("No partner has filled a grid for this meeting yet."))
	}
	for _, pg := range sh.Partners {
		t := doc.Table{Header: Columns} // the columns as wide as their content asks
		for _, r := range pg.Rows {
			var row []doc.Cell
			for _, v := range Cells(r) {
				row = append(row, doc.Cell{Text: v})
			}
			t.Rows = append(t.Rows, row)
		}
		d.Blocks = append(d.Blocks, doc.Heading{Level: 2, Text: pg.Heading()}, t)
	}
	if len(sh.Review) > 0 {
		d.Blocks = append(d.Blocks, doc.Heading{Level: 1, Text: sh.ReviewTitle()})
		d.Blocks = append(d.Blocks, reviewTables(sh.Review, 2, true, sh.Meeting)...)
	}
	return d
}

func (sh Sheet) subtitle() string {
	return sh.Network + " · " + sh.Meeting.StartDate + " · " + sh.Meeting.Place
}

// ReviewTitle heads the review of the earlier actions at the meeting.
func (sh Sheet) ReviewTitle() string { return "Review of earlier actions at " + sh.Meeting.Title }

// WriteDOCX writes the grids as a Word document.
func (sh Sheet) WriteDOCX(w io.Writer) error { return doc.WriteDOCX(w, sh.Document()) }

// WritePDF writes the grids as a PDF with the fonts embedded.
func (sh Sheet) WritePDF(w io.Writer, fonts pdfdoc.Fonts) error {
	return doc.WritePDF(w, sh.Document(), fonts)
}
