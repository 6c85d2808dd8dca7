package tabular

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit/xlsxfile"
)

func TestGuardTurnsAPanicIntoAFileError(t *testing.T) {
	read := func() (err error) {
		defer Guard("odd.xlsx", &err)
		var cells []string
		_ = cells[0]
		return nil
	}
	err := read()
	var fe *FileError
	if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), "odd.xlsx: could not be read (runtime error: index out of range") {
		t.Fatalf("%v", err)
	}
}

// A row past Excel's last column, a cell of more than 1 MB and a sheet of
// more rows than Excel has are refused by the scan while it reads, with
// the row (and column) where the limit was passed.
func TestWorkbookLimitsSayWhere(t *testing.T) {
	dir := t.TempDir()
	wide, long, tall := filepath.Join(dir, "wide.xlsx"), filepath.Join(dir, "long.xlsx"), filepath.Join(dir, "tall.xlsx")
	if err := xlsxfile.WriteRowsBomb(wide, 2, make([]string, xlsxRowCells+1)...); err != nil {
		t.Fatal(err)
	}
	if err := xlsxfile.WriteRowsBomb(long, 2, strings.Repeat("x", xlsxTextBytes+1)); err != nil {
		t.Fatal(err)
	}
	if err := xlsxfile.WriteRowsBomb(tall, xlsxRows, "x"); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		wide: "wide.xlsx, line 2, column 16385 (XFE): has more than 16384 cells in one row",
		long: "long.xlsx, line 2, column 1 (A): holds a cell or tag of more than 1 MB",
		tall: "tall.xlsx, line 1048577: has more than 1048576 rows in one sheet",
	} {
		if _, err := ReadFile(path, Options{}); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%v, want %q", err, want)
		}
	}
}
