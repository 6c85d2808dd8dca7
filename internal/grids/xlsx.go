package grids

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// WriteXLSX writes one sheet per partner with a bold header row, wrapped
// text and the header frozen. Cells are text, never formulas.
func (sh Sheet) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	head, wrap, err := tabular.TableStyles(f)
	if err != nil {
		return err
	}
	first := true
	for _, pg := range sh.Partners {
		name := tabular.SheetName(pg.Heading())
		if first {
			f.SetSheetName("Sheet1", name)
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		f.SetCellValue(name, "A1", sh.Title()+" — "+pg.Heading())
		for c, h := range Columns {
			cell, _ := excelize.CoordinatesToCellName(c+1, 3)
			f.SetCellValue(name, cell, h)
		}
		f.SetCellStyle(name, "A3", "F3", head)
		for i, r := range pg.Rows {
			for c, v := range Cells(r) {
				cell, _ := excelize.CoordinatesToCellName(c+1, 4+i)
				f.SetCellValue(name, cell, v) // a string cell: "=1+1" stays text
			}
		}
		if len(pg.Rows) > 0 {
			end, _ := excelize.CoordinatesToCellName(6, 3+len(pg.Rows))
			f.SetCellStyle(name, "A4", end, wrap)
		}
		for c, width := range []float64{45, 12, 30, 40, 18, 14} {
			col, _ := excelize.ColumnNumberToName(c + 1)
			f.SetColWidth(name, col, col, width)
		}
		f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
	}
	if first { // no partner has a grid yet: say so rather than write an empty workbook
		f.SetCellValue("Sheet1", "A1", sh.Title()+": no grid filled yet")
	}
	return f.Write(w)
}
