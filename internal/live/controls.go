package live

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// savedControls is the stored form of what the presenter set (the store
// keeps it as JSON in live_controls): a restarted session resumes it.
type savedControls struct {
	Question     int       `json:"question"`
	Open         bool      `json:"open"`
	Locked       []int     `json:"locked,omitempty"`
	ShowResults  bool      `json:"show_results"`
	PhoneResults bool      `json:"phone_results"`
	Deadline     time.Time `json:"deadline,omitzero"`
	QA           bool      `json:"qa"`
	Approval     bool      `json:"approval"`
	Filter       Filter    `json:"filter"`
}

// save stores the controls as they are now; a failure is kept for the
// presenter to see (SaveError) and cleared by the next save that works.
func (se *Session) save() {
	se.saveMu.Lock()
	defer se.saveMu.Unlock()
	se.mu.Lock()
	if se.state.Ended {
		se.mu.Unlock()
		return
	}
	st := se.state
	c := savedControls{Question: st.Question, Open: st.Open, ShowResults: st.ShowResults, PhoneResults: st.PhoneResults,
		Deadline: st.Deadline, QA: st.QA, Approval: st.Approval, Filter: st.Filter}
	for q := range se.locked {
		c.Locked = append(c.Locked, q)
	}
	se.mu.Unlock()
	slices.Sort(c.Locked)
	b, err := json.Marshal(c)
	if err == nil {
		err = se.store.SaveLiveControls(context.Background(), se.Survey.ID, string(b))
	}
	se.mu.Lock()
	se.saveErr = err
	se.mu.Unlock()
}

// SaveError is why the presenter's last change could not be stored (a
// restart would not resume it); nil when it was.
func (se *Session) SaveError() error {
	se.mu.Lock()
	defer se.mu.Unlock()
	return se.saveErr
}

// resume takes up the controls, hidden answers and Q&A of the survey's
// last live run (nothing when it never ran live).
func (se *Session) resume(ctx context.Context) error {
	raw, err := se.store.LiveControls(ctx, se.Survey.ID)
	if err != nil {
		return err
	}
	if raw != "" {
		var c savedControls
		if err := json.Unmarshal([]byte(raw), &c); err != nil {
			return err
		}
		st := &se.state
		st.Question = min(max(c.Question, 0), len(se.Questions)-1)
		st.Open, st.ShowResults, st.PhoneResults, st.QA, st.Approval, st.Filter = c.Open, c.ShowResults, c.PhoneResults, c.QA, c.Approval, c.Filter.Cleaned()
		for _, q := range c.Locked {
			se.locked[q] = true
		}
		switch {
		case c.Deadline.IsZero():
		case time.Now().Before(c.Deadline): // the countdown goes on where it was
			st.Deadline = c.Deadline
			se.startTimer(c.Deadline)
		default: // it ran out while the session was down
			se.locked[st.Question] = true
			st.Open = false
		}
		st.Locked = se.locked[st.Question]
		st.Open = st.Open && !st.Locked
	}
	hidden, err := se.store.LiveHiddenAnswers(ctx, se.Survey.ID)
	if err != nil {
		return err
	}
	for _, h := range hidden {
		se.hidden[h] = true
	}
	return se.qa.load(ctx, se.store, se.Survey.ID)
}

// Filter is the word filter of clouds and the Q&A: the one every cloud
// uses (survey.WordFilter), live, in the results, the deck and the reports.
type Filter = survey.WordFilter

// Card is an open answer as the screen and the phones show it.
type Card struct {
	Position int // the respondent's, to hide it by
	Text     string
}

// maxCards is how many of the newest open answers are read for the screen.
const maxCards = 200

// Cards are the newest open answers to question qi, without the hidden
// ones, and how many of its answers are hidden (of all, not only of the
// newest: the answers the room is told of are the others).
func (se *Session) Cards(ctx context.Context, qi int) (cards []Card, hidden int, err error) {
	answers, err := se.store.OpenAnswers(ctx, se.Survey.ID, qi, maxCards)
	if err != nil {
		return nil, 0, err
	}
	se.mu.Lock()
	defer se.mu.Unlock()
	for _, a := range answers {
		if !se.hidden[data.HiddenAnswer{Question: qi, Position: a.Position}] {
			cards = append(cards, Card{Position: a.Position, Text: a.Text})
		}
	}
	for h := range se.hidden {
		if h.Question == qi {
			hidden++
		}
	}
	return cards, hidden, nil
}

// HideAnswer hides an open answer of question qi from the screen and the
// phones (it stays stored), or shows it again.
func (se *Session) HideAnswer(qi, position int, hide bool) error {
	if se.State().Ended {
		return errEnded
	}
	h := data.HiddenAnswer{Question: qi, Position: position}
	if err := se.store.SetLiveAnswerHidden(context.Background(), se.Survey.ID, h, hide); err != nil {
		return err
	}
	se.change(func(*State) { // a new version: the phones reload without it
		if hide {
			se.hidden[h] = true
		} else {
			delete(se.hidden, h)
		}
	})
	return nil
}

// ShowHiddenAnswers brings every hidden answer of question qi back.
func (se *Session) ShowHiddenAnswers(qi int) error {
	se.mu.Lock()
	var positions []int
	for h := range se.hidden {
		if h.Question == qi {
			positions = append(positions, h.Position)
		}
	}
	se.mu.Unlock()
	for _, p := range positions {
		if err := se.HideAnswer(qi, p, false); err != nil {
			return err
		}
	}
	return nil
}
