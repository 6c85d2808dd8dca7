package sheet_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/sheet"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// written writes tables into a workbook and opens what was written.
func written(t *testing.T, tables ...sheet.Table) (*excelize.File, []byte) {
	t.Helper()
	wb := sheet.New()
	defer wb.Close()
	for _, tb := range tables {
		if err := wb.Add(tb); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

func rows(values ...[]any) func(func(...any) error) error {
	return func(row func(...any) error) error {
		for _, v := range values {
			if err := row(v...); err != nil {
				return err
			}
		}
		return nil
	}
}

// Each kind of value is stored as what it is, in its format: shares as
// percentages, money with its currency, days as dates; text that starts
// like a formula is text.
func TestValuesAreStoredAsWhatTheyAreInTheirFormat(t *testing.T) {
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	f, _ := written(t, sheet.Table{Name: "Kinds", Header: []string{"Text", "Count", "Mean", "Share", "Cost", "Day", "Submitted"},
		Rows: rows(
			[]any{"=1+1", 4, 4.25, sheet.Percent(4.0 / 7), sheet.EUR(12000), sheet.Date(day), sheet.When("2024/01/25 10:01:02 AM CET")},
			[]any{"@SUM(A1:A2)", 3, 3.5, sheet.Percent(0.5), sheet.EUR(1500.5), sheet.When("before CNM 4"), nil},
		),
		Totals: [][]any{{"Total", sheet.Sum{}, nil, nil, sheet.Sum{}, sheet.Sum{Currency: "EUR"}}},
	})
	// Money as the documents write it: cents only where there are any; a
	// money total with no amount above it is still in its currency.
	for cell, want := range map[string]string{"B2": "0", "C2": "0.00", "D2": "0.0%", "E2": `#,##0 "EUR"`, "E3": `#,##0.00 "EUR"`, "F2": "yyyy-mm-dd", "G2": "yyyy-mm-dd hh:mm", "E4": `#,##0.00 "EUR"`, "F4": `#,##0 "EUR"`} {
		if got := testkit.NumberFormat(t, f, "Kinds", cell); got != want {
			t.Errorf("%s has the format %q, want %q", cell, got, want)
		}
	}
	for cell, want := range map[string]string{"A2": "=1+1", "A3": "@SUM(A1:A2)", "D2": "0.571428571428571", "E2": "12000", "F2": "46357", "F3": "before CNM 4", "G2": "45316.41738425926"} {
		if got, _ := f.GetCellValue("Kinds", cell, excelize.Options{RawCellValue: true}); got != want {
			t.Errorf("%s holds %q, want %q", cell, got, want)
		}
	}
	for _, cell := range []string{"A2", "A3"} {
		if formula, _ := f.GetCellFormula("Kinds", cell); formula != "" {
			t.Errorf("%s became the formula %q", cell, formula)
		}
	}
	for _, cell := range []string{"B2", "D2", "E2", "F2"} {
		if typ, _ := f.GetCellType("Kinds", cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s is a %v, not a number", cell, typ)
		}
	}
	// The totals add up the column as far as a filter shows it, and hold
	// the sum for viewers that do not calculate.
	if formula, _ := f.GetCellFormula("Kinds", "E4"); formula != "SUBTOTAL(109,E2:E3)" {
		t.Errorf("E4's formula is %q", formula)
	}
	if got, _ := f.GetCellValue("Kinds", "E4", excelize.Options{RawCellValue: true}); got != "13500.5" {
		t.Errorf("E4 holds %q, want 13500.5", got)
	}
	if got, _ := f.GetCellValue("Kinds", "B4", excelize.Options{RawCellValue: true}); got != "7" {
		t.Errorf("B4 holds %q, want 7", got)
	}
}

// Columns are as wide as their content within the limits; long text wraps;
// the header row is frozen and filtered; a title sits above with a blank
// row between; the print fits the page's width with the header repeated.
func TestTablesLayOutByTheirContent(t *testing.T) {
	long := strings.Repeat("word ", 30) // 150 characters
	f, _ := written(t, sheet.Table{Name: "Layout", Above: [][]any{{"A title far longer than any of the columns below it"}, {"Respondents", 12}},
		Header: []string{"#", "Masterclass on participation", "Comment", "Share"},
		Rows:   rows([]any{1, "Masterclass", long, sheet.Percent(1)}, []any{2, "Walkshop", "short", sheet.Percent(0)}),
	})
	widths := map[string]float64{}
	for _, col := range []string{"A", "B", "C", "D"} {
		w, err := f.GetColWidth("Layout", col)
		if err != nil {
			t.Fatal(err)
		}
		widths[col] = w
	}
	// A: "Respondents" (11) above, not the title; B: its heading (28 × 1.1
	// for bold); C: capped; D: "100.0%" or the heading, with the margin.
	if widths["A"] < 13 || widths["A"] > 15 {
		t.Errorf("column A is %v wide; want room for ‘Respondents’, not the title", widths["A"])
	}
	if widths["B"] < 30 || widths["B"] > 35 {
		t.Errorf("column B is %v wide; want its heading's 28 characters", widths["B"])
	}
	if widths["C"] != sheet.MaxWidth+2 {
		t.Errorf("column C is %v wide, want the cap %d", widths["C"], sheet.MaxWidth+2)
	}
	if widths["D"] < sheet.MinWidth || widths["D"] > 10 {
		t.Errorf("column D is %v wide", widths["D"])
	}
	wraps := func(cell string) bool {
		id, _ := f.GetCellStyle("Layout", cell)
		st, _ := f.GetStyle(id)
		return st.Alignment != nil && st.Alignment.WrapText
	}
	if !wraps("C5") || wraps("C6") || !wraps("B4") {
		t.Errorf("wrapping: long text %v, short %v, heading %v; want true, false, true", wraps("C5"), wraps("C6"), wraps("B4"))
	}
	panes, err := f.GetPanes("Layout")
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 4 || panes.XSplit != 0 || panes.TopLeftCell != "A5" {
		t.Errorf("panes %+v; want the 4 rows down to the header frozen", panes)
	}
	filter := ""
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filter = dn.RefersTo
		}
	}
	if filter != "'Layout'!$A$4:$D$6" && filter != "'Layout'!A4:D6" {
		t.Errorf("the filter covers %q, want the header and body A4:D6", filter)
	}
	if v, _ := f.GetCellValue("Layout", "B4"); v != "Masterclass on participation" {
		t.Errorf("the header is not in row 4: B4 = %q", v)
	}
	o, err := f.GetPageLayout("Layout")
	if err != nil {
		t.Fatal(err)
	}
	if *o.Orientation != "portrait" || *o.Size != 9 || *o.FitToWidth != 1 || *o.FitToHeight != 0 {
		t.Errorf("prints %s on size %d, %d wide × %d high; want portrait A4 (9), 1 × 0", *o.Orientation, *o.Size, *o.FitToWidth, *o.FitToHeight)
	}
}

// Every style names Calibri, which LibreOffice sets with Carlito: a style
// without a font name prints in a serif face there. Wide tables print
// landscape; sheets whose names collide are numbered.
func TestEveryStyleNamesCalibriAndNamesStayUnique(t *testing.T) {
	columns := []string{"Key learning", "IAP 1–5", "Why it matters", "Action", "Who", "By when"}
	long := strings.Repeat("x", 40)
	f, b := written(t,
		sheet.Table{Name: long + " A", Above: [][]any{{"Grids"}}, Header: columns, Rows: rows([]any{"a", 5, "b", "c", "d", sheet.When("2026-12-01")})},
		sheet.Table{Name: long + " B", Header: columns[:3], Rows: rows([]any{sheet.Filled{Text: "GP", Fill: "1F6F3F", Ink: "FFFFFF"}, sheet.Percent(0.5), sheet.EUR(1)})},
	)
	styles := testkit.ZipPart(t, b, "xl/styles.xml")
	fonts := regexp.MustCompile(`<font>.*?</font>`).FindAllString(styles, -1)
	if len(fonts) < 3 {
		t.Fatalf("styles have %d fonts: %s", len(fonts), styles)
	}
	for _, font := range fonts {
		if !strings.Contains(font, `<name val="Calibri">`) {
			t.Errorf("a font without Calibri's name: %s", font)
		}
	}
	sheets := f.GetSheetList()
	if len(sheets) != 2 || sheets[0] != long[:31] || sheets[1] != long[:27]+" (2)" {
		t.Fatalf("sheets %q", sheets)
	}
	for name, want := range map[string]string{sheets[0]: "landscape", sheets[1]: "portrait"} {
		o, _ := f.GetPageLayout(name)
		if *o.Orientation != want {
			t.Errorf("%s prints %s, want %s", name, *o.Orientation, want)
		}
	}
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	if titles[sheets[0]] != "'"+sheets[0]+"'!$1:$3" || titles[sheets[1]] != "'"+sheets[1]+"'!$1:$1" {
		t.Errorf("print titles %q: want rows 1 to 3 of the first sheet, row 1 of the second", titles)
	}
}

// Rows is read twice (to measure, to write); when the data changed in
// between, the filter and the totals would be laid out for other rows, so
// the export fails with a message rather than write them wrong.
func TestRowsThatChangeBetweenThePassesFailTheExport(t *testing.T) {
	passes := 0
	growing := func(row func(...any) error) error {
		passes++
		for i := range passes {
			if err := row("respondent", i); err != nil {
				return err
			}
		}
		return nil
	}
	wb := sheet.New()
	defer wb.Close()
	err := wb.Add(sheet.Table{Name: "Answers", Header: []string{"Who", "#"}, Rows: growing})
	if err == nil || !strings.Contains(err.Error(), "1 rows were counted and 2 handed to be written") {
		t.Fatalf("got %v", err)
	}
}

// A column that no row fills (answers imported from a file have no
// session) is left out, as a rule, with its heading.
func TestAColumnNoRowFillsIsLeftOut(t *testing.T) {
	f, _ := written(t, sheet.Table{Name: "Answers", Header: []string{"Respondent", "Session", "Submitted", "Comment"},
		Rows:   rows([]any{1, "", "2024-01-25", "more time"}, []any{2, nil, "2024-01-26", ""}),
		Totals: [][]any{{"Total", nil, nil, nil}},
	})
	got, err := f.GetRows("Answers")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got[0], "|") != "Respondent|Submitted|Comment" || got[1][2] != "more time" {
		t.Fatalf("rows %q; want the empty Session column left out", got)
	}
}
