package survey

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// The audience's questions of a Mentimeter file, with their upvotes and
// whether they were answered, are in every export a partner reads: the
// PDF and DOCX reports and the XLSX, each opened by LibreOffice; and in
// the CSV of a survey that holds counts only (a file without voters).
func TestExportsListTheAudienceQuestions(t *testing.T) {
	s, n := demoStore(t)
	ctx := context.Background()
	withVoters, _, err := Import(ctx, s, n.ID, "testdata/corpus/menti-qa.xlsx", Options{Title: "Q&A"})
	if err != nil {
		t.Fatal(err)
	}
	countsOnly, _, err := Import(ctx, s, n.ID, "testdata/corpus/menti-no-voters.xlsx", Options{Title: "No voters"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, fn func(*bytes.Buffer) error) string {
		var b bytes.Buffer
		if err := fn(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	var files []string
	for _, sv := range []data.Survey{withVoters, countsOnly} {
		base := strings.ReplaceAll(sv.Title, " ", "-")
		files = append(files,
			write(base+"-report.docx", func(b *bytes.Buffer) error { return WriteDOCX(ctx, s, sv, "", "", b) }),
			write(base+".xlsx", func(b *bytes.Buffer) error { return WriteXLSX(ctx, s, sv, b) }))
	}
	pdfs := testkit.ConvertAll(t, files)
	pdfs = append(pdfs,
		write("qa-report.pdf", func(b *bytes.Buffer) error { return WritePDF(ctx, s, withVoters, "", "", b, testkit.Fonts(t)) }),
		write("no-voters-report.pdf", func(b *bytes.Buffer) error { return WritePDF(ctx, s, countsOnly, "", "", b, testkit.Fonts(t)) }))
	space := regexp.MustCompile(`\s+`)
	for i, pdf := range pdfs {
		text := space.ReplaceAllString(testkit.PDFText(t, pdf), " ")
		want := []string{"Who pays for the study visits?", "11", "Can we visit the Genk project in", "Upvotes"} // a long label wraps beside its figures
		if i == 2 || i == 3 || i == 5 {                                                                         // the survey without voters
			want = []string{"Who pays for the study visits?", "Can partners join online?", "counts per question only", "Upvotes"}
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", filepath.Base(pdf), w, text)
			}
		}
		if !regexp.MustCompile(`(?i)answered`).MatchString(text) {
			t.Errorf("%s does not say which were answered", filepath.Base(pdf))
		}
	}
	var c bytes.Buffer
	if err := WriteCSV(ctx, s, countsOnly, &c); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Questions from audience", "Who pays for the study visits?,,,5,yes", "Which city should host the next meeting?", "Budaörs,,0"} {
		if !strings.Contains(c.String(), w) {
			t.Errorf("the CSV of counts lacks %q:\n%s", w, c.String())
		}
	}
}
