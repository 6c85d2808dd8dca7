package tabular

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

func readXLSX(name string, b []byte, opt Options) (*Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, &FileError{File: name, Msg: "is not a readable Excel workbook (" + err.Error() + ")", Hint: "open it in a spreadsheet and save it again as .xlsx or CSV"}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	sheet := opt.Sheet
	if sheet == "" {
		if len(sheets) == 0 {
			return nil, &FileError{File: name, Msg: "has no sheets"}
		}
		sheet = firstTableSheet(f, sheets)
	} else if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		return nil, &FileError{File: name, Msg: fmt.Sprintf("has no sheet called %q (it has %s)", sheet, strings.Join(sheets, ", "))}
	}
	cells, err := f.GetRows(sheet)
	if err != nil {
		return nil, &FileError{File: name, Msg: "sheet " + sheet + " could not be read: " + err.Error()}
	}
	rows := make([]Row, 0, len(cells))
	for i, c := range cells {
		for j, v := range c {
			if strings.HasSuffix(v, "%") { // shown rounded ("4%"): take the stored value (0.036 → 3.6%)
				c[j] = exactPercent(f, sheet, j+1, i+1, v)
			}
		}
		rows = append(rows, Row{Line: i + 1, Cells: c})
	}
	// Leading blank rows (a title block, say) are kept so line numbers match.
	return &Table{File: name, Format: "XLSX", Sheet: sheet, Rows: trimBlank(rows)}, nil
}

// firstTableSheet is the first sheet that starts with a header row (two or
// more filled cells), skipping sheets of notes or instructions.
func firstTableSheet(f *excelize.File, sheets []string) string {
	for _, sh := range sheets {
		rows, err := f.Rows(sh)
		if err != nil {
			continue
		}
		for i := 0; i < 20 && rows.Next(); i++ {
			cols, err := rows.Columns()
			if err != nil {
				break // not the table to pick; reading the sheet chosen reports its own errors
			}
			filled := 0
			for _, c := range cols {
				if strings.TrimSpace(c) != "" {
					filled++
				}
			}
			if filled >= 2 {
				rows.Close()
				return sh
			}
			if filled == 1 {
				break // a title or a note: not a table
			}
		}
		rows.Close()
	}
	return sheets[0]
}

func exactPercent(f *excelize.File, sheet string, col, row int, shown string) string {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return shown
	}
	raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		return shown
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return shown
	}
	return strconv.FormatFloat(math.Round(v*100*1e9)/1e9, 'f', -1, 64) + "%" // 0.036*100 is 3.5999…
}
