package live

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// LastRun is where a survey's last live run stopped. A new run takes it up
// (the same question, its locks and countdown) unless the presenter
// starts again from the first question (StartOver): the Run live dialog
// asks, since a run stopped by a crash or a break wants the first and the
// next meeting's run the second.
type LastRun struct {
	Question  int // 0-based
	Questions int
	Locked    int // questions locked
	Saved     time.Time
}

// FindLastRun reads the last live run of sv; false when it never ran live.
func FindLastRun(ctx context.Context, s *data.Store, sv data.Survey) (LastRun, bool, error) {
	raw, saved, err := s.LiveControlsSaved(ctx, sv.ID)
	if err != nil || raw == "" {
		return LastRun{}, false, err
	}
	var c savedControls
	if err := json.Unmarshal([]byte(raw), &c); err != nil {
		return LastRun{}, false, fmt.Errorf("the controls of the last live run of %s cannot be read: %w", sv.Title, err)
	}
	qs, err := s.SurveyQuestions(ctx, sv.ID)
	if err != nil {
		return LastRun{}, false, err
	}
	return LastRun{Question: min(max(c.Question, 0), max(len(qs)-1, 0)), Questions: len(qs), Locked: len(c.Locked), Saved: saved}, true, nil
}

// StartOver makes the next live run of surveyID begin at the first
// question with voting open: no lock, no countdown, the Q&A off. What
// the presenter chose as a way of working stays (results on the screen
// and the phones, the approval queue, the word filter), and so do the
// answers, the hidden ones and the Q&A questions received.
func StartOver(ctx context.Context, s *data.Store, surveyID string) error {
	raw, err := s.LiveControls(ctx, surveyID)
	if err != nil || raw == "" {
		return err
	}
	var c savedControls
	if err := json.Unmarshal([]byte(raw), &c); err != nil {
		c = savedControls{ShowResults: true, Filter: Filter{StopWords: true}} // (unreadable: the defaults of a first run)
	}
	c.Question, c.Open, c.Locked, c.Deadline, c.QA = 0, true, nil, time.Time{}, false
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return s.SaveLiveControls(ctx, surveyID, string(b))
}
