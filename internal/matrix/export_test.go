package matrix

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

func TestXLSXHasFillsLegendAndFrozenHeaders(t *testing.T) {
	_, m := demoMatrix(t)
	var buf bytes.Buffer
	if err := m.WriteXLSX(&buf, "AoCE"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Matrix", "C4"); v != "Genk" {
		t.Fatalf("C4 = %q, want Genk", v)
	}
	if v, _ := f.GetCellValue("Matrix", "C5"); !strings.HasPrefix(v, "GP\nThe 22") {
		t.Fatalf("C5 = %q", v)
	}
	style, _ := f.GetCellStyle("Matrix", "C5")
	s, _ := f.GetStyle(style)
	if len(s.Fill.Color) == 0 || s.Fill.Color[0] != Hex(FillGoodPractice) {
		t.Fatalf("C5 fill %+v", s.Fill)
	}
	panes, _ := f.GetPanes("Matrix")
	if !panes.Freeze || panes.XSplit != 2 || panes.YSplit != 4 {
		t.Fatalf("panes %+v", panes)
	}
	if v, _ := f.GetCellValue("Matrix", "D2"); v != Label(GoodPractice) {
		t.Fatalf("legend D2 = %q", v)
	}
}

func TestExportsOpenInLibreOfficeAndPDFReadsBack(t *testing.T) {
	_, m := demoMatrix(t)
	dir := t.TempDir()
	var x, p bytes.Buffer
	if err := m.WriteXLSX(&x, "Agents of Co-Existence"); err != nil {
		t.Fatal(err)
	}
	if err := m.WritePDF(&p, "Agents of Co-Existence", testkit.Fonts(t)); err != nil {
		t.Fatal(err)
	}
	ours, xlsx := filepath.Join(dir, "matrix.pdf"), filepath.Join(dir, "matrix.xlsx")
	os.WriteFile(xlsx, x.Bytes(), 0o644)
	os.WriteFile(ours, p.Bytes(), 0o644)
	theirs := testkit.Convert(t, xlsx, "pdf")
	// LibreOffice (Draw) must open our PDF too.
	if st, err := os.Stat(testkit.Convert(t, ours, "png")); err != nil || st.Size() < 10000 {
		t.Fatalf("LibreOffice did not render our PDF: %v", err)
	}
	for name, file := range map[string]string{"our PDF": ours, "LibreOffice's PDF of our XLSX": theirs} {
		if pages, a4 := testkit.PageOrientations(t, file); !a4 || slices.Contains(pages, "portrait") {
			t.Errorf("%s pages %v, all A4 %v: want landscape A4", name, pages, a4)
		}
		text := testkit.PDFText(t, file)
		if name == "our PDF" { // set as the document layout sets tables: names wrap inside their column, whole
			testkit.RequireWordsWhole(t, name, m.Document("Agents of Co-Existence").Texts(), text)
			continue
		}
		for _, p := range m.Partners {
			if !strings.Contains(text, p.Name) {
				t.Errorf("%s lacks %s", name, p.Name)
			}
		}
		for _, want := range []string{"Gdańsk", "Iași", "Working together with citizens"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
}
