package survey

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
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
	// Respondent, Partner, Submitted, then the answers: no session column,
	// as no respondent has one.
	if v, _ := f.GetCellValue("Answers", "D2"); v != "=1+1" {
		t.Fatalf("D2 = %q", v)
	}
	if formula, _ := f.GetCellFormula("Answers", "D2"); formula != "" {
		t.Fatalf("D2 became a formula: %q", formula)
	}
	if v, _ := f.GetCellValue("Summary", "A7"); v != "1. Idea" {
		t.Fatalf("summary A7 = %q", v)
	}
	if v, _ := f.GetCellValue("Q2", "A4"); v != "Rating" { // statements of the scales question
		t.Fatalf("Q2 A4 = %q", v)
	}

	// LibreOffice opens both, and shows =1+1 as text, not 2.
	dir := t.TempDir()
	for name, b := range map[string][]byte{"survey.csv": c.Bytes(), "survey.xlsx": xlsx} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, b, 0o644)
		if text := testkit.PDFText(t, testkit.Convert(t, path, "pdf")); !strings.Contains(text, "=1+1") {
			t.Errorf("LibreOffice's rendering of %s does not show =1+1 as text:\n%s", name, text)
		}
	}
}

// writeReport writes a survey's PDF report (everybody's) and returns its
// path and its text as pdftotext reads it.
func writeReport(t *testing.T, s *data.Store, sv data.Survey) (path, text string) {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(context.Background(), s, sv, "", "", &buf, testkit.Fonts(t)); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, testkit.PDFText(t, path)
}

func TestPDFReportHasEveryQuestionAndOpensInLibreOffice(t *testing.T) {
	s, n := demoStore(t)
	sv, _, err := Import(context.Background(), s, n.ID, writeFile(t, "academy.csv", []byte(googleCSV)), Options{Title: "Online Academy 3 — learning needs"})
	if err != nil {
		t.Fatal(err)
	}
	path, text := writeReport(t, s, sv)
	for _, want := range []string{"Online Academy 3 — learning needs", "4 respondents", "1. Main learning need", "Youth involvement", "3 · 75.0 %",
		"3. Usefulness", "mean 4.25", "4. Three words", "trust", "5. Comments", "Page 1 of 2"} { // the respondents per partner (nine partners) come first
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	if st, err := os.Stat(testkit.Convert(t, path, "png")); err != nil || st.Size() < 5000 {
		t.Fatalf("LibreOffice did not render the report: %v", err)
	}
}
