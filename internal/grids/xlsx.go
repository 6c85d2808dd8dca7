package grids

import (
	"io"
	"strings"
	"unicode/utf8"

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
		name, err := tabular.TableSheet(f, p, pg.Heading(), sh.Title()+" — "+pg.Heading(), Columns, gridWidths, head)
		if err != nil {
			return err
		}
		var rows [][]string
		for _, r := range pg.Rows {
			rows = append(rows, Cells(r))
		}
		if err := writeRows(f, name, rows, gridWidths, wrap); err != nil {
			return err
		}
	}
	if len(sh.Review) > 0 {
		name, err := tabular.TableSheet(f, len(sh.Partners), "Review", sh.ReviewTitle(), ReviewColumns, reviewWidths, head)
		if err != nil {
			return err
		}
		var rows [][]string
		for _, a := range sh.Review {
			rows = append(rows, a.Cells())
		}
		if err := writeRows(f, name, rows, reviewWidths, wrap); err != nil {
			return err
		}
	}
	if len(sh.Partners)+len(sh.Review) == 0 { // nothing yet: say so rather than write an empty workbook
		f.SetCellValue("Sheet1", "A1", sh.Title()+": no grid filled yet")
	}
	return f.Write(w)
}

// The sheets' column widths, in characters.
var (
	gridWidths   = []float64{45, 12, 30, 40, 18, 14}
	reviewWidths = []float64{18, 36, 45, 22, 16, 12, 45, 36}
)

// writeRows puts rows under a TableSheet's header as wrapped string cells
// (so "=1+1" stays text), each row as tall as its longest wrapped cell:
// LibreOffice does not grow a row for wrapped text it did not lay out.
func writeRows(f *excelize.File, sheet string, rows [][]string, widths []float64, wrap int) error {
	if len(rows) == 0 {
		return nil
	}
	for i, r := range rows {
		lines := 1
		for c, v := range r {
			cell, _ := excelize.CoordinatesToCellName(c+1, 4+i)
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				return err
			}
			lines = max(lines, wrappedLines(v, widths[c]))
		}
		if err := f.SetRowHeight(sheet, 4+i, 15*float64(lines)); err != nil {
			return err
		}
	}
	end, _ := excelize.CoordinatesToCellName(len(rows[0]), 3+len(rows))
	return f.SetCellStyle(sheet, "A4", end, wrap)
}

// wrappedLines is about how many lines text takes in a column width
// characters wide, breaking between words.
func wrappedLines(text string, width float64) int {
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines++
		used := 0.0
		for _, w := range strings.Fields(para) {
			n := float64(utf8.RuneCountInString(w))
			if used > 0 && used+1+n > width-1 { // a character's slack for the cell's margins
				lines++
				used = 0
			}
			if used > 0 {
				used++
			}
			used += n
		}
	}
	return lines
}
