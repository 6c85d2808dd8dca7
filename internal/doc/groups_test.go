package doc

import (
	"regexp"
	"testing"
)

// Each partner's table of one kind has the same columns: the DOCX's
// grids and the HTML's widths agree from one table to the next, though
// one partner writes long actions and the other short ones.
func TestTablesOfOneKindShareTheirColumns(t *testing.T) {
	header := []string{"Action", "Responsibility", "Cost (EUR)"}
	d := Document{Blocks: []Block{
		Heading{Level: 2, Text: "Genk"},
		Table{Header: header, Rows: [][]Cell{{{Text: "Describe the tasks of a participation contact point and discuss them with the HR department"}, {Text: "ULG coordinator"}, {Text: "12,000 EUR", Right: true}}}},
		Heading{Level: 2, Text: "Gdańsk"},
		Table{Header: header, Rows: [][]Cell{{{Text: "Collect examples"}, {Text: "Manual working group with the legal department"}, {Text: "950 EUR", Right: true}}}},
		Table{Header: []string{"Other", "Kind"}, Rows: [][]Cell{{{Text: "x"}, {Text: "y"}}}},
	}}
	parts, _ := docxParts(t, d)
	grids := regexp.MustCompile(`<w:tblGrid>.*?</w:tblGrid>`).FindAllString(parts["word/document.xml"], -1)
	if len(grids) != 3 || grids[0] != grids[1] || grids[1] == grids[2] {
		t.Errorf("the DOCX's column grids %q: want the two action tables alike", grids)
	}
	g := groupTables(d)
	first, second := d.Layout.htmlShares(g.Blocks[1].(Table)), d.Layout.htmlShares(g.Blocks[3].(Table))
	for i := range first {
		if first[i] != second[i] {
			t.Errorf("HTML column %d: %.3f and %.3f", i, first[i], second[i])
		}
	}
}
