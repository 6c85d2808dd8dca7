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
	"sync/atomic"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// State is what the presenter controls: which question is shown, whether
// it takes votes, and what the projector and the phones show.
type State struct {
	Question     int // index into the survey's questions
	Open         bool
	Locked       bool      // the question shown is locked: closed until reopened, even after going back to it
	ShowResults  bool      // results on the projector
	PhoneResults bool      // results on the phones
	Deadline     time.Time // a countdown closes voting then; zero when none runs
	TimeUp       bool      // the countdown closed (and locked) the question shown
	QA           bool      // the Q&A is on: the screen and the phones show it
	Approval     bool      // new Q&A questions wait for the presenter's approval
	Filter       Filter    // words left out of clouds and masked in the Q&A
	Ended        bool
	Version      uint64 // changes with every change of state
}

// Accepting tells whether the question shown takes votes at now: voting
// open and the countdown, if one runs, not run out (the server's clock
// decides, never a phone's).
func (s State) Accepting(now time.Time) bool {
	return s.Open && !s.Ended && (s.Deadline.IsZero() || now.Before(s.Deadline))
}

// Remaining is the time the countdown leaves at now (0 when none runs).
func (s State) Remaining(now time.Time) time.Duration {
	if s.Deadline.IsZero() || !s.Open {
		return 0
	}
	return max(s.Deadline.Sub(now), 0)
}

// Session is one live run of a survey.
type Session struct {
	Survey    data.Survey
	Questions []data.Question
	Partners  []data.Partner
	ID        string // written to the respondents' session column

	language    atomic.Value    // string: the page's default language (SetLanguage); none: English
	answerLangs map[string]bool // under mu: languages phones answered in (their clouds' stop-words)

	store   *data.Store
	plan    survey.Plan
	votes   *voteWriter
	answers answerBook // what the writer stored, for the participants' pages

	mu        sync.Mutex
	code      string // six digits participants type to join
	state     State
	locked    map[int]bool               // questions locked by the presenter (or by a countdown that ran out)
	hidden    map[data.HiddenAnswer]bool // open answers hidden from the screen and the phones
	timer     *time.Timer                // the countdown's, while one runs
	qa        qaBook
	phone     phoneResults         // the results the phones see, read at most once a second
	saveMu    sync.Mutex           // orders the saves of the controls; End waits for the last
	saveErr   error                // the last save's, shown to the presenter
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
		store: s, plan: survey.LivePlan(qs), state: State{Open: true, ShowResults: true, Filter: Filter{StopWords: true}, Version: 1},
		locked: map[int]bool{}, hidden: map[data.HiddenAnswer]bool{}}
	if err := se.resume(ctx); err != nil {
		return nil, fmt.Errorf("the controls of the last live run of %s cannot be read: %w", sv.Title, err)
	}
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

// change applies fn to the state, counts a new version and stores the
// controls (a restart resumes them).
func (se *Session) change(fn func(*State)) State {
	se.mu.Lock()
	if se.state.Ended {
		defer se.mu.Unlock()
		return se.state
	}
	fn(&se.state)
	se.state.Version++
	st := se.state
	se.mu.Unlock()
	se.save()
	return st
}

// Next shows the next question, open for votes (unless locked), with its
// results. The Q&A stands between the question it was turned on over and
// the next: from it Next goes on to that next question, the Q&A off on
// the screen and the phones alike; after the last question nothing comes
// next, and the Q&A stays.
func (se *Session) Next() State {
	if st := se.State(); st.Question == len(se.Questions)-1 {
		// Nothing comes after the last question: it stays as it is (voting
		// closed stays closed, a countdown runs on), and the phones are not
		// made to reload.
		return st
	}
	return se.change(func(s *State) { se.step(s, 1) })
}

// Prev shows the previous question, open for votes again (unless locked);
// from the Q&A it goes back to the question the Q&A was turned on over,
// as it was left (Next's order read backwards).
func (se *Session) Prev() State {
	if st := se.State(); !st.QA && st.Question == 0 {
		return st // nothing comes before the first question (see Next)
	}
	return se.change(func(s *State) {
		if s.QA {
			s.QA = false
			return
		}
		se.step(s, -1)
	})
}

// First shows the first question, as Home does in every presenter (from
// the Q&A too).
func (se *Session) First() State {
	if st := se.State(); !st.QA && st.Question == 0 {
		return st // there already (see Next)
	}
	return se.change(func(s *State) { se.step(s, -len(se.Questions)) })
}

// step shows the question by places on (under mu), the Q&A off.
func (se *Session) step(s *State, by int) {
	s.Question = min(max(s.Question+by, 0), len(se.Questions)-1)
	s.Locked = se.locked[s.Question]
	s.Open, s.ShowResults, s.TimeUp, s.QA = !s.Locked, true, false, false
	se.stopTimer(s)
}

// SetOpen opens or closes voting on the current question; opening a
// locked question reopens it.
func (se *Session) SetOpen(open bool) State {
	if open {
		return se.Reopen()
	}
	return se.change(func(s *State) {
		s.Open = false
		se.stopTimer(s)
	})
}

// Lock closes the current question for good: going back to it later
// leaves it closed, and phones are told it is locked, until Reopen.
func (se *Session) Lock() State {
	return se.change(func(s *State) {
		se.locked[s.Question] = true
		s.Open, s.Locked = false, true
		se.stopTimer(s)
	})
}

// Reopen lifts a lock and opens voting on the current question.
func (se *Session) Reopen() State {
	return se.change(func(s *State) {
		delete(se.locked, s.Question)
		s.Open, s.Locked, s.TimeUp = true, false, false
	})
}

// ToggleResults shows or hides the current question's results on the projector.
func (se *Session) ToggleResults() State {
	return se.change(func(s *State) { s.ShowResults = !s.ShowResults })
}

// TogglePhoneResults shows or hides the results on the participants' phones.
func (se *Session) TogglePhoneResults() State {
	return se.change(func(s *State) { s.PhoneResults = !s.PhoneResults })
}

// Countdown opens voting on the current question (lifting a lock) and
// closes it after d: then the question is locked, at the server,
// whatever the phones' clocks say.
func (se *Session) Countdown(d time.Duration) State {
	return se.change(func(s *State) {
		se.stopTimer(s)
		delete(se.locked, s.Question)
		s.Open, s.Locked, s.TimeUp = true, false, false
		s.Deadline = time.Now().Add(d)
		se.startTimer(s.Deadline)
	})
}

// StopCountdown stops the countdown; voting stays open.
func (se *Session) StopCountdown() State { return se.change(se.stopTimer) }

// stopTimer ends a countdown (under mu).
func (se *Session) stopTimer(s *State) {
	if se.timer != nil {
		se.timer.Stop()
		se.timer = nil
	}
	s.Deadline = time.Time{}
}

// startTimer closes voting at deadline (under mu). Votes are refused from
// the deadline on anyway (State.Accepting); the timer makes the state say so.
func (se *Session) startTimer(deadline time.Time) {
	se.timer = time.AfterFunc(time.Until(deadline), func() {
		se.change(func(s *State) {
			if !s.Deadline.Equal(deadline) { // stopped or restarted meanwhile
				return
			}
			se.locked[s.Question] = true
			s.Open, s.Locked, s.TimeUp, s.Deadline = false, true, true, time.Time{}
			se.timer = nil
		})
	})
}

// ToggleQA switches the screen and the phones to the Q&A and back.
func (se *Session) ToggleQA() State { return se.change(func(s *State) { s.QA = !s.QA }) }

// SetApproval turns on or off the approval of Q&A questions before they are shown.
func (se *Session) SetApproval(on bool) State { return se.change(func(s *State) { s.Approval = on }) }

// SetFilter sets the words left out of clouds and masked in the Q&A.
func (se *Session) SetFilter(f Filter) State {
	f = f.Cleaned()
	return se.change(func(s *State) { s.Filter = f })
}

// End closes the session: no more joins or votes. Every vote queued
// before is stored before End returns (it was accepted while its question
// was open), and the Follow loops have stopped: after End, the session no
// longer touches the store.
func (se *Session) End() State {
	se.votes.stop()
	st := se.change(func(s *State) {
		s.Open, s.Ended = false, true
		if se.timer != nil {
			se.timer.Stop()
		}
	})
	se.saveMu.Lock() // a save under way (a countdown running out) ends before End returns
	se.saveMu.Unlock()
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
	return survey.LoadLiveResults(ctx, se.store, sv, "")
}
