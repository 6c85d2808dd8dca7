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
