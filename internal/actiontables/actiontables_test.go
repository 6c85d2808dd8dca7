package actiontables

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
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
	genk := demoTables(t, "Genk")
	if len(genk.Partners) != 1 || len(genk.Partners[0].Actions) != 2 {
		t.Fatalf("Genk's tables %+v", genk.Partners)
	}
	cells := Cells(genk.Partners[0].Actions[0])
	if !strings.HasPrefix(cells[0], "A framework") || cells[1] != "Testing action" || cells[2] != "2024-06-01 to 2025-06-30" ||
		cells[4] != "12,000 EUR" || cells[8] != "In progress" {
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
	if cost := tab.Rows[0][costColumn]; !cost.Right || cost.Text != "12,000 EUR" || tab.Header[costColumn] != "Cost (EUR)" {
		t.Fatalf("cost cell %+v under %q", cost, tab.Header[costColumn])
	}
	if total := tab.Rows[len(tab.Rows)-1]; total[0].Text != "Total (1 of 2 actions costed)" || total[costColumn].Text != "12,000 EUR" || !total[costColumn].Right {
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
	// Nine columns: every page of every format is landscape A4 — but the
	// workbook's last sheet, the four columns of every partner's total.
	for _, pdf := range []string{"actions.docx.pdf", "actions.pdf", "actions.xlsx.pdf"} {
		pages, a4 := testkit.PageOrientations(t, filepath.Join(dir, pdf))
		if pdf == "actions.xlsx.pdf" && len(pages) > 0 && pages[len(pages)-1] == "portrait" {
			pages = pages[:len(pages)-1]
		}
		if !a4 || slices.Contains(pages, "portrait") {
			t.Errorf("%s pages %v, all A4 %v: want landscape A4", pdf, pages, a4)
		}
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "actions.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 5 || sheets[0] != "Genk" || sheets[4] != "All partners" {
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

// The all-partners file ends with the total of them all; a partner whose
// actions have no cost gets a total row that says so, in every format,
// with costs written one way ("12,000 EUR").
func TestTotalsInEveryFormat(t *testing.T) {
	tables := demoTables(t, "")
	d := tables.Document()
	var uncosted []string
	texts := strings.Join(d.Texts(), "\n")
	for _, pt := range tables.Partners {
		if costOf(pt.Actions).costed == 0 {
			uncosted = append(uncosted, pt.Partner.Name)
		}
	}
	all := tables.cost()
	want := "All partners (4): " + all.label() + ", " + text.Money(all.total, "EUR")
	if !strings.Contains(texts, want) {
		t.Errorf("the document lacks the grand total %q:\n%s", want, texts)
	}
	if len(uncosted) == 0 || strings.Count(texts, "Total (no action costed)") != len(uncosted) {
		t.Errorf("partners without a cost %v; the document says so %d times", uncosted, strings.Count(texts, "Total (no action costed)"))
	}
	var b bytes.Buffer
	if err := tables.WriteXLSX(&b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("All partners")
	if err != nil || len(rows) < 4 {
		t.Fatalf("no All partners sheet: %v %v", rows, err)
	}
	last := rows[len(rows)-1]
	if last[0] != all.label() || last[len(last)-1] != text.Money(all.total, "EUR") {
		t.Errorf("the grand total row reads %q, want %q … %q", last, all.label(), text.Money(all.total, "EUR"))
	}
	// The uncosted partner's total: the label says so, the sum is in EUR.
	uncostedRows, _ := f.GetRows(uncosted[0])
	at := len(uncostedRows)
	if total := uncostedRows[at-1]; total[0] != "Total (no action costed)" {
		t.Errorf("%s's total row reads %q", uncosted[0], total)
	}
	if got := testkit.NumberFormat(t, f, uncosted[0], "E"+strconv.Itoa(at)); got != `#,##0 "EUR"` {
		t.Errorf("%s's total is formatted %q, want it in EUR", uncosted[0], got)
	}
}
