package tabular

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// A Table is held whole, and what is planned from it row by row (a partner
// import keeps a few maps a row) grows with it: a table is bounded, CSV
// and XLSX alike, by rows (50,000 besides a header: 50,000 partners plan
// in about 160 MB), cells and DefaultMaxBytes of text. A partner list or a
// matrix is far smaller.
const (
	tableRows      = 50_000
	tableCells     = 1_000_000
	tableTextBytes = DefaultMaxBytes
)

// tooLarge is the error of a table past its bounds, at line.
func tooLarge(file, where string, line int) *FileError {
	return &FileError{File: file, Line: line, Msg: fmt.Sprintf("%s holds more than %d rows, %d cells or %d MB of text, more than this import reads", where, tableRows, tableCells, tableTextBytes>>20),
		Hint: "split the file or remove what is not needed"}
}

func readXLSX(name string, b []byte, opt Options) (*Table, error) {
	wb, err := openWorkbookBytes(name, b)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	sheets := wb.Sheets()
	sheet := opt.Sheet
	if sheet == "" {
		sheet = firstTableSheet(wb, sheets)
	} else if !wb.HasSheet(sheet) {
		return nil, &FileError{File: name, Msg: fmt.Sprintf("has no sheet called %q (it has %s)", sheet, strings.Join(sheets, ", "))}
	}
	rows, percents, err := readSheet(wb, sheet)
	if err != nil {
		return nil, err
	}
	if len(percents) > 0 {
		if err := exactPercents(wb, sheet, rows, percents); err != nil {
			return nil, err
		}
	}
	// Leading blank rows (a title block, say) are kept so line numbers match.
	return &Table{File: name, Format: "XLSX", Sheet: sheet, Rows: trimBlank(rows)}, nil
}

// readSheet streams a sheet into rows, counting cells and text as it goes,
// and notes the cells shown as percentages.
func readSheet(wb *Workbook, sheet string) ([]Row, [][2]int, error) {
	sr, err := wb.Rows(sheet, false)
	if err != nil {
		return nil, nil, err
	}
	defer sr.Close()
	var rows []Row
	var percents [][2]int // row index, column index
	cells, text := 0, 0
	for {
		c, line, err := sr.Next()
		if err == io.EOF {
			return rows, percents, nil
		}
		if err != nil {
			return nil, nil, err
		}
		cells += max(len(c), 1)
		for j, v := range c {
			text += len(v)
			if strings.HasSuffix(v, "%") { // shown rounded ("4%"): the stored value is taken below
				percents = append(percents, [2]int{len(rows), j})
			}
		}
		if len(rows) > tableRows || cells > tableCells || text > tableTextBytes {
			return nil, nil, tooLarge(wb.name, "sheet "+sheet, line)
		}
		rows = append(rows, Row{Line: line, Cells: c})
	}
}

// exactPercents replaces cells shown rounded ("4%") by their stored value
// (0.036 → 3.6%), reading the sheet a second time as stored values rather
// than loading it whole.
func exactPercents(wb *Workbook, sheet string, rows []Row, at [][2]int) error {
	sr, err := wb.Rows(sheet, true)
	if err != nil {
		return err
	}
	defer sr.Close()
	for i := 0; len(at) > 0; i++ {
		raw, _, err := sr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		for ; len(at) > 0 && at[0][0] == i; at = at[1:] {
			if j := at[0][1]; j < len(raw) {
				rows[i].Cells[j] = exactPercent(raw[j], rows[i].Cells[j])
			}
		}
	}
	return nil
}

// firstTableSheet is the first sheet that starts with a header row (two or
// more filled cells), skipping sheets of notes or instructions.
func firstTableSheet(wb *Workbook, sheets []string) string {
	for _, sh := range sheets {
		if startsWithHeader(wb, sh) {
			return sh
		}
	}
	return sheets[0]
}

func startsWithHeader(wb *Workbook, sheet string) bool {
	sr, err := wb.Rows(sheet, false)
	if err != nil {
		return false
	}
	defer sr.Close()
	for i := 0; i < 20; i++ {
		cols, _, err := sr.Next()
		if err != nil {
			return false // not the table to pick; reading the sheet chosen reports its own errors
		}
		filled := 0
		for _, c := range cols {
			if strings.TrimSpace(c) != "" {
				filled++
			}
		}
		if filled != 0 {
			return filled >= 2 // one filled cell is a title or a note: not a table
		}
	}
	return false
}

func exactPercent(raw, shown string) string {
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return shown
	}
	return strconv.FormatFloat(math.Round(v*100*1e9)/1e9, 'f', -1, 64) + "%" // 0.036*100 is 3.5999…
}
