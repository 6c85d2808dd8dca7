package survey

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
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

// The survey report's DOCX (as LibreOffice lays it out) and our PDF of
// bars turn the same pages, by doc's one orientation rule: the example
// survey's scales, now distributions, stay portrait in both, and a
// choice whose label is a long address (a results table that cannot fit
// portrait) goes landscape in both, between portrait pages. The PDF's
// scale rows count each value.
func TestReportDOCXAndPDFTurnTheSamePages(t *testing.T) {
	s, n := testkit.DemoStore(t)
	ctx := context.Background()
	sv, _, err := Import(ctx, s, n.ID, "../../assets/examples/online-academy-2.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := LoadResults(ctx, s, sv, "")
	if err != nil {
		t.Fatal(err)
	}
	link := "https://urbact.eu/networks/agents-of-co-existence/good-practices/participatory-budgeting-the-role-of-project-coaches"
	wide := QuestionResult{Position: len(res.Questions) + 1, Kind: data.KindSingleChoice, Prompt: "Which page did you read first?", Respondents: 2,
		Options: []OptionResult{{Label: link, Count: 2, Percent: 100}}}
	res.Questions = append(res.Questions[:2:2], append([]QuestionResult{wide}, res.Questions[2:]...)...)
	dir := t.TempDir()
	var docx, pdf bytes.Buffer
	if err := doc.WriteDOCX(&docx, ReportDocument(res, sv, "")); err != nil {
		t.Fatal(err)
	}
	if err := writeReportPDF(res, sv, "", &pdf, testkit.Fonts(t)); err != nil {
		t.Fatal(err)
	}
	ours := filepath.Join(dir, "report.pdf")
	docxPath := filepath.Join(dir, "report.docx")
	for path, b := range map[string][]byte{ours: pdf.Bytes(), docxPath: docx.Bytes()} {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lo, _ := testkit.PageOrientations(t, testkit.Convert(t, docxPath, "pdf"))
	our, _ := testkit.PageOrientations(t, ours)
	lo, our = slices.Compact(lo), slices.Compact(our)
	if !slices.Equal(lo, our) || !slices.Equal(our, []string{"portrait", "landscape", "portrait"}) {
		t.Errorf("the DOCX turns %v, our PDF %v; want portrait, landscape, portrait in both", lo, our)
	}
	text := strings.Join(strings.Fields(testkit.PDFText(t, ours)), " ")
	if !regexp.MustCompile(`1: \d+ · 2: \d+ · 3: \d+ · 4: \d+ · 5: \d+ mean \d\.\d\d`).MatchString(text) {
		t.Errorf("our PDF counts no scale's values:\n%s", text)
	}
}

// A web address longer than the label column breaks at its separators
// (/ . - _ ? & =), as LibreOffice breaks it in the DOCX, never inside a
// word: a partner reading the sent report sees every word whole.
func TestReportBreaksAddressesAtSeparators(t *testing.T) {
	link := "https://urbact.eu/networks/agents-of-co-existence/good-practices/participatorybudgetingcoaches?tab=partners&lang=en"
	q := QuestionResult{Position: 1, Kind: data.KindSingleChoice, Prompt: "Which page did you read first?", Respondents: 2,
		Options: []OptionResult{{Label: link, Count: 2, Percent: 100}}}
	sv := data.Survey{Title: "Online Academy", Respondents: 2}
	pdf := pdfdoc.New("P", sv.Title, sv.Title, testkit.Fonts(t))
	pdf.AddPage()
	r := reportWriter{pdf: pdf}
	r.question(q)
	path := filepath.Join(t.TempDir(), "report.pdf")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := testkit.PDFText(t, path)
	testkit.RequireWordsWhole(t, "report.pdf", []string{link}, text)
	var pieces []string
	for _, line := range strings.Split(text, "\n") {
		if f := strings.Fields(line); len(f) > 0 && len(f[0]) > 2 && strings.Contains(link, f[0]) {
			pieces = append(pieces, f[0])
		}
	}
	if strings.Join(pieces, "") != link || len(pieces) < 2 {
		t.Fatalf("the label column reads %q; want the address over several lines", pieces)
	}
	for _, p := range pieces[:len(pieces)-1] {
		if !strings.ContainsAny(p[len(p)-1:], "/.-_?&=") {
			t.Errorf("a line of the address ends %q, not at a separator (lines %q)", p, pieces)
		}
	}
}

// When the report's first question needs a landscape page, the title
// goes on that page in the DOCX (as LibreOffice lays it out) and in our
// PDF alike — doc's one rule — rather than on a portrait page of its own
// in one of them.
func TestReportTitleGoesOnTheFirstSectionsPage(t *testing.T) {
	link := "https://urbact.eu/networks/agents-of-co-existence/good-practices/participatory-budgeting-the-role-of-project-coaches"
	res := Results{Questions: []QuestionResult{
		{Position: 1, Kind: data.KindSingleChoice, Prompt: "Which page did you read first?", Respondents: 2, Options: []OptionResult{{Label: link, Count: 2, Percent: 100}}},
		{Position: 2, Kind: data.KindSingleChoice, Prompt: "Which format helps most?", Respondents: 2, Options: []OptionResult{{Label: "Study visit", Count: 2, Percent: 100}}},
	}}
	sv := data.Survey{Title: "Online Academy", Respondents: 2}
	dir := t.TempDir()
	var docx, pdf bytes.Buffer
	if err := doc.WriteDOCX(&docx, ReportDocument(res, sv, "")); err != nil {
		t.Fatal(err)
	}
	if err := writeReportPDF(res, sv, "", &pdf, testkit.Fonts(t)); err != nil {
		t.Fatal(err)
	}
	ours, docxPath := filepath.Join(dir, "report.pdf"), filepath.Join(dir, "report.docx")
	for path, b := range map[string][]byte{ours: pdf.Bytes(), docxPath: docx.Bytes()} {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lo, _ := testkit.PageOrientations(t, testkit.Convert(t, docxPath, "pdf"))
	our, _ := testkit.PageOrientations(t, ours)
	if !slices.Equal(slices.Compact(lo), slices.Compact(our)) || len(our) == 0 || our[0] != "landscape" {
		t.Errorf("the DOCX's pages are %v, our PDF's %v; want both to open landscape, with the title", lo, our)
	}
	if first := strings.SplitN(testkit.PDFText(t, ours), "\f", 2)[0]; !strings.Contains(first, "Online Academy") || !strings.Contains(first, "Which page did you read first?") {
		t.Errorf("our first page does not hold the title and the first question:\n%s", first)
	}
}
