package doc

import (
	"strconv"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// A row splits across pages only when it is taller than a page: a row of
// a few lines is cantSplit, one of a thousand lines is not. The header
// repeats and keeps with the first row, the last row keeps with the
// legend, the cost is right-aligned and the note follows its title.
func TestDOCXRowsSplitOnlyWhenTallerThanAPage(t *testing.T) {
	tall := strings.Repeat("a line of the minutes\n", 1000)
	d := Document{Blocks: []Block{Table{Header: []string{"Action", "Cost (EUR)"},
		Rows: [][]Cell{
			{{Text: "Testing action", Bold: true, Note: "What the city will try"}, {Text: "12 000", Right: true}},
			{{Text: tall}, {}},
			{{Text: "Total", Bold: true}, {Text: "12 000", Right: true, Bold: true}},
		},
		Legend: []LegendItem{{Fill: "0072B2", Label: "Costed"}}}}}
	parts, _ := docxParts(t, d)
	body := parts["word/document.xml"]
	rows := strings.Split(body, "<w:tr>")[1:]
	if len(rows) != 4 {
		t.Fatalf("%d rows", len(rows))
	}
	for i, want := range []bool{true, true, false, true} {
		if got := strings.Contains(rows[i], "<w:cantSplit/>"); got != want {
			t.Errorf("row %d cantSplit %v, want %v", i, got, want)
		}
	}
	if !strings.Contains(rows[0], "<w:tblHeader/>") || !strings.Contains(rows[0], "<w:keepNext/>") {
		t.Error("the header row neither repeats nor keeps with the first row")
	}
	if !strings.Contains(rows[3], "<w:keepNext/>") || strings.Contains(rows[2], "<w:keepNext/>") {
		t.Error("only the last row keeps with the legend")
	}
	if !strings.Contains(rows[1], `<w:jc w:val="right"/>`) {
		t.Error("the cost is not right-aligned")
	}
	title, note := strings.Index(rows[1], "Testing action"), strings.Index(rows[1], "What the city will try")
	if title < 0 || note < title || strings.Count(rows[1][:strings.Index(rows[1], "</w:tc>")], "<w:p>") != 2 {
		t.Error("the note is not a paragraph of its own below the title")
	}
}

// The orientation rule: six columns or more that are not all figures, or
// columns whose longest words cannot fit a portrait page, go landscape,
// in every writer alike.
func TestTablesThatCannotFitPortraitGoLandscape(t *testing.T) {
	narrow := Table{Header: []string{"Partner", "Population"}, Rows: [][]Cell{{{Text: "Gdańsk"}, {Text: "486 000"}}}}
	var long []string
	for i := range 5 {
		long = append(long, "Interdepartmentalisations"+strconv.Itoa(i)+" of Responsibilities")
	}
	wordy := Table{Header: long}
	form := Table{Header: []string{"a", "b", "c", "d", "e", "f"}}
	// A scale's distribution: a statement and eight columns of figures
	// (right-aligned numbers) is no paper form and fits portrait.
	figures := Table{Header: []string{"Statement", "1", "2", "3", "4", "5", "Mean", "Median", "Answers"}}
	for range 3 {
		row := []Cell{{Text: "How confident is your city in… [embedding participation results]"}}
		for _, f := range []string{"0", "4", "9", "11", "3", "3.17", "3", "27"} {
			row = append(row, Cell{Text: f, Right: true})
		}
		figures.Rows = append(figures.Rows, row)
	}
	for _, l := range []Layout{{}, {Font: Arial}, {Paper: Letter}} {
		if l.needsLandscape(narrow) || !l.needsLandscape(wordy) || !l.needsLandscape(form) || l.needsLandscape(figures) {
			t.Errorf("%+v: narrow %v, wordy %v, six columns %v, figures %v", l, l.needsLandscape(narrow), l.needsLandscape(wordy), l.needsLandscape(form), l.needsLandscape(figures))
		}
	}
	d := Document{Blocks: []Block{Text("Before"), wordy, Text("After"), Text("Later")}}
	parts, _ := docxParts(t, d)
	if n := strings.Count(parts["word/document.xml"], `w:orient="landscape"`); n != 1 {
		t.Errorf("%d landscape sections, want 1", n)
	}
}

// US Letter as a setting: the DOCX's sections and the PDF's pages.
func TestLetterPaper(t *testing.T) {
	d := sampleDocument(2, 1)
	d.Layout = Layout{Paper: Letter}
	parts, _ := docxParts(t, d)
	if body := parts["word/document.xml"]; !strings.Contains(body, `<w:pgSz w:w="12240" w:h="15840"/>`) || strings.Contains(body, "16838") {
		t.Error("the DOCX is not on Letter pages")
	}
	r, err := layoutPDF(d, testkit.Fonts(t))
	if err != nil {
		t.Fatal(err)
	}
	if w, h := r.pdf.GetPageSize(); w > h && (w != 279.4 || h != 215.9) || w < h && (w != 215.9 || h != 279.4) {
		t.Errorf("the PDF's last page is %.1f × %.1f mm", w, h)
	}
	if _, err := ParsePaper("letter"); err != nil {
		t.Error(err)
	}
	if _, err := ParsePaper("A5"); err == nil || !strings.Contains(err.Error(), "A4 or Letter") {
		t.Errorf("A5: %v", err)
	}
}

// The legend stays with the table: when the last row just fits a page
// and the legend does not, the last row goes over with it.
func TestPDFLegendStaysWithTheLastRow(t *testing.T) {
	for rows := 30; rows < 60; rows++ {
		tab := Table{Header: []string{"Sub-theme", "State"}, Legend: []LegendItem{{Fill: "0072B2", Label: "LEGENDWORD"}}}
		for i := range rows {
			tab.Rows = append(tab.Rows, []Cell{{Text: "Row " + strconv.Itoa(i)}, {Text: "GP"}})
		}
		pages := pdfPages(t, Document{Blocks: []Block{tab}})
		last := pages[len(pages)-1]
		if !strings.Contains(last, "LEGENDWORD") || !strings.Contains(last, "Row "+strconv.Itoa(rows-1)) {
			t.Fatalf("%d rows: the legend is not on the page of the last row", rows)
		}
	}
}

// An action table — nine columns, a bold title with its description —
// is set at 9 pt in the PDF, on a landscape page: readable on paper.
func TestPDFActionTableIsReadable(t *testing.T) {
	header := []string{"Action", "Kind", "Timing", "Responsibility", "Cost (EUR)", "Funding source", "Monitoring indicators", "Risks", "Status"}
	row := []Cell{{Text: "A framework for choosing when and how to involve citizens", Bold: true,
		Note: "Departments get a short guide that tells whether a project phase suits participation and which method fits it."},
		{Text: "Testing action"}, {Text: "2024-06-01 to 2025-06-30"}, {Text: "Participation team"}, {Text: "12 000", Right: true},
		{Text: "URBACT testing action budget"}, {Text: "Guide used by at least 5 departments"}, {Text: "Departments see it as extra paperwork"}, {Text: "In progress"}}
	d := Document{Blocks: []Block{Table{Header: header, Rows: [][]Cell{row, row}}}}
	r := newPDFRender(d, testkit.Fonts(t), nil)
	if !r.landscape {
		t.Fatal("nine columns on a portrait page")
	}
	if lt := r.layoutTable(d.Blocks[0].(Table)); lt.size < 9 {
		t.Errorf("the action table is set at %.1f pt, want 9 or more", lt.size)
	}
}
