package survey

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// liveSurvey creates the example template's survey and n participants.
func liveSurvey(t *testing.T, n int) (*data.Store, data.Survey, []data.Question, []int) {
	t.Helper()
	s, nw := demoStore(t)
	sv, err := ImportTemplate(context.Background(), s, nw.ID, "../../assets/examples/survey-template.csv", "Live")
	if err != nil {
		t.Fatal(err)
	}
	qs, _ := s.SurveyQuestions(context.Background(), sv.ID)
	genk, _ := s.PartnerByName(context.Background(), nw.ID, "Genk")
	var positions []int
	err = s.Update(context.Background(), func(tx *data.Tx) error {
		for i := range n {
			partner := ""
			if i == 0 {
				partner = genk.ID
			}
			p, err := tx.AddLiveParticipant(sv.ID, string(rune('a'+i)), partner, "live", len(qs))
			if err != nil {
				return err
			}
			positions = append(positions, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sv, _ = s.SurveyByIDOrTitle(context.Background(), nw.ID, sv.ID)
	return s, sv, qs, positions
}

func vote(t *testing.T, s *data.Store, sv data.Survey, qs []data.Question, position, qi int, values ...string) error {
	t.Helper()
	ans, err := CheckAnswer(qs[qi], values)
	if err != nil {
		return err
	}
	return s.Update(context.Background(), func(tx *data.Tx) error {
		_, err := RecordVote(tx, qs, LivePlan(qs), sv.ID, position, qi, ans)
		return err
	})
}

func TestLiveVotesMoveTheCountsWhenChanged(t *testing.T) {
	s, sv, qs, p := liveSurvey(t, 3)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// single choice: two for the first theme, one changes its mind
	must(vote(t, s, sv, qs, p[0], 0, "Focus on staff"))
	must(vote(t, s, sv, qs, p[1], 0, "Focus on staff"))
	must(vote(t, s, sv, qs, p[1], 0, "New working methods"))
	// scales: statements 1 and 3 only
	must(vote(t, s, sv, qs, p[0], 2, "4", "", "2"))
	must(vote(t, s, sv, qs, p[1], 2, "2", "5", "4"))
	// word cloud entries counted whole, case folded
	must(vote(t, s, sv, qs, p[0], 3, "Civic Trust", "youth"))
	must(vote(t, s, sv, qs, p[1], 3, "civic trust!"))
	must(vote(t, s, sv, qs, p[2], 3, "budget"))
	must(vote(t, s, sv, qs, p[2], 3, "dialogue")) // budget is gone again
	// ranking
	must(vote(t, s, sv, qs, p[0], 5, "2", "1", "3"))

	res, err := LoadResults(context.Background(), s, sv, "")
	if err != nil {
		t.Fatal(err)
	}
	q := res.Questions
	if q[0].Respondents != 2 || q[0].Skipped != 1 || option(q[0], "Focus on staff") != 1 || option(q[0], "New working methods") != 1 {
		t.Errorf("single choice %+v", q[0])
	}
	if st := q[2].Statements; st[0].Count != 2 || st[0].Mean != 3 || st[1].Count != 1 || st[2].Mean != 3 {
		t.Errorf("scales %+v", st)
	}
	words := map[string]int{}
	for _, w := range q[3].Words {
		words[w.Word] = w.Count
	}
	if len(words) != 3 || words["civic trust"] != 2 || words["youth"] != 1 || words["dialogue"] != 1 {
		t.Errorf("words %v", words)
	}
	if q[5].Items[0].Label != "Cooperation with NGOs" || q[5].Items[0].Average != 1 {
		t.Errorf("ranking %+v", q[5].Items)
	}
	genk, err := LoadResults(context.Background(), s, sv, q0Partner(t, s, sv))
	if err != nil || genk.Questions[0].Respondents != 1 || option(genk.Questions[0], "Focus on staff") != 1 {
		t.Errorf("Genk's results %+v %v", genk.Questions[0], err)
	}
}

func q0Partner(t *testing.T, s *data.Store, sv data.Survey) string {
	var id string
	s.EachRespondent(context.Background(), sv.ID, "", func(r data.Respondent) error {
		if r.PartnerID != "" {
			id = r.PartnerID
		}
		return nil
	})
	return id
}

func TestCheckAnswerRefusesWhatTheFormCannotSend(t *testing.T) {
	_, _, qs, _ := liveSurvey(t, 0)
	bad := map[int][][]string{
		0: {{}, {"Not a choice"}, {"Focus on staff", "New working methods"}},
		1: {{"Study visit", "<script>"}},
		2: {{"9", "", ""}, {"1", "2"}, {"", "", ""}, {"x", "1", "1"}},
		3: {{"a", "b", "c", "d"}, {"this entry is far longer than forty characters, surely"}},
		4: {{""}, {strings.Repeat("a", 501)}},
		5: {{"1", "1", "2"}, {"0", "1", "2"}, {"4", "1", "2"}},
	}
	for qi, cases := range bad {
		for _, values := range cases {
			if _, err := CheckAnswer(qs[qi], values); !errors.As(err, new(*VoteError)) {
				t.Errorf("question %d (%s) accepted %q: %v", qi+1, qs[qi].Kind, values, err)
			}
		}
	}
	points := data.Question{Kind: data.KindPoints, Options: []string{"A", "B", "C"}}
	for _, values := range [][]string{{"9223372036854775807", "1", ""}, {"60", "50", ""}, {"101", "", ""}} {
		if _, err := CheckAnswer(points, values); !errors.As(err, new(*VoteError)) {
			t.Errorf("points %q accepted: %v", values, err)
		}
	}
	if got, err := CheckAnswer(qs[3], []string{"Cat", "cat", "CAT!", "!!!"}); err != nil || len(got) != 1 || got[0] != "Cat" {
		t.Errorf("one word given thrice became %q, %v", got, err)
	}
	if got := CleanOptions([]string{" tab\there ", "A", "A", ""}); len(got) != 2 || got[0] != "tabhere" {
		t.Errorf("options cleaned to %q", got)
	}
	if got, err := CheckAnswer(qs[4], []string{"  a\x00b \x1e c  "}); err != nil || got[0] != "ab   c" {
		t.Errorf("open text cleaned to %q, %v", got, err)
	}
}
