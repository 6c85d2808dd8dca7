package matrix

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fonts for tests: the PDF needs TrueType fonts; Fyne's are not importable
// here (no Fyne outside ui), so the tests use DejaVu from the system when
// present and Go's own font otherwise.
func testFonts(t *testing.T) Fonts {
	t.Helper()
	for _, dir := range []string{"/usr/share/fonts/truetype/dejavu/"} {
		reg, err1 := os.ReadFile(filepath.Join(dir, "DejaVuSans.ttf"))
		bold, err2 := os.ReadFile(filepath.Join(dir, "DejaVuSans-Bold.ttf"))
		if err1 == nil && err2 == nil {
			return Fonts{Regular: reg, Bold: bold}
		}
	}
	t.Skip("no TrueType font on this machine (install fonts-dejavu-core)")
	return Fonts{}
}

// requireTool finds an external program; in CI a missing one is a failure.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (make test-deps installs it)", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return path
}

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
	soffice := requireTool(t, "libreoffice")
	pdftotext := requireTool(t, "pdftotext")
	_, m := demoMatrix(t)
	dir := t.TempDir()
	var x, p bytes.Buffer
	if err := m.WriteXLSX(&x, "Agents of Co-Existence"); err != nil {
		t.Fatal(err)
	}
	if err := m.WritePDF(&p, "Agents of Co-Existence", testFonts(t)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "matrix.xlsx"), x.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "matrix.pdf"), p.Bytes(), 0o644)

	out := filepath.Join(dir, "lo")
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", out, filepath.Join(dir, "matrix.xlsx"))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, b)
	}
	// LibreOffice (Draw) must open our PDF too.
	cmd = exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "png", "--outdir", out, filepath.Join(dir, "matrix.pdf"))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice on our PDF: %v\n%s", err, b)
	}
	if st, err := os.Stat(filepath.Join(out, "matrix.png")); err != nil || st.Size() < 10000 {
		t.Fatalf("LibreOffice did not render our PDF: %v", err)
	}
	for name, file := range map[string]string{"our PDF": filepath.Join(dir, "matrix.pdf"), "LibreOffice's PDF of our XLSX": filepath.Join(out, "matrix.pdf")} {
		b, err := exec.Command(pdftotext, file, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", name, err)
		}
		text := string(b)
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
