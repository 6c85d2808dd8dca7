package tabular

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Font is the font our workbooks name, Excel's default: Calibri, 11 pt
// unless size says otherwise, in colour (RRGGBB, "" for black). Naming it
// in every style matters: a style's font without a name falls back, in
// LibreOffice, to a serif face. LibreOffice sets Calibri with Carlito,
// its metric twin (fonts-crosextra-carlito).
func Font(bold bool, size float64, colour string) *excelize.Font {
	if size == 0 {
		size = 11
	}
	return &excelize.Font{Bold: bold, Family: "Calibri", Size: size, Color: colour}
}

// TableStyles are the two cell styles of the tables we write to XLSX: a
// shaded bold header that wraps, and body text that wraps, top-aligned.
func TableStyles(f *excelize.File) (head, body int, err error) {
	head, err = f.NewStyle(&excelize.Style{Font: Font(true, 0, ""), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F0"}}})
	if err != nil {
		return 0, 0, err
	}
	body, err = f.NewStyle(&excelize.Style{Font: Font(false, 0, ""), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return head, body, err
}

// TableSheet is a sheet laid out as the tables partners fill by hand: a
// title in A1, the column headings in row 3 (style head), columns as wide
// as widths (in characters), the heading row frozen and repeated on every
// printed page (PrintLayout); rows start at 4.
// The index-th sheet of a new workbook takes over its default "Sheet1".
func TableSheet(f *excelize.File, index int, name, title string, columns []string, widths []float64, head int) (string, error) {
	name = SheetName(name)
	if index == 0 {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return name, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return name, err
	}
	f.SetCellValue(name, "A1", title)
	for c, h := range columns {
		cell, _ := excelize.CoordinatesToCellName(c+1, 3)
		f.SetCellValue(name, cell, h)
	}
	last, _ := excelize.ColumnNumberToName(len(columns))
	f.SetCellStyle(name, "A3", last+"3", head)
	for c, width := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		f.SetColWidth(name, col, col, width)
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return name, err
	}
	return name, PrintLayout(f, name, len(columns), 3)
}

// WideColumns is how many columns put a sheet's print on landscape
// pages, as the DOCX and PDF writers put such tables.
const WideColumns = 6

// PrintLayout sets how a sheet prints: on A4, landscape from WideColumns
// columns on, its columns fitted to the page's width (as many pages down
// as it takes) and the rows 1 to headerRows repeated on every page.
func PrintLayout(f *excelize.File, sheet string, columns, headerRows int) error {
	a4, wide, down, one := 9, "portrait", 0, 1
	if columns >= WideColumns {
		wide = "landscape"
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &wide, FitToWidth: &one, FitToHeight: &down}); err != nil {
		return err
	}
	if headerRows < 1 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(sheet, "'", "''"), headerRows)})
}
