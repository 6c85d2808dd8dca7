package survey

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

// The report lists an open question's answers as given, newest first,
// bounded with how many more there are; other results stand in a table
// whose figures are numbers in their own columns.
func TestReportListsOpenAnswersAndFiguresInColumns(t *testing.T) {
	s, n := demoStore(t)
	var csv strings.Builder
	csv.WriteString("Timestamp,Format,Comments\n")
	for i := range openAnswers + 5 {
		fmt.Fprintf(&csv, "2024/01/25 10:%02d:00 AM CET,%s,Comment number %d: the walkshop was useful and we want more time\n", i, []string{"Walkshop", "Masterclass"}[i%2], i)
	}
	res, _ := importFile(t, s, n, "open.csv", []byte(csv.String()), Options{})
	comments := question(t, res, "Comments")
	if len(comments.Answers) != openAnswers || comments.MoreAnswers != 5 || !strings.HasPrefix(comments.Answers[0], "Comment number 24:") || !strings.HasPrefix(comments.Answers[1], "Comment number 23:") {
		t.Fatalf("open answers %q, %d more; want the newest %d first, 5 more", comments.Answers, comments.MoreAnswers, openAnswers)
	}
	d := ReportDocument(res, data.Survey{Title: "Open", Respondents: res.Survey.Respondents}, "")
	texts := strings.Join(d.Texts(), "\n")
	if !strings.Contains(texts, "“Comment number 24:") || strings.Contains(texts, "Comment number 4:") || !strings.Contains(texts, "and 5 more answers") {
		t.Errorf("the report does not list the newest answers with how many more:\n%s", texts)
	}
	var format doc.Table
	for _, b := range d.Blocks {
		if tb, ok := b.(doc.Table); ok && len(tb.Rows) > 0 && tb.Rows[0][0].Text == "Walkshop" {
			format = tb
		}
	}
	if !slices.Equal(format.Header, []string{"Answer", "Count", "Share"}) || len(format.Rows[0]) != 3 ||
		format.Rows[0][1].Text != "13" || format.Rows[0][2].Text != "52.0 %" || !format.Rows[0][1].Right {
		t.Errorf("the choice's table is %v %v, want Answer | Count | Share with 13 and 52.0 %%, right-aligned", format.Header, format.Rows)
	}
}
