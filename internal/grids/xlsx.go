package grids

import (
	"io"
	"slices"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/sheet"
)

// WriteXLSX writes one sheet per partner and a "Review" sheet of the
// earlier actions reviewed at the meeting, by the workbook rules of package
// sheet: the relevance as a number, a "by when" that is a date as a date.
func (sh Sheet) WriteXLSX(w io.Writer) error {
	wb := sheet.New()
	defer wb.Close()
	for _, pg := range sh.Partners {
		t := sheet.Table{Name: pg.Heading(), Above: [][]any{{sh.Title() + " — " + pg.Heading()}}, Header: Columns,
			Rows: func(row func(...any) error) error {
				for _, r := range pg.Rows {
					if err := row(xlsxCells(r)...); err != nil {
						return err
					}
				}
				return nil
			}}
		if err := wb.Add(t); err != nil {
			return err
		}
	}
	if len(sh.Review) > 0 {
		t := sheet.Table{Name: "Review", Above: [][]any{{sh.ReviewTitle()}}, Header: ReviewColumns,
			Rows: func(row func(...any) error) error {
				for _, a := range sh.Review {
					if err := row(reviewCells(a)...); err != nil {
						return err
					}
				}
				return nil
			}}
		if err := wb.Add(t); err != nil {
			return err
		}
	}
	if len(sh.Partners)+len(sh.Review) == 0 { // nothing yet: say so rather than write an empty workbook
		if err := wb.Message(sh.Meeting.Title, sh.Title()+": no grid filled yet"); err != nil {
			return err
		}
	}
	return wb.Write(w)
}

// xlsxCells are Cells with the relevance a number and a date a date
// (found by their headings, so columns added to Columns keep their text).
func xlsxCells(r data.GridRow) []any {
	out := values(Cells(r))
	if i := slices.Index(Columns, "IAP 1–5"); i >= 0 && r.Relevance > 0 {
		out[i] = r.Relevance
	}
	if i := slices.Index(Columns, "By when"); i >= 0 {
		out[i] = sheet.When(r.ActionBy)
	}
	return out
}

// reviewCells are a reviewed action's Cells with a "by when" that is a
// date as a date.
func reviewCells(a ReviewedAction) []any {
	out := values(a.Cells())
	if i := slices.Index(ReviewColumns, "By when"); i >= 0 {
		out[i] = sheet.When(a.Row.ActionBy)
	}
	return out
}

// values are text cells as a sheet row's values.
func values(cells []string) []any {
	out := make([]any, len(cells))
	for i, c := range cells {
		out[i] = c
	}
	return out
}
