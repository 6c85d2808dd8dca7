package actiontables

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// WriteXLSX writes one sheet per partner: a bold header row, wrapped text,
// the header frozen, costs as numbers (so partners can sum them) and every
// other cell as text, never a formula.
func (t Tables) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	head, wrap, err := tabular.TableStyles(f)
	if err != nil {
		return err
	}
	euros, err := f.NewStyle(&excelize.Style{NumFmt: 4, Alignment: &excelize.Alignment{Vertical: "top"}}) // #,##0.00
	if err != nil {
		return err
	}
	for i, pt := range t.Partners {
		name := tabular.SheetName(pt.Partner.Name)
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		f.SetCellValue(name, "A1", t.Title()+" — "+pt.Partner.Name)
		for c, h := range Columns {
			cell, _ := excelize.CoordinatesToCellName(c+1, 3)
			f.SetCellValue(name, cell, h)
		}
		last, _ := excelize.ColumnNumberToName(len(Columns))
		f.SetCellStyle(name, "A3", last+"3", head)
		for r, a := range pt.Actions {
			for c, v := range Cells(a) {
				cell, _ := excelize.CoordinatesToCellName(c+1, 4+r)
				if Columns[c] == "Cost (EUR)" && a.CostEUR != nil {
					f.SetCellValue(name, cell, *a.CostEUR)
					f.SetCellStyle(name, cell, cell, euros)
					continue
				}
				f.SetCellValue(name, cell, v)
				f.SetCellStyle(name, cell, cell, wrap)
			}
		}
		for c, width := range widths {
			col, _ := excelize.ColumnNumberToName(c + 1)
			f.SetColWidth(name, col, col, width*1.6)
		}
		f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
	}
	if len(t.Partners) == 0 {
		f.SetCellValue("Sheet1", "A1", t.Title()+": no action yet")
	}
	return f.Write(w)
}
