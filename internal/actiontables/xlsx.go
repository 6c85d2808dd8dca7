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
	colWidths := make([]float64, len(widths))
	for c, w := range widths {
		colWidths[c] = w * 1.6 // relative widths to characters
	}
	for i, pt := range t.Partners {
		name, err := tabular.TableSheet(f, i, pt.Partner.Name, t.Title()+" — "+pt.Partner.Name, Columns, colWidths, head)
		if err != nil {
			return err
		}
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
	}
	if len(t.Partners) == 0 {
		f.SetCellValue("Sheet1", "A1", t.Title()+": no action yet")
	}
	return f.Write(w)
}
