package sheet_test

import (
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/paper"
	"github.com/aoce-desktop/aoce-desktop/internal/sheet"
)

// The print setup is on the app's paper: Letter when the user chose it.
func TestSheetsPrintOnTheChosenPaper(t *testing.T) {
	t.Cleanup(func() { paper.SetDefault("") })
	for _, p := range paper.Sizes {
		paper.SetDefault(p)
		f, _ := written(t, sheet.Table{Name: "Answers", Header: []string{"Question", "Answer"}, Rows: rows([]any{"Q1", "yes"})})
		layout, err := f.GetPageLayout("Answers")
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		if layout.Size != nil {
			got = *layout.Size
		}
		if got != p.ExcelCode() {
			t.Errorf("on %s the sheet prints on paper %d, want %d", p, got, p.ExcelCode())
		}
	}
}
