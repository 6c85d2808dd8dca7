package grids

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// WriteXLSX writes one sheet per partner's grid and a "Review" sheet of
// the earlier actions reviewed at the meeting, each with a bold header
// row, wrapped text and the header frozen. Cells are text, never formulas.
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
		var rows [][]string
		for _, r := range pg.Rows {
			rows = append(rows, Cells(r))
		}
		writeRows(f, name, rows, wrap)
	}
	if len(sh.Review) > 0 {
		name, err := tabular.TableSheet(f, len(sh.Partners), "Review", sh.ReviewTitle(), ReviewColumns, []float64{18, 30, 45, 22, 16, 12, 45, 30}, head)
		if err != nil {
			return err
		}
		var rows [][]string
		for _, a := range sh.Review {
			rows = append(rows, a.Cells())
		}
		writeRows(f, name, rows, wrap)
	}
	if len(sh.Partners)+len(sh.Review) == 0 { // nothing yet: say so rather than write an empty workbook
		f.SetCellValue("Sheet1", "A1", sh.Title()+": no grid filled yet")
	}
	return f.Write(w)
}

// writeRows puts rows under a TableSheet's header as wrapped string cells
// (so "=1+1" stays text).
func writeRows(f *excelize.File, sheet string, rows [][]string, wrap int) {
	if len(rows) == 0 {
		return
	}
	for i, r := range rows {
		for c, v := range r {
			cell, _ := excelize.CoordinatesToCellName(c+1, 4+i)
			f.SetCellValue(sheet, cell, v)
		}
	}
	end, _ := excelize.CoordinatesToCellName(len(rows[0]), 3+len(rows))
	f.SetCellStyle(sheet, "A4", end, wrap)
}
