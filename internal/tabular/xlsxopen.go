package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"

	"github.com/xuri/excelize/v2"
)

// Workbook is an Excel file opened through the one bounded opener every
// XLSX reader of the app uses: the zip's parts are checked against the
// limits (xlsxlimits.go) before excelize reads them, and a workbook
// without sheets is refused here, so no caller indexes an empty list.
type Workbook struct {
	f    *excelize.File
	name string
}

// OpenWorkbook opens the workbook at path, reading it from disk as needed
// (survey exports may be large; only the parts excelize parses are held).
func OpenWorkbook(path string) (wb *Workbook, err error) {
	defer Guard(path, &err)
	file, err := os.Open(path)
	if err != nil {
		return nil, &FileError{File: path, Msg: "cannot be opened: " + unwrapped(err).Error(), Hint: "check the path and that the file may be read"}
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return nil, &FileError{File: path, Msg: "cannot be read: " + err.Error()}
	}
	return openWorkbook(path, file, st.Size(), func() (*excelize.File, error) { return excelize.OpenFile(path, xlsxOptions) })
}

// openWorkbookBytes opens a workbook already read into memory.
func openWorkbookBytes(name string, b []byte) (*Workbook, error) {
	return openWorkbook(name, bytes.NewReader(b), int64(len(b)), func() (*excelize.File, error) {
		return excelize.OpenReader(bytes.NewReader(b), xlsxOptions)
	})
}

// xlsxOptions make excelize refuse what checkZip would (a second lock on
// the same door) and stream big sheets from a temporary file.
var xlsxOptions = excelize.Options{UnzipSizeLimit: xlsxTotalBytes, UnzipXMLSizeLimit: xlsxStreamBytes}

func openWorkbook(name string, r io.ReaderAt, size int64, open func() (*excelize.File, error)) (*Workbook, error) {
	unreadable := func(err error) error {
		return &FileError{File: name, Msg: "is not a readable Excel workbook (" + err.Error() + ")", Hint: "open it in a spreadsheet and save it again as .xlsx or CSV"}
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, unreadable(err)
	}
	if err := checkZip(name, zr); err != nil {
		return nil, err
	}
	f, err := open()
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, unreadable(err)
	}
	wb := &Workbook{f: f, name: name}
	if len(f.GetSheetList()) == 0 {
		wb.Close()
		return nil, &FileError{File: name, Msg: "has no sheets", Hint: "open it in a spreadsheet, check that it holds the table, and save it again as .xlsx or CSV"}
	}
	return wb, nil
}

func unwrapped(err error) error {
	if u := errors.Unwrap(err); u != nil {
		return u
	}
	return err
}

// Sheets lists the sheet names in workbook order (never empty).
func (w *Workbook) Sheets() []string { return w.f.GetSheetList() }

// HasSheet tells whether a sheet of that name exists.
func (w *Workbook) HasSheet(sheet string) bool {
	idx, _ := w.f.GetSheetIndex(sheet)
	return idx >= 0
}

// File is the excelize workbook, for reading that needs no whole sheet
// (the dimension, a cell's format). Rows must go through Rows.
func (w *Workbook) File() *excelize.File { return w.f }

// Close removes the temporary files of streamed sheets.
func (w *Workbook) Close() error { return w.f.Close() }

// Rows streams a sheet row by row; raw gives stored values instead of
// the formatted ones.
func (w *Workbook) Rows(sheet string, raw bool) (*SheetRows, error) {
	rows, err := w.f.Rows(sheet)
	if err != nil {
		return nil, &FileError{File: w.name, Msg: "sheet " + sheet + " could not be read: " + err.Error()}
	}
	return &SheetRows{rows: rows, file: w.name, sheet: sheet, opt: excelize.Options{RawCellValue: raw}}, nil
}

// SheetRows yields a sheet's rows, empty ones included, so that the
// count is the row number.
type SheetRows struct {
	rows  *excelize.Rows
	file  string
	sheet string
	line  int
	opt   excelize.Options
}

// Next returns the next row and its number; io.EOF after the last.
func (r *SheetRows) Next() ([]string, int, error) {
	if !r.rows.Next() {
		if err := r.rows.Error(); err != nil {
			return nil, 0, &FileError{File: r.file, Line: r.line + 1, Msg: "could not be read: " + err.Error()}
		}
		return nil, 0, io.EOF
	}
	r.line++
	cols, err := r.rows.Columns(r.opt)
	if err != nil {
		return nil, r.line, &FileError{File: r.file, Line: r.line, Msg: "could not be read: " + err.Error()}
	}
	return cols, r.line, nil
}

// Close ends the stream.
func (r *SheetRows) Close() error { return r.rows.Close() }
