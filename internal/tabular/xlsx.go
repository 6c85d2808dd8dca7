package tabular

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

func readXLSX(name string, b []byte, opt Options) (*Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, &FileError{File: name, Msg: "is not a readable Excel workbook (" + err.Error() + ")", Hint: "open it in a spreadsheet and save it again as .xlsx or CSV"}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	sheet := opt.Sheet
	if sheet == "" {
		if len(sheets) == 0 {
			return nil, &FileError{File: name, Msg: "has no sheets"}
		}
		sheet = sheets[0]
	} else if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		return nil, &FileError{File: name, Msg: fmt.Sprintf("has no sheet called %q (it has %s)", sheet, strings.Join(sheets, ", "))}
	}
	cells, err := f.GetRows(sheet)
	if err != nil {
		return nil, &FileError{File: name, Msg: "sheet " + sheet + " could not be read: " + err.Error()}
	}
	rows := make([]Row, 0, len(cells))
	for i, c := range cells {
		rows = append(rows, Row{Line: i + 1, Cells: c})
	}
	// Leading blank rows (a title block, say) are kept so line numbers match.
	return &Table{File: name, Format: "XLSX", Sheet: sheet, Rows: trimBlank(rows)}, nil
}
