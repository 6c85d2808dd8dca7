package tabular

import "github.com/xuri/excelize/v2"

// TableStyles are the two cell styles of the tables we write to XLSX: a
// shaded bold header that wraps, and body text that wraps, top-aligned.
func TableStyles(f *excelize.File) (head, body int, err error) {
	head, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F0"}}})
	if err != nil {
		return 0, 0, err
	}
	body, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return head, body, err
}
