package matrix

import (
	"io"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
)

// Table is the matrix as a document's table (Table 1 of a baseline
// study, and the matrix's own DOCX and PDF): a bold row per theme, under
// it a row per sub-theme, a column per partner with the cell's colour
// and symbol (and the titles of its good practices), the practices from
// outside the network in the last column, and the legend under it.
func (m *Matrix) Table(caption string) doc.Table {
	t := doc.Table{Caption: caption, Header: []string{"Theme and sub-theme"}, Widths: []float64{3}}
	for _, p := range m.Partners {
		t.Header = append(t.Header, p.Name)
		t.Widths = append(t.Widths, 1)
	}
	t.Header = append(t.Header, "Outside the network")
	t.Widths = append(t.Widths, 2)
	for _, th := range m.Themes {
		themeRow := make([]doc.Cell, len(t.Header))
		themeRow[0] = doc.Cell{Text: th.Label(), Bold: true}
		t.Rows = append(t.Rows, themeRow)
		for _, st := range th.SubThemes {
			row := []doc.Cell{{Text: st.Label()}}
			for _, p := range m.Partners {
				row = append(row, stateCell(m.Cell(p.ID, st.ID)))
			}
			t.Rows = append(t.Rows, append(row, doc.Cell{Text: OutsideText(m.Outside(st.ID))}))
		}
	}
	for _, s := range States {
		fill, _, _ := Colours(s)
		t.Legend = append(t.Legend, doc.LegendItem{Fill: Hex(fill), Label: Symbol(s) + " – " + Label(s)})
	}
	return t
}

// stateCell is a partner's cell: the state's fill, ink and symbol, then
// the titles of its good practices, a line each.
func stateCell(c Cell) doc.Cell {
	fill, ink, ok := Colours(c.State)
	if !ok {
		return doc.Cell{}
	}
	lines := []string{Symbol(c.State)}
	for _, gp := range c.Practices {
		lines = append(lines, gp.Title)
	}
	return doc.Cell{Text: strings.Join(lines, "\n"), Fill: Hex(fill), Ink: Hex(ink), Bold: true}
}

// Document is the matrix on its own, titled with the network's name.
func (m *Matrix) Document(title string) doc.Document {
	return doc.Document{Title: title, Subtitle: "Matrix of good practices and knowledge needs",
		Blocks: []doc.Block{m.Table("")}}
}

// WritePDF writes the matrix as the document layout sets every table: on
// landscape pages, no word cut, the header row on each page, the legend
// with the table; the fonts are embedded.
func (m *Matrix) WritePDF(w io.Writer, title string, fonts pdfdoc.Fonts) error {
	return doc.WritePDF(w, m.Document(title), fonts)
}

// WriteDOCX writes the matrix as a Word document laid out as the PDF.
func (m *Matrix) WriteDOCX(w io.Writer, title string) error {
	return doc.WriteDOCX(w, m.Document(title))
}
