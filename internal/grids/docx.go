package grids

import (
	"io"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/wml/stypes"
)

// docxColumns are the columns' widths in twentieths of a point, over the
// 16 cm of an A4 page between margins.
var docxColumns = []uint64{2700, 700, 1600, 2200, 1100, 1000}

// WriteDOCX writes a Word document: the meeting as a Heading 1, each
// partner as a Heading 2 with its grid as a table, as partners fill it.
func (sh Sheet) WriteDOCX(w io.Writer) error {
	doc, err := godocx.NewDocument()
	if err != nil {
		return err
	}
	doc.AddHeading(sh.Title(), 1)
	doc.AddParagraph(sh.Network + " · " + sh.Meeting.StartDate + " · " + sh.Meeting.Place)
	if len(sh.Partners) == 0 {
		doc.AddParagraph("No partner has filled a grid for this meeting yet.")
	}
	for _, pg := range sh.Partners {
		doc.AddHeading(pg.Heading(), 2)
		t := doc.AddTable()
		t.Style("TableGrid")
		t.Width(5000, stypes.TableWidthPct) // the page's width
		t.Grid(docxColumns...)
		head := t.AddRow()
		for _, h := range Columns {
			head.AddCell().BackgroundColor("DCE6F0").AddParagraph(h)
		}
		for _, r := range pg.Rows {
			row := t.AddRow()
			for _, v := range Cells(r) {
				row.AddCell().AddParagraph(v)
			}
		}
	}
	return doc.Write(w)
}
