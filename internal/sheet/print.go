package sheet

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

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
