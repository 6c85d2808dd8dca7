package tabular

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Table is a whole small file read into rows, with what was detected.
type Table struct {
	File      string
	Format    string // "CSV" or "XLSX"
	Encoding  Encoding
	Delimiter rune // CSV only
	Sheet     string
	Rows      []Row // the first row is the header when the file has one
}

// Row is one record and where it started in the file.
type Row struct {
	Line  int // 1-based line (CSV) or row number (XLSX)
	Cells []string
}

// Options override detection; zero values mean "detect".
type Options struct {
	Encoding  Encoding
	Delimiter rune
	Sheet     string
	MaxBytes  int64 // refuse larger files; 0 means DefaultMaxBytes
}

// DefaultMaxBytes bounds files read whole into memory (partner lists,
// matrices). Survey imports stream and do not use Table.
const DefaultMaxBytes = 64 << 20

var (
	xlsxMagic = []byte("PK\x03\x04")
	oleMagic  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// ReadFile reads a CSV/TSV/TXT or XLSX file into a Table.
func ReadFile(path string, opt Options) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{File: path, Msg: "cannot be opened: " + errors.Unwrap(err).Error(), Hint: "check the path and that the file may be read"}
	}
	defer f.Close()
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if st, err := f.Stat(); err == nil && st.Size() > max {
		return nil, &FileError{File: path, Msg: fmt.Sprintf("is %d MB, more than the %d MB this import reads", st.Size()>>20, max>>20), Hint: "split the file or remove what is not needed"}
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &FileError{File: path, Msg: "could not be read: " + err.Error()}
	}
	return Read(path, b, opt)
}

// Read parses the bytes of a file called name.
func Read(name string, b []byte, opt Options) (t *Table, err error) {
	defer Guard(name, &err)
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return nil, &FileError{File: name, Msg: "is empty", Hint: "choose a file with a header row and at least one row of data"}
	case bytes.HasPrefix(b, oleMagic) || ext == ".xls":
		return nil, &FileError{File: name, Msg: "is an old Excel 97–2003 (.xls) workbook", Hint: "save it as .xlsx or CSV and import that"}
	case bytes.HasPrefix(b, xlsxMagic):
		return readXLSX(name, b, opt)
	case ext == ".xlsx":
		return nil, &FileError{File: name, Msg: "is named .xlsx but is not an Excel workbook", Hint: "open it in a spreadsheet and save it again as .xlsx or CSV"}
	}
	return readCSV(name, b, opt)
}

// Header returns the first row, or nil for an empty table.
func (t *Table) Header() []string {
	if len(t.Rows) == 0 {
		return nil
	}
	return t.Rows[0].Cells
}

// trimBlank drops blank trailing rows and columns blank in every row, which
// spreadsheets leave behind.
func trimBlank(rows []Row) []Row {
	for len(rows) > 0 && blank(rows[len(rows)-1].Cells) {
		rows = rows[:len(rows)-1]
	}
	width := 0
	for _, r := range rows {
		for i := len(r.Cells) - 1; i >= width; i-- {
			if strings.TrimSpace(r.Cells[i]) != "" {
				width = i + 1
				break
			}
		}
	}
	for i := range rows {
		if len(rows[i].Cells) > width {
			rows[i].Cells = rows[i].Cells[:width]
		}
	}
	return rows
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
