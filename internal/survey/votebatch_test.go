package survey

import (
	"context"
	"reflect"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// The vote writer stores a batch of votes in one transaction, where the
// store sums the counts and indexes the answers at the end: the results
// and the search index must be those of the same votes stored one by one,
// changed votes and a vote changed back included.
func TestLiveVotesInOneBatchCountAsOneByOne(t *testing.T) {
	type v struct {
		who, qi int
		values  []string
	}
	votes := []v{
		{0, 0, []string{"Focus on staff"}}, {1, 0, []string{"Focus on staff"}}, {1, 0, []string{"New working methods"}},
		{2, 0, []string{"Focus on staff"}}, {2, 0, []string{"New working methods"}}, {2, 0, []string{"Focus on staff"}},
		{0, 2, []string{"4", "", "2"}}, {1, 2, []string{"2", "5", "4"}}, {1, 2, []string{"3", "5", ""}},
		{0, 3, []string{"Civic Trust", "youth"}}, {2, 3, []string{"budget"}}, {2, 3, []string{"dialogue"}},
		{0, 4, []string{"A night market run by the residents"}}, {1, 4, []string{"Street football with the police"}},
		{0, 4, []string{"Listening first, then a budget"}},
		{0, 5, []string{"2", "1", "3"}}, {1, 5, []string{"1", "2", "3"}},
	}
	type outcome struct {
		results Results
		found   map[string]int // search word → answers found
	}
	run := func(oneBatch bool) outcome {
		s, sv, qs, p := liveSurvey(t, 3)
		record := func(tx *data.Tx, x v) error {
			ans, err := CheckAnswer(qs[x.qi], append([]string(nil), x.values...))
			if err != nil {
				return err
			}
			_, err = RecordVote(tx, qs, LivePlan(qs), sv.ID, p[x.who], x.qi, ans)
			return err
		}
		if oneBatch {
			if err := s.Update(context.Background(), func(tx *data.Tx) error {
				for _, x := range votes {
					if err := record(tx, x); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
		} else {
			for _, x := range votes {
				if err := s.Update(context.Background(), func(tx *data.Tx) error { return record(tx, x) }); err != nil {
					t.Fatal(err)
				}
			}
		}
		res, err := LoadResults(context.Background(), s, sv, "")
		if err != nil {
			t.Fatal(err)
		}
		for i := range res.Questions {
			res.Questions[i].ID = "" // each run has its own survey
		}
		found := map[string]int{}
		for _, w := range []string{"market", "football", "listening", "budget", "trust"} {
			hits, _, err := s.Search(context.Background(), sv.NetworkID, w, data.SearchAnswer)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range hits {
				if h.Kind == data.SearchAnswer {
					found[w]++
				}
			}
		}
		if err := s.Update(context.Background(), func(tx *data.Tx) error { return tx.CheckSearchIndex() }); err != nil {
			t.Errorf("the search index after the votes (one batch: %v): %v", oneBatch, err)
		}
		return outcome{res, found}
	}
	one, batch := run(false), run(true)
	if !reflect.DeepEqual(one.results.Questions, batch.results.Questions) {
		t.Errorf("results differ:\none by one %+v\none batch  %+v", one.results.Questions, batch.results.Questions)
	}
	if !reflect.DeepEqual(one.found, batch.found) {
		t.Errorf("search differs: one by one %v, one batch %v", one.found, batch.found)
	}
	q := batch.results.Questions
	if option(q[0], "Focus on staff") != 2 || option(q[0], "New working methods") != 1 || len(q[3].Words) != 3 || q[2].Statements[0].Count != 2 {
		t.Errorf("the batch's counts: %+v %+v %+v", q[0].Options, q[3].Words, q[2].Statements)
	}
	if one.found["market"] != 0 || one.found["football"] != 1 || one.found["listening"] != 1 {
		t.Errorf("the open answers found: %v (the changed one must be gone)", one.found)
	}
}
