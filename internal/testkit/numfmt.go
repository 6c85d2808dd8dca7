package testkit

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// NumberFormat is the number format code of a workbook cell's style ("0.0%"),
// or "" for General.
func NumberFormat(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}
