package grids

import (
	"io"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

func demoSheet(t *testing.T) Sheet { return demoMeetingSheet(t, "Core Network Meeting 2") }

// The demo's grids of Core Network Meeting 2 as XLSX, DOCX and PDF: each
// opens in LibreOffice, and its text holds every partner with a grid,
// their learnings and actions.
func TestGridExportsOpenInLibreOffice(t *testing.T) {
	sh := demoSheet(t)
	if len(sh.Partners) != 2 || sh.Partners[0].Partner.Name != "Genk" || sh.Partners[1].Partner.Name != "Gdańsk" {
		t.Fatalf("partners with grids: %+v", sh.Partners)
	}
	dir := t.TempDir()
	write := map[string]func(io.Writer) error{
		"grids.xlsx": sh.WriteXLSX,
		"grids.docx": sh.WriteDOCX,
		"grids.pdf":  func(w io.Writer) error { return sh.WritePDF(w, testkit.Fonts(t)) },
	}
	texts := testkit.ExportsSay(t, dir, write, "Gdańsk", "Key learning", "Invite", "permanent", "coordinator", "IAP")
	// No column is so narrow that LibreOffice or our PDF breaks a word.
	for _, name := range []string{"grids.docx", "grids.pdf"} {
		testkit.RequireWordsWhole(t, name, sh.Document().Texts(), texts[name])
	}
	// Six columns: the grids' pages are landscape A4 in every format; the
	// review of Core Network Meeting 1's actions after them may turn
	// portrait, the same in the DOCX and our PDF.
	orientations := map[string][]string{}
	for _, pdf := range []string{"grids.docx.pdf", "grids.pdf", "grids.xlsx.pdf"} {
		pages, a4 := testkit.PageOrientations(t, filepath.Join(dir, pdf))
		orientations[pdf] = pages
		if !a4 || len(pages) == 0 || pages[0] != "landscape" || (pdf == "grids.xlsx.pdf" && slices.Contains(pages, "portrait")) {
			t.Errorf("%s pages %v, all A4 %v: want the grids on landscape A4", pdf, pages, a4)
		}
	}
	if !slices.Equal(orientations["grids.docx.pdf"], orientations["grids.pdf"]) {
		t.Errorf("the DOCX's pages are %v, our PDF's %v", orientations["grids.docx.pdf"], orientations["grids.pdf"])
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "grids.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 3 || sheets[1] != "Gdańsk" || sheets[2] != "Review" {
		t.Fatalf("sheets %v", sheets)
	}
	if v, _ := f.GetCellValue("Genk", "B4"); v != "5" {
		t.Fatalf("Genk B4 = %q", v)
	}
}
