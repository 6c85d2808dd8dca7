package actiontables

import (
	"io"
	"slices"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/sheet"
)

// xlsxColumns are the DOCX's columns and, for sorting and filtering by
// date, the period's first and last day as dates.
var xlsxColumns = append(slices.Clone(Columns), "Starts", "Ends")

// WriteXLSX writes one sheet per partner by the workbook rules of package
// sheet: costs in euros as numbers partners can sum, with a total row
// that follows a filter, and the period's days as dates.
func (t Tables) WriteXLSX(w io.Writer) error {
	wb := sheet.New()
	defer wb.Close()
	cost := slices.Index(xlsxColumns, "Cost (EUR)")
	for _, pt := range t.Partners {
		total := make([]any, len(xlsxColumns))
		total[0] = costOf(pt.Actions).label()
		total[cost] = sheet.Sum{Currency: "EUR"}
		table := sheet.Table{Name: pt.Partner.Name, Above: [][]any{{t.Title() + " — " + pt.Partner.Name}}, Header: xlsxColumns,
			Totals: [][]any{total},
			Rows: func(row func(...any) error) error {
				for _, a := range pt.Actions {
					if err := row(xlsxCells(a, cost)...); err != nil {
						return err
					}
				}
				return nil
			}}
		if err := wb.Add(table); err != nil {
			return err
		}
	}
	if len(t.Partners) > 1 {
		if err := wb.Add(t.totalsTable()); err != nil {
			return err
		}
	}
	if len(t.Partners) == 0 {
		if err := wb.Message("Action tables", t.Title()+": no action yet"); err != nil {
			return err
		}
	}
	return wb.Write(w)
}

// totalsTable is the sheet of every partner's total and their sum.
func (t Tables) totalsTable() sheet.Table {
	all := t.cost()
	return sheet.Table{Name: "All partners", Above: [][]any{{t.Title() + " — all partners"}},
		Header: []string{"Partner", "Actions", "Actions costed", "Cost (EUR)"},
		Totals: [][]any{{all.label(), sheet.Sum{}, sheet.Sum{}, sheet.Sum{Currency: "EUR"}}},
		Rows: func(row func(...any) error) error {
			for _, pt := range t.Partners {
				c := costOf(pt.Actions)
				if err := row(pt.Partner.Name, c.actions, c.costed, sheet.EUR(c.total)); err != nil {
					return err
				}
			}
			return nil
		}}
}

// xlsxCells are Cells with the cost in euros and the period's days.
func xlsxCells(a data.PlanAction, cost int) []any {
	var out []any
	for _, c := range Cells(a) {
		out = append(out, c)
	}
	out[cost] = nil
	if a.CostEUR != nil {
		out[cost] = sheet.EUR(*a.CostEUR)
	}
	return append(out, sheet.When(a.StartDate), sheet.When(a.EndDate))
}
