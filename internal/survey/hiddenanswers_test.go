package survey

import (
	"context"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// What the room saw live is what the results show (issue 15): an answer
// the presenter hid is on no slide and in no report, which say how many
// were hidden; every cloud leaves out the stop-words of the partners'
// languages and the presenter's words to hide, as the live one does.
func TestResultsLeaveOutHiddenAnswersAndFilteredWords(t *testing.T) {
	ctx := context.Background()
	s, n := demoStore(t)
	csv := "Timestamp,Comments\n" +
		"1,Het gesprek met de burgers over de begroting\n" +
		"2,Nothing yet we are still learning ourselves\n" +
		"3,Rozmowa i dialog z mieszkańcami o budżecie\n"
	res, _ := importFile(t, s, n, "hidden.csv", []byte(csv), Options{})
	sv := data.Survey{ID: res.Survey.ID, Title: "hidden", Respondents: res.Survey.Respondents}
	if q := question(t, res, "Comments"); len(q.Answers) != 3 || q.Hidden != 0 {
		t.Fatalf("before hiding: %q, %d hidden; want the 3 answers", q.Answers, q.Hidden)
	}
	// the second respondent (position 1) answered "Nothing yet…" to question 0
	if err := s.SetLiveAnswerHidden(ctx, sv.ID, data.HiddenAnswer{Question: 0, Position: 1}, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveLiveControls(ctx, sv.ID, `{"filter":{"stop_words":true,"hide":["Begroting"]}}`); err != nil {
		t.Fatal(err)
	}
	res, err := LoadResults(ctx, s, sv, "")
	if err != nil {
		t.Fatal(err)
	}
	q := question(t, res, "Comments")
	if len(q.Answers) != 2 || q.Hidden != 1 || q.MoreAnswers != 0 || strings.Contains(strings.Join(q.Answers, "|"), "Nothing yet") {
		t.Errorf("after hiding: %q, %d hidden, %d more; want the other 2, 1 hidden, none more", q.Answers, q.Hidden, q.MoreAnswers)
	}
	var words []string
	for _, w := range q.Words {
		words = append(words, w.Word)
	}
	for _, gone := range []string{"het", "de", "met", "over", "i", "z", "o", "begroting"} {
		for _, w := range words {
			if w == gone {
				t.Errorf("the cloud keeps %q: %q", gone, words)
			}
		}
	}
	if !strings.Contains(" "+strings.Join(words, " ")+" ", " gesprek ") {
		t.Errorf("the cloud lost a word that is no stop-word: %q", words)
	}
	texts := strings.Join(ReportDocument(res, sv, "").Texts(), "\n")
	if !strings.Contains(texts, "1 answer hidden by the presenter") || strings.Contains(texts, "Nothing yet") {
		t.Errorf("the report does not leave the hidden answer out with a note:\n%s", texts)
	}
}
