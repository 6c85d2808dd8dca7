package survey

import (
	"context"
	"path/filepath"
	"testing"
)

// Files as they arrive from European laptops (testdata/nasty): a Google
// Forms export in another language heads its timestamp "Zeitstempel" or
// "Marca temporal"; a date-time column under any heading is the moment
// of the answer, not a word cloud of its digits; empty columns Excel
// leaves at the right are no questions.
func TestEuropeanExports(t *testing.T) {
	s, n := demoStore(t)
	for _, c := range []struct {
		file, format string
		respondents  int
		prompts      []string // the questions, in order: no timestamp, no empty column
	}{
		{"excel-eu-semicolon-1252.csv", "google", 60, []string{"Stadt", "Welche Themen?", "Bewertung", "Kommentar"}},
		{"google-es-1252.csv", "google", 20, []string{"Ciudad", "Comentario"}},
		{"generic-datetime.csv", "generic", 12, []string{"Idee"}}, // Stadt: the partner column
	} {
		t.Run(c.file, func(t *testing.T) {
			sv, rep, err := Import(context.Background(), s, n.ID, filepath.Join("testdata/nasty", c.file), Options{Title: c.file})
			if err != nil {
				t.Fatal(err)
			}
			var prompts []string
			for _, q := range rep.Questions {
				prompts = append(prompts, q.Prompt)
			}
			if sv.Format != c.format || sv.Respondents != c.respondents || len(prompts) != len(c.prompts) {
				t.Fatalf("%s with %d respondents and questions %q; want %s, %d, %q", sv.Format, sv.Respondents, prompts, c.format, c.respondents, c.prompts)
			}
			for i := range prompts {
				if prompts[i] != c.prompts[i] {
					t.Fatalf("questions %q, want %q", prompts, c.prompts)
				}
			}
			if c.file != "excel-eu-semicolon-1252.csv" {
				return
			}
			res, err := LoadResults(context.Background(), s, sv, "")
			if err != nil {
				t.Fatal(err)
			}
			// Counted with Python's csv module: the ";" of the checkboxes
			// inside quoted cells, a comment with ";" and a line break one answer.
			if got := option(question(t, res, "Welche Themen?"), "Öffentlicher Raum"); got != 27 {
				t.Errorf("Öffentlicher Raum counted %d, want 27", got)
			}
			if got := option(question(t, res, "Kommentar"), "Gut; aber\nzu lang"); got != 9 {
				t.Errorf("the comment with a line break counted %d, want 9", got)
			}
		})
	}
}
