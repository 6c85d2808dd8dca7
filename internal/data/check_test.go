package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestCheckReportsProblemsAndErrors: a dangling reference is reported, and
// a check that cannot run to its end is an error, not "no problems".
func TestCheckReportsProblemsAndErrors(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	s := openWriter(t, path)
	n, err := s.CreateNetwork(ctx, Network{Name: "Checked"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePartner(ctx, Partner{NetworkID: n.ID, Name: "Genk"}); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("clean file: %v %v", problems, err)
	}
	raw, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.ExecContext(ctx, `UPDATE partners SET network_id = 'gone'`); err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check(ctx)
	if err != nil || len(problems) != 1 || problems[0].Kind != "foreign key" || !strings.Contains(problems[0].Detail, "of partners points to a missing networks") {
		t.Fatalf("dangling partner: %v %v", problems, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if problems, err := s.Check(cancelled); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled check: %v %v, want an error", problems, err)
	}
}

// TestStoreCallsInsideAStreamingCallback: the stream holds a connection of
// the read pool, so reads and writes made from its callback go through
// other connections instead of waiting forever for the one the stream holds.
func TestStoreCallsInsideAStreamingCallback(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	n, err := s.CreateNetwork(ctx, Network{Name: "Streamed"})
	if err != nil {
		t.Fatal(err)
	}
	var surveyID string
	err = s.Update(ctx, func(tx *Tx) error {
		sv, err := tx.CreateSurvey(Survey{NetworkID: n.ID, Title: "S"})
		surveyID = sv.ID
		if err != nil {
			return err
		}
		return tx.AddRespondents(sv.ID, []Respondent{{Position: 0, Answers: [][]string{{"a"}}}, {Position: 1, Answers: [][]string{{"b"}}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	// A call that waits for the stream's connection waits forever: the
	// deadline turns that into a failure. It bounds the stream only, and
	// is long, as the set-up above took a minute under the race detector
	// on a machine at load average 50 (a 10 s deadline over the whole test
	// failed there with nothing wrong).
	streaming, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	seen := 0
	err = s.EachRespondent(streaming, surveyID, "", func(r Respondent) error {
		seen++
		if _, err := s.Network(streaming, n.ID); err != nil {
			return err
		}
		return s.SetSetting(streaming, "last", r.Answers[0][0])
	})
	if err != nil || seen != 2 {
		t.Fatalf("streamed %d respondents: %v", seen, err)
	}
	if v, err := s.Setting(ctx, "last"); err != nil || v != "b" {
		t.Fatalf("setting %q %v", v, err)
	}
}
