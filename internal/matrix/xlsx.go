package matrix

import (
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// WriteXLSX writes the matrix as a workbook: a title, a legend, the table
// with coloured cells and frozen header row and columns.
func (m *Matrix) WriteXLSX(w io.Writer, title string) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Matrix"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	set := func(col, row int, v string, style int) error {
		cell, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	}
	if err := set(1, 1, title+" — good practices and knowledge needs", st.title); err != nil {
		return err
	}
	for i, s := range States { // legend in row 2
		if err := set(3+2*i, 2, Symbol(s), st.state[s]); err != nil {
			return err
		}
		if err := set(4+2*i, 2, Label(s), st.plain); err != nil {
			return err
		}
	}
	const headerRow = 4
	header := []string{"Theme", "Sub-theme"}
	for _, p := range m.Partners {
		header = append(header, p.Name)
	}
	header = append(header, "Outside the network")
	for i, h := range header {
		if err := set(i+1, headerRow, h, st.header); err != nil {
			return err
		}
	}
	for r, row := range m.Rows {
		y := headerRow + 1 + r
		if err := set(1, y, numbered(row.Theme.Number, row.Theme.Title), st.wrap); err != nil {
			return err
		}
		if err := set(2, y, numbered(row.SubTheme.Number, row.SubTheme.Title), st.wrap); err != nil {
			return err
		}
		for c, p := range m.Partners {
			cell := m.Cell(p.ID, row.SubTheme.ID)
			text := Symbol(cell.State)
			if names := practiceTitles(cell); names != "" {
				text += "\n" + names
			}
			style := st.wrap
			if s, ok := st.state[cell.State]; ok {
				style = s
			}
			if err := set(3+c, y, text, style); err != nil {
				return err
			}
		}
		if err := set(3+len(m.Partners), y, OutsideText(m.Outside(row.SubTheme.ID)), st.wrap); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(3 + len(m.Partners))
	if err := f.SetColWidth(sheet, "A", "A", 28); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "B", "B", 44); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "C", last, 22); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: headerRow, TopLeftCell: "C5", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if err := tabular.PrintLayout(f, sheet, 3+len(m.Partners), headerRow); err != nil {
		return err
	}
	return f.Write(w)
}

func practiceTitles(c Cell) string {
	names := make([]string, len(c.Practices))
	for i, gp := range c.Practices {
		names[i] = gp.Title
	}
	return strings.Join(names, "\n")
}

type xlsxStyles struct {
	title, header, plain, wrap int
	state                      map[string]int
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	st := xlsxStyles{state: map[string]int{}}
	border := []excelize.Border{{Type: "left", Color: "BBBBBB", Style: 1}, {Type: "right", Color: "BBBBBB", Style: 1},
		{Type: "top", Color: "BBBBBB", Style: 1}, {Type: "bottom", Color: "BBBBBB", Style: 1}}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	var err error
	if st.title, err = f.NewStyle(&excelize.Style{Font: tabular.Font(true, 16, "")}); err != nil {
		return st, err
	}
	if st.header, err = f.NewStyle(&excelize.Style{Font: tabular.Font(true, 0, ""), Border: border, Alignment: wrapTop,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}}}); err != nil {
		return st, err
	}
	if st.plain, err = f.NewStyle(&excelize.Style{}); err != nil {
		return st, err
	}
	if st.wrap, err = f.NewStyle(&excelize.Style{Border: border, Alignment: wrapTop}); err != nil {
		return st, err
	}
	for _, s := range States {
		fill, ink, _ := Colours(s)
		id, err := f.NewStyle(&excelize.Style{Border: border, Alignment: wrapTop,
			Font: tabular.Font(true, 0, Hex(ink)),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{Hex(fill)}}})
		if err != nil {
			return st, err
		}
		st.state[s] = id
	}
	return st, nil
}
