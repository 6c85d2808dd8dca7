// Package live runs a survey in the room: an HTTP server on the laptop
// that participants' phones reach over the local network, a presenter who
// steps through the questions, and every vote stored as it arrives.
package live

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// State is what the presenter controls: which question is shown, whether
// it takes votes and whether its results are on screen.
type State struct {
	Question    int // index into the survey's questions
	Open        bool
	ShowResults bool
	Ended       bool
	Version     uint64 // changes with every change of state
}

// Session is one live run of a survey.
type Session struct {
	Survey    data.Survey
	Questions []data.Question
	Partners  []data.Partner
	ID        string // written to the respondents' session column

	store   *data.Store
	plan    survey.Plan
	votes   *voteWriter
	answers answerBook // what the writer stored, for the participants' pages

	mu        sync.Mutex
	code      string // six digits participants type to join
	state     State
	followers []context.CancelFunc // of the Follow loops running
	following sync.WaitGroup
}

// NewSession prepares a live run of a survey with at least one question.
func NewSession(ctx context.Context, s *data.Store, sv data.Survey) (*Session, error) {
	qs, err := s.SurveyQuestions(ctx, sv.ID)
	if err != nil {
		return nil, err
	}
	if len(qs) == 0 {
		return nil, errors.New(sv.Title + " has no questions to ask yet")
	}
	ps, err := s.Partners(ctx, sv.NetworkID)
	if err != nil {
		return nil, err
	}
	code, err := newCode()
	if err != nil {
		return nil, err
	}
	se := &Session{code: code, Survey: sv, Questions: qs, Partners: ps, ID: "live " + time.Now().Format("2006-01-02 15:04"),
		store: s, plan: survey.LivePlan(qs), state: State{Open: true, ShowResults: true, Version: 1}}
	se.votes = newVoteWriter(s, se)
	return se, nil
}

// newCode draws a six-digit join code.
func newCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

// Code is the six digits participants type to join.
func (se *Session) Code() string {
	se.mu.Lock()
	defer se.mu.Unlock()
	return se.code
}

// changeCode draws a new join code, different from the one it replaces.
func (se *Session) changeCode() (string, error) {
	for {
		code, err := newCode()
		if err != nil {
			return "", err
		}
		se.mu.Lock()
		if code != se.code {
			se.code = code
			se.mu.Unlock()
			return code, nil
		}
		se.mu.Unlock()
	}
}

// State returns the current state.
func (se *Session) State() State {
	se.mu.Lock()
	defer se.mu.Unlock()
	return se.state
}

func (se *Session) change(fn func(*State)) State {
	se.mu.Lock()
	defer se.mu.Unlock()
	if se.state.Ended {
		return se.state
	}
	fn(&se.state)
	se.state.Version++
	return se.state
}

// Next shows the next question, open for votes, with its results.
func (se *Session) Next() State { return se.move(1) }

// Prev shows the previous question, open for votes again.
func (se *Session) Prev() State { return se.move(-1) }

func (se *Session) move(by int) State {
	return se.change(func(s *State) {
		s.Question = min(max(s.Question+by, 0), len(se.Questions)-1)
		s.Open, s.ShowResults = true, true
	})
}

// SetOpen opens or closes voting on the current question.
func (se *Session) SetOpen(open bool) State { return se.change(func(s *State) { s.Open = open }) }

// ToggleResults shows or hides the current question's results.
func (se *Session) ToggleResults() State {
	return se.change(func(s *State) { s.ShowResults = !s.ShowResults })
}

// End closes the session: no more joins or votes. Every vote queued
// before is stored before End returns (it was accepted while its question
// was open), and the Follow loops have stopped: after End, the session no
// longer touches the store.
func (se *Session) End() State {
	se.votes.stop()
	st := se.change(func(s *State) { s.Open, s.Ended = false, true })
	se.mu.Lock() // no Follow starts after this: the state says Ended
	followers := se.followers
	se.followers = nil
	se.mu.Unlock()
	for _, cancel := range followers {
		cancel()
	}
	se.following.Wait()
	return st
}

// Update is what a presenter's screen shows: the state and the counts.
type Update struct {
	State   State
	Results survey.Results
	Err     error // the counts could not be read (Results is then empty)
}

// Follow calls show with the state and the counts at once, then whenever
// the state or the counts of the current question change (it looks every
// interval), from a goroutine of its own, until ctx is done or the session
// ends. End waits for that goroutine, so show is never called after End
// returns; show therefore must not wait for the goroutine calling End (in
// the window: hand the update over with fyne.Do, not fyne.DoAndWait).
func (se *Session) Follow(ctx context.Context, every time.Duration, show func(Update)) {
	se.mu.Lock()
	defer se.mu.Unlock()
	if se.state.Ended {
		return
	}
	ctx, cancel := context.WithCancel(ctx)
	se.followers = append(se.followers, cancel)
	se.following.Add(1)
	go func() {
		defer se.following.Done()
		defer cancel()
		tick := time.NewTicker(every)
		defer tick.Stop()
		seen := ""
		for {
			u, key := se.update(ctx)
			if ctx.Err() != nil {
				return
			}
			if key != seen {
				seen = key
				show(u)
			}
			select {
			case <-tick.C:
			case <-ctx.Done():
				return
			}
		}
	}()
}

// update reads the counts (from the aggregates the votes keep: instant)
// and a key that changes when the state or a count of the current
// question does.
func (se *Session) update(ctx context.Context) (Update, string) {
	u := Update{State: se.State()}
	u.Results, u.Err = se.Results(ctx)
	var q []byte
	if u.Err == nil {
		q, u.Err = json.Marshal(u.Results.Questions[u.State.Question])
	}
	if u.Err != nil {
		return Update{State: u.State, Err: u.Err}, fmt.Sprintf("%d/error %v", u.State.Version, u.Err)
	}
	return u, fmt.Sprintf("%d/%s", u.State.Version, q)
}

// Results are the counts so far (read from the aggregates the votes keep).
func (se *Session) Results(ctx context.Context) (survey.Results, error) {
	sv, err := se.store.SurveyByIDOrTitle(ctx, se.Survey.NetworkID, se.Survey.ID)
	if err != nil {
		return survey.Results{}, err
	}
	return survey.LoadResults(ctx, se.store, sv, "")
}
