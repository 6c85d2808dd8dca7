package matrix

import (
	"io"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/sheet"
)

// matrixColumnWidth caps the matrix's columns: with ten partners side by
// side, practice titles wrap rather than widen the table past a screen.
const matrixColumnWidth = 30

// WriteXLSX writes the matrix as a workbook by the rules of package sheet:
// a title, a legend in the cells' colours, the table with coloured cells,
// its header row and its theme columns frozen.
func (m *Matrix) WriteXLSX(w io.Writer, title string) error {
	wb := sheet.New()
	defer wb.Close()
	legend := []any{nil, nil}
	for _, s := range States {
		fill, ink, _ := Colours(s)
		legend = append(legend, sheet.Filled{Text: Symbol(s), Fill: Hex(fill), Ink: Hex(ink)}, Label(s))
	}
	header := []string{"Theme", "Sub-theme"}
	for _, p := range m.Partners {
		header = append(header, p.Name)
	}
	header = append(header, "Outside the network")
	t := sheet.Table{
		Name:   "Matrix",
		Above:  [][]any{{title + " — good practices and knowledge needs"}, legend},
		Header: header, FrozenColumns: 2, MaxWidth: matrixColumnWidth,
		Rows: func(row func(...any) error) error {
			for _, r := range m.Rows {
				values := []any{numbered(r.Theme.Number, r.Theme.Title), numbered(r.SubTheme.Number, r.SubTheme.Title)}
				for _, p := range m.Partners {
					values = append(values, cellValue(m.Cell(p.ID, r.SubTheme.ID)))
				}
				values = append(values, OutsideText(m.Outside(r.SubTheme.ID)))
				if err := row(values...); err != nil {
					return err
				}
			}
			return nil
		},
	}
	if err := wb.Add(t); err != nil {
		return err
	}
	return wb.Write(w)
}

// cellValue is a cell's symbol and practice titles in its state's colours.
func cellValue(c Cell) any {
	text := Symbol(c.State)
	if names := practiceTitles(c); names != "" {
		text += "\n" + names
	}
	fill, ink, ok := Colours(c.State)
	if !ok {
		return text
	}
	return sheet.Filled{Text: text, Fill: Hex(fill), Ink: Hex(ink)}
}

func practiceTitles(c Cell) string {
	names := make([]string, len(c.Practices))
	for i, gp := range c.Practices {
		names[i] = gp.Title
	}
	return strings.Join(names, "\n")
}
