package actiontables

import (
	"context"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

func demoTables(t *testing.T, partner string) Tables {
	t.Helper()
	s, n := testkit.DemoStore(t)
	id := ""
	if partner != "" {
		p, err := s.PartnerByName(context.Background(), n.ID, partner)
		if err != nil {
			t.Fatal(err)
		}
		id = p.ID
	}
	tables, err := Load(context.Background(), s, n, id)
	if err != nil {
		t.Fatal(err)
	}
	return tables
}

func TestCellsAndEuros(t *testing.T) {
	for v, want := range map[float64]string{12000: "12\u202f000", 1500.5: "1\u202f500.50", 999: "999", 1234567.25: "1\u202f234\u202f567.25", 0: "0"} {
		if got := formatEuros(v); got != want {
			t.Errorf("formatEuros(%v) = %q, want %q", v, got, want)
		}
	}
	genk := demoTables(t, "Genk")
	if len(genk.Partners) != 1 || len(genk.Partners[0].Actions) != 2 {
		t.Fatalf("Genk's tables %+v", genk.Partners)
	}
	cells := Cells(genk.Partners[0].Actions[0])
	if !strings.HasPrefix(cells[0], "A framework") || cells[1] != "Testing action" || cells[2] != "2024-06-01 to 2025-06-30" ||
		cells[4] != "12\u202f000" || cells[8] != "In progress" {
		t.Fatalf("cells %q", cells)
	}
	d := genk.Document()
	if h, ok := d.Blocks[0].(doc.Heading); !ok || h.Text != "Genk" {
		t.Fatalf("first block %+v", d.Blocks[0])
	}
	tab := d.Blocks[1].(doc.Table)
	if first := tab.Rows[0][0]; !first.Bold || first.Text != genk.Partners[0].Actions[0].Title || !strings.HasPrefix(first.Note, genk.Partners[0].Actions[0].Description) || first.Note == "" {
		t.Fatalf("the first action's cell %+v: want the title in bold, the description as its note", first)
	}
	if cost := tab.Rows[0][costColumn]; !cost.Right || cost.Text != "12\u202f000" || tab.Header[costColumn] != "Cost (EUR)" {
		t.Fatalf("cost cell %+v under %q", cost, tab.Header[costColumn])
	}
	if total := tab.Rows[len(tab.Rows)-1]; total[0].Text != "Total (1 of 2 actions costed)" || total[costColumn].Text != "12\u202f000" || !total[costColumn].Right {
		t.Fatalf("total row %+v", total)
	}
}

// Every partner's action table as XLSX, DOCX and PDF: LibreOffice opens
// each, and the text holds every partner with actions and their actions.
func TestActionTableExportsOpenInLibreOffice(t *testing.T) {
	tables := demoTables(t, "")
	var names []string
	for _, pt := range tables.Partners {
		names = append(names, pt.Partner.Name)
	}
	if strings.Join(names, ",") != "Genk,Budaörs,Gdańsk,Ķekava" {
		t.Fatalf("partners with actions: %v", names)
	}
	dir := t.TempDir()
	write := map[string]func(io.Writer) error{
		"actions.xlsx": tables.WriteXLSX,
		"actions.docx": func(w io.Writer) error { return doc.WriteDOCX(w, tables.Document()) },
		"actions.pdf":  func(w io.Writer) error { return doc.WritePDF(w, tables.Document(), testkit.Fonts(t)) },
	}
	texts := testkit.ExportsSay(t, dir, write, append(names, "Monitoring", "knowledge-sharing", "Advisory", "Participation")...)
	// No column is so narrow that LibreOffice or our PDF breaks a word.
	for _, name := range []string{"actions.docx", "actions.pdf"} {
		testkit.RequireWordsWhole(t, name, tables.Document().Texts(), texts[name])
	}
	// Nine columns: every page of every format is landscape A4.
	for _, pdf := range []string{"actions.docx.pdf", "actions.pdf", "actions.xlsx.pdf"} {
		pages, a4 := testkit.PageOrientations(t, filepath.Join(dir, pdf))
		if !a4 || slices.Contains(pages, "portrait") {
			t.Errorf("%s pages %v, all A4 %v: want landscape A4", pdf, pages, a4)
		}
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "actions.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 4 || sheets[0] != "Genk" {
		t.Fatalf("sheets %v", sheets)
	}
	// The cost is a number partners can sum, not text.
	if typ, _ := f.GetCellType("Genk", "E4"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Fatalf("Genk E4 is %v", typ)
	}
	if v, _ := f.GetCellValue("Genk", "E4", excelize.Options{RawCellValue: true}); v != "12000" {
		t.Fatalf("Genk E4 = %q", v)
	}
}
