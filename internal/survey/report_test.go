package survey

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// A choice longer than the report's label column wraps onto more lines
// in the PDF instead of being cut with an ellipsis; the report as a
// document holds every question and choice, the figures right-aligned.
func TestReportLabelsWrapWhole(t *testing.T) {
	long := "Neighbourhood participation officers supporting residents and civil servants together"
	q := QuestionResult{Position: 1, Kind: "single_choice", Prompt: "Which format helps most?", Respondents: 8,
		Options: []OptionResult{{Label: long, Count: 5, Percent: 62.5}, {Label: "Study visit", Count: 3, Percent: 37.5}}}
	sv := data.Survey{Title: "Online Academy", Respondents: 8}
	pdf := pdfdoc.New("P", sv.Title, sv.Title, testkit.Fonts(t))
	pdf.AddPage()
	r := reportWriter{pdf: pdf}
	r.titleBlock(sv, "")
	r.question(q)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	text := testkit.PDFText(t, path)
	if strings.Contains(text, "…") {
		t.Errorf("the report cuts a label:\n%s", text)
	}
	testkit.RequireWordsWhole(t, "report.pdf", []string{long, "5 · 62.5 %", "Study visit"}, text)
	d := ReportDocument(Results{Questions: []QuestionResult{q}}, sv, "")
	if texts := strings.Join(d.Texts(), "\n"); !strings.Contains(texts, long) || !strings.Contains(texts, "1. Which format helps most?") {
		t.Errorf("the report document holds %q", d.Texts())
	}
}

// A scale's row in the report is its distribution — how many gave each
// value — beside the mean and median, not the mean alone.
func TestReportScalesAreDistributions(t *testing.T) {
	q := QuestionResult{Kind: data.KindScales, Statements: []StatementResult{{Label: "The site visit", Count: 3, Mean: 4, Median: 4, Values: map[string]int{"1": 0, "2": 0, "3": 1, "4": 1, "10": 1}}}}
	tb := resultsTable(q)
	if got := strings.Join(tb.Header, ","); got != "Statement,1,2,3,4,10,Mean,Median,Answers" {
		t.Fatalf("header %s", got)
	}
	var cells []string
	for _, c := range tb.Rows[0] {
		cells = append(cells, c.Text)
	}
	if got := strings.Join(cells, ","); got != "The site visit,0,0,1,1,1,4.00,4,3" {
		t.Fatalf("row %s", got)
	}
}
