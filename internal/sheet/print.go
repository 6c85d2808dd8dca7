package sheet

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/paper"
)

// WideColumns is how many columns put a sheet's print on landscape
// pages, as the DOCX and PDF writers put such tables.
const WideColumns = 6

// PrintLayout sets how a sheet prints: on the app's paper (package
// paper), landscape from WideColumns
// columns on, its columns fitted to the page's width (as many pages down
// as it takes) and the rows 1 to headerRows repeated on every page.
func PrintLayout(f *excelize.File, sheet string, columns, headerRows int) error {
	size, wide, down, one := paper.Default().ExcelCode(), "portrait", 0, 1
	if columns >= WideColumns {
		wide = "landscape"
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &wide, FitToWidth: &one, FitToHeight: &down}); err != nil {
		return err
	}
	if headerRows < 1 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(sheet, "'", "''"), headerRows)})
}
