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
	for p, pg := range sh.Partners {
		name, err := tabular.TableSheet(f, p, pg.Heading(), sh.Title()+" — "+pg.Heading(), Columns, []float64{45, 12, 30, 40, 18, 14}, head)
		if err != nil {
			return err
		}
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
	}
	if len(sh.Partners) == 0 { // no partner has a grid yet: say so rather than write an empty workbook
		f.SetCellValue("Sheet1", "A1", sh.Title()+": no grid filled yet")
	}
	return f.Write(w)
}
