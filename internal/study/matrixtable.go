package study

import (
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
)

// matrixTable is Table 1 of a baseline study: a bold row per theme, under
// it a row per sub-theme, a column per partner with the cell's colour and
// symbol (and the titles of its good practices), and the practices from
// outside the network in the last column.
func matrixTable(m *matrix.Matrix, caption func(string) string) []doc.Block {
	if m == nil || len(m.Rows) == 0 {
		return []doc.Block{doc.Text("The matrix of good practices and knowledge needs has no sub-themes yet.")}
	}
	t := doc.Table{Caption: caption("Matrix of good practices and knowledge needs"), Header: []string{"Theme and sub-theme"}, Widths: []float64{3}}
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
			t.Rows = append(t.Rows, append(row, doc.Cell{Text: matrix.OutsideText(m.Outside(st.ID))}))
		}
	}
	for _, s := range matrix.States {
		fill, _, _ := matrix.Colours(s)
		t.Legend = append(t.Legend, doc.LegendItem{Fill: matrix.Hex(fill), Label: matrix.Symbol(s) + " – " + matrix.Label(s)})
	}
	return []doc.Block{t}
}

// stateCell is a partner's cell: the state's fill, ink and symbol, then
// the titles of its good practices, a line each.
func stateCell(c matrix.Cell) doc.Cell {
	fill, ink, ok := matrix.Colours(c.State)
	if !ok {
		return doc.Cell{}
	}
	lines := []string{matrix.Symbol(c.State)}
	for _, gp := range c.Practices {
		lines = append(lines, gp.Title)
	}
	return doc.Cell{Text: strings.Join(lines, "\n"), Fill: matrix.Hex(fill), Ink: matrix.Hex(ink), Bold: true}
}
