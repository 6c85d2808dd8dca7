package survey

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const hostileCSV = "Timestamp,City,Idea,Rating\n1,Genk,=1+1,4\n2,Breda,@SUM(A1:A2),2\n3,Genk,<script>alert(1)</script>,5\n"

func TestExportsNeutraliseFormulas(t *testing.T) {
	s, n := demoStore(t)
	sv, _, err := Import(context.Background(), s, n.ID, writeFile(t, "h.csv", []byte(hostileCSV)), Options{Title: "Hostile"})
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := WriteCSV(context.Background(), s, sv, &c); err != nil {
		t.Fatal(err)
	}
	out := c.String()
	for _, want := range []string{"'=1+1", "'@SUM(A1:A2)", "<script>alert(1)</script>", "Genk", "Respondent,Partner,Session,Submitted,Idea,Rating"} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %q:\n%s", want, out)
		}
	}
	var x bytes.Buffer
	if err := WriteXLSX(context.Background(), s, sv, &x); err != nil {
		t.Fatal(err)
	}
	xlsx := append([]byte(nil), x.Bytes()...)
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Answers", "E2"); v != "=1+1" {
		t.Fatalf("E2 = %q", v)
	}
	if formula, _ := f.GetCellFormula("Answers", "E2"); formula != "" {
		t.Fatalf("E2 became a formula: %q", formula)
	}
	if v, _ := f.GetCellValue("Summary", "B7"); v != "Idea" {
		t.Fatalf("summary B7 = %q", v)
	}
	if v, _ := f.GetCellValue("Q2", "A4"); v != "Rating" { // statements of the scales question
		t.Fatalf("Q2 A4 = %q", v)
	}

	// LibreOffice opens both, and shows =1+1 as text, not 2.
	soffice, err := exec.LookPath("libreoffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("libreoffice is not installed")
		}
		t.Skip("libreoffice is not installed")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "survey.csv"), c.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "survey.xlsx"), xlsx, 0o644)
	for _, name := range []string{"survey.csv", "survey.xlsx"} {
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile-"+name), "--convert-to", "pdf",
			"--outdir", filepath.Join(dir, "out-"+name), filepath.Join(dir, name))
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("libreoffice %s: %v\n%s", name, err, b)
		}
		pdf := filepath.Join(dir, "out-"+name, strings.TrimSuffix(name, filepath.Ext(name))+".pdf")
		b, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", name, err)
		}
		if !strings.Contains(string(b), "=1+1") {
			t.Errorf("LibreOffice's rendering of %s does not show =1+1 as text:\n%s", name, b)
		}
	}
}
