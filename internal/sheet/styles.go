package sheet

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The number formats of our cells. Dates are written year first: the
// partners read several languages, and 03/04 means two days.
const (
	formatWhole    = "0"
	formatDecimal  = "0.00"
	formatPercent  = "0.0%"
	formatDate     = "yyyy-mm-dd"
	formatDateTime = "yyyy-mm-dd hh:mm"
	formatMoney    = "money" // #,##0 "EUR" with the value's currency; #,##0.00 where there are cents
)

// style is what tells one cell style from another.
type style struct {
	title, header, bold, wrap bool
	cents                     bool // money with cents
	format, currency          string
	fill, ink                 string
}

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

var thinBorder = []excelize.Border{{Type: "left", Color: "BBBBBB", Style: 1}, {Type: "right", Color: "BBBBBB", Style: 1},
	{Type: "top", Color: "BBBBBB", Style: 1}, {Type: "bottom", Color: "BBBBBB", Style: 1}}

// style finds or makes the workbook's cell style for st.
func (wb *Workbook) style(st style) (int, error) {
	if id, ok := wb.styles[st]; ok {
		return id, nil
	}
	s := &excelize.Style{Font: Font(st.bold || st.header, 0, st.ink), Alignment: &excelize.Alignment{Vertical: "top", WrapText: st.wrap}}
	switch {
	case st.title:
		s.Font = Font(true, 14, "")
		s.Alignment = nil
	case st.header:
		s.Alignment.WrapText = true
		s.Border = thinBorder
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F0"}}
	case st.fill != "":
		s.Border = thinBorder
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{st.fill}}
	}
	switch st.format {
	case "":
	case formatMoney:
		code := `#,##0`
		if st.cents {
			code = `#,##0.00`
		}
		if st.currency != "" {
			code += fmt.Sprintf(` "%s"`, strings.ReplaceAll(st.currency, `"`, ""))
		}
		s.CustomNumFmt = &code
	default:
		code := st.format
		s.CustomNumFmt = &code
	}
	id, err := wb.f.NewStyle(s)
	if err != nil {
		return 0, err
	}
	wb.styles[st] = id
	return id, nil
}
