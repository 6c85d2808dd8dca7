package data_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// answerHits are the survey answers a search finds, as "respondent/question".
func answerHits(t *testing.T, s *data.Store, networkID, typed string) []string {
	t.Helper()
	_, hits := found(t, s, networkID, typed)
	var out []string
	for _, h := range hits {
		if h.Kind == data.SearchAnswer {
			out = append(out, fmt.Sprintf("%d/%d", h.Respondent, h.Question))
		}
	}
	slices.Sort(out)
	return out
}

func TestAnswersAreFoundOnceIndexedAndIndexingTwiceChangesNothing(t *testing.T) {
	defer data.SetIndexBatch(2)() // three batches for five respondents
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	var rs []data.Respondent
	for i := range 5 {
		rs = append(rs, data.Respondent{Position: i, Answers: [][]string{{"Genk"}, {fmt.Sprintf("walkshop number %d", i)}, {"trust"}}})
	}
	sv := storeAnswersSurvey(t, s, n.ID, rs)
	if got := answerHits(t, s, n.ID, "walkshop"); len(got) != 0 {
		t.Fatalf("answers found before they were indexed: %v", got)
	}
	if ids, err := s.SurveysToIndex(ctx); err != nil || !slices.Equal(ids, []string{sv.ID}) {
		t.Fatalf("surveys to index: %v %v, want %s", ids, err, sv.ID)
	}
	// A live vote before the indexing reaches its respondent.
	if err := s.Update(ctx, func(tx *data.Tx) error {
		return tx.SetRespondentAnswers(sv.ID, 3, [][]string{{"Genk"}, {"walkshop changed"}, {"trust"}})
	}); err != nil {
		t.Fatal(err)
	}
	want := []string{"0/1", "1/1", "2/1", "3/1", "4/1"}
	for run := range 2 {
		if err := s.IndexSurveyAnswers(ctx, sv.ID); err != nil {
			t.Fatal(err)
		}
		if got := answerHits(t, s, n.ID, "walkshop"); !slices.Equal(got, want) {
			t.Errorf("run %d: walkshop finds %v, want %v", run+1, got, want)
		}
		if got := answerHits(t, s, n.ID, "changed"); !slices.Equal(got, []string{"3/1"}) {
			t.Errorf("run %d: the changed vote: %v", run+1, got)
		}
		if got := one[int](t, side(t, s), `SELECT COUNT(*) FROM search_answers`); got != 10 {
			t.Errorf("run %d: %d answers in the index, want 10", run+1, got)
		}
	}
	if ids, err := s.SurveysToIndex(ctx); err != nil || len(ids) != 0 {
		t.Errorf("still to index: %v %v", ids, err)
	}
	checkFTS(t, s)
}

// A crash between two batches leaves some answers in the index and the
// survey unmarked: at the next start it is indexed again, each answer once.
func TestAnInterruptedIndexingIsDoneAgainAtStart(t *testing.T) {
	defer data.SetIndexBatch(2)()
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	var rs []data.Respondent
	for i := range 5 {
		rs = append(rs, data.Respondent{Position: i, Answers: [][]string{{"Genk"}, {fmt.Sprintf("walkshop %d", i)}, {"trust"}}})
	}
	sv := answersSurvey(t, s, n.ID, rs)
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// What a crash after the first batch leaves: the first two
	// respondents' answers in the index, the survey not marked.
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE surveys SET answers_indexed = 0 WHERE id = '` + sv.ID + `'`, `DELETE FROM search_answers WHERE position >= 2`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err = data.Open(path, data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := answerHits(t, s, n.ID, "walkshop"); len(got) != 0 {
		t.Errorf("a half-indexed survey's answers are found: %v", got)
	}
	if err := s.IndexPendingAnswers(ctx); err != nil {
		t.Fatal(err)
	}
	if got := answerHits(t, s, n.ID, "walkshop"); !slices.Equal(got, []string{"0/1", "1/1", "2/1", "3/1", "4/1"}) {
		t.Errorf("after indexing at start: %v", got)
	}
	if got := one[int](t, side(t, s), `SELECT COUNT(*) FROM search_answers`); got != 10 {
		t.Errorf("%d answers in the index, want 10", got)
	}
	checkFTS(t, s)
}
