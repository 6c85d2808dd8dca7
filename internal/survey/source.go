package survey

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// source yields a file's rows one at a time, whatever its format.
type source interface {
	Next() ([]string, int, error) // row, its line; io.EOF at the end
	Fraction() float64            // how much has been read, 0–1
	Describe() string             // how the file is read: encoding and delimiter, or the sheet
	Close() error
}

// csvSource is a CSV stream that says how it reads the file.
type csvSource struct{ *tabular.CSVStream }

func (c csvSource) Describe() string {
	return fmt.Sprintf("%s, separated by %s", c.Encoding, tabular.DelimiterName(c.Delimiter))
}

// openSource opens CSV as a stream and XLSX as a stream of the sheet that
// holds the answers (Mentimeter's "Voters", or the first sheet), with
// what a Mentimeter workbook's other sheets say (nil for other files).
func openSource(path string, opt Options) (source, *MentiBook, error) {
	head := make([]byte, 8)
	if f, err := os.Open(path); err == nil {
		n, _ := io.ReadFull(f, head)
		head = head[:n]
		f.Close()
	}
	if !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		st, err := tabular.OpenCSV(path, tabular.Options{Encoding: opt.Encoding, Delimiter: opt.Delimiter})
		if err != nil {
			return nil, nil, err
		}
		return csvSource{st}, nil, nil
	}
	wb, err := tabular.OpenWorkbook(path)
	if err != nil {
		return nil, nil, err
	}
	sheets := wb.Sheets() // never empty: the opener refuses a workbook without sheets
	sheet, err := answersSheet(filepath.Base(path), wb, opt.Sheet)
	if err != nil {
		wb.Close()
		return nil, nil, err
	}
	voters := false // a Voters sheet: answers per voter, not counts only
	for _, s := range sheets {
		voters = voters || strings.EqualFold(s, "Voters")
	}
	book, err := readMentiBook(filepath.Base(path), wb, sheets)
	if err != nil {
		wb.Close()
		return nil, nil, err
	}
	if book != nil {
		book.NoVoters = !voters && len(book.Sessions) > 0
	}
	rows, err := wb.Rows(sheet, false)
	if err != nil {
		wb.Close()
		return nil, nil, err
	}
	return &xlsxSource{wb: wb, rows: rows, sheet: sheet, total: sheetRows(wb.File(), sheet)}, book, nil
}

// answersSheet is the sheet asked for, or Mentimeter's "Voters", or the
// first visible sheet: a hidden sheet (a lookup list, notes) is never the
// answers the user sees when they open the file.
func answersSheet(file string, wb *tabular.Workbook, asked string) (string, error) {
	sheets := wb.Sheets()
	if asked != "" {
		for _, s := range sheets {
			if strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(asked)) {
				return s, nil
			}
		}
		return "", &tabular.FileError{File: file, Msg: fmt.Sprintf("has no sheet %q", asked), Hint: "its sheets are " + strings.Join(sheets, ", ")}
	}
	for _, s := range sheets {
		if strings.EqualFold(s, "Voters") {
			return s, nil
		}
	}
	for _, s := range sheets {
		if visible, err := wb.File().GetSheetVisible(s); err == nil && visible {
			return s, nil
		}
	}
	return sheets[0], nil
}

// sheetRows reads how many rows a sheet has from its dimension ("A1:P1201").
func sheetRows(f *excelize.File, sheet string) int {
	dim, err := f.GetSheetDimension(sheet)
	if err != nil {
		return 0
	}
	_, last, found := strings.Cut(dim, ":")
	if !found {
		return 0
	}
	_, rows, err := excelize.CellNameToCoordinates(last)
	if err != nil {
		return 0
	}
	return rows
}

type xlsxSource struct {
	wb    *tabular.Workbook
	rows  *tabular.SheetRows
	sheet string
	total int // rows in the sheet, 0 when unknown
	done  atomic.Int64
}

func (x *xlsxSource) Describe() string { return "Excel workbook, sheet " + x.sheet }

// Rows is how many rows the sheet has (0 when the workbook does not say).
func (x *xlsxSource) Rows() int { return x.total }

func (x *xlsxSource) Fraction() float64 {
	if x.total <= 0 {
		return 0
	}
	return min(float64(x.done.Load())/float64(x.total), 1)
}

func (x *xlsxSource) Next() ([]string, int, error) {
	cols, line, err := x.rows.Next()
	x.done.Store(int64(line))
	return cols, line, err
}

func (x *xlsxSource) Close() error {
	x.rows.Close()
	return x.wb.Close()
}
