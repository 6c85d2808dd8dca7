package tabular

import "github.com/xuri/excelize/v2"

// TableStyles are the two cell styles of the tables we write to XLSX: a
// shaded bold header that wraps, and body text that wraps, top-aligned.
func TableStyles(f *excelize.File) (head, body int, err error) {
	head, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F0"}}})
	if err != nil {
		return 0, 0, err
	}
	body, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return head, body, err
}

// TableSheet is a sheet laid out as the tables partners fill by hand: a
// title in A1, the column headings in row 3 (style head), columns as wide
// as widths (in characters) and the heading row frozen; rows start at 4.
// The index-th sheet of a new workbook takes over its default "Sheet1".
func TableSheet(f *excelize.File, index int, name, title string, columns []string, widths []float64, head int) (string, error) {
	name = SheetName(name)
	if index == 0 {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return name, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return name, err
	}
	f.SetCellValue(name, "A1", title)
	for c, h := range columns {
		cell, _ := excelize.CoordinatesToCellName(c+1, 3)
		f.SetCellValue(name, cell, h)
	}
	last, _ := excelize.ColumnNumberToName(len(columns))
	f.SetCellStyle(name, "A3", last+"3", head)
	for c, width := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		f.SetColWidth(name, col, col, width)
	}
	return name, f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
}
