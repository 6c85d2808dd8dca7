package live

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live/lang"
)

// Limits of the Q&A, so that a hostile phone cannot fill the screen or the store.
const (
	maxQARunes     = 280 // a question's length
	maxQAPerAsker  = 5   // questions one participant may ask
	maxQAQuestions = 500 // questions of a session
	maxQAOnPhone   = 50  // questions a phone's page lists
)

// qaBook holds a session's Q&A as stored: the pages read it here, not from the store.
type qaBook struct {
	mu    sync.Mutex
	items []data.LiveQuestion
	gen   uint64 // changes with every question, vote or decision: the phones reload
}

func (b *qaBook) load(ctx context.Context, s *data.Store, surveyID string) error {
	items, err := s.LiveQA(ctx, surveyID)
	b.mu.Lock()
	b.items = items
	b.mu.Unlock()
	return err
}

// QAItem is a Q&A question as the screen and the phones show it.
type QAItem struct {
	ID, Text           string
	Votes              int
	Approved, Answered bool
	Hidden             bool
	Mine, Voted        bool // asked or upvoted by the participant the page is for
}

// QA lists the Q&A for the presenter: the queue waiting for approval, and
// the questions shown (most votes first, answered ones last); hidden ones
// are left out of both. The filter masks words in either.
func (se *Session) QA() (waiting, shown []QAItem) {
	f := se.State().Filter
	se.qa.mu.Lock()
	defer se.qa.mu.Unlock()
	for _, q := range se.qa.items {
		item := QAItem{ID: q.ID, Text: f.Mask(q.Text), Votes: len(q.Voters), Approved: q.Approved, Answered: q.Answered, Hidden: q.Hidden}
		switch {
		case q.Hidden:
		case q.Approved:
			shown = append(shown, item)
		default:
			waiting = append(waiting, item)
		}
	}
	sortQA(shown)
	return waiting, shown
}

// sortQA puts the questions still to answer first, most upvoted first;
// equal votes keep the order asked (the book's), so until the first
// upvote the list is in the order asked.
func sortQA(items []QAItem) {
	slices.SortStableFunc(items, func(a, b QAItem) int {
		if a.Answered != b.Answered {
			if a.Answered {
				return 1
			}
			return -1
		}
		return cmp.Compare(b.Votes, a.Votes)
	})
}

// Upvoted tells whether any of the questions has an upvote: until then
// the Q&A is in the order asked, and the screens say so.
func Upvoted(items []QAItem) bool {
	return slices.ContainsFunc(items, func(q QAItem) bool { return q.Votes > 0 })
}

// phoneQA is the Q&A a participant sees: the approved questions, theirs
// still waiting too (so they know it arrived), which they upvoted.
func (se *Session) phoneQA(hash string) []QAItem {
	f := se.State().Filter
	se.qa.mu.Lock()
	defer se.qa.mu.Unlock()
	var out []QAItem
	for _, q := range se.qa.items {
		mine := q.TokenHash == hash
		if q.Hidden || (!q.Approved && !mine) {
			continue
		}
		out = append(out, QAItem{ID: q.ID, Text: f.Mask(q.Text), Votes: len(q.Voters), Approved: q.Approved, Answered: q.Answered,
			Mine: mine, Voted: slices.Contains(q.Voters, hash)})
	}
	sortQA(out)
	return out[:min(len(out), maxQAOnPhone)]
}

// errQA is a question or upvote refused before it is stored: the key of
// the phone's message (lang/en.json) and its values.
type errQA struct {
	key  string
	args []any
}

func (e errQA) Error() string { return lang.Get(lang.Default).T(e.key, e.args...) }

// checkAsk refuses a question the Q&A cannot take; the text comes back cleaned.
func (se *Session) checkAsk(hash, text string) (string, error) {
	text = strings.Join(strings.Fields(data.CleanAnswerText(text)), " ")
	switch {
	case text == "":
		return "", errQA{key: "qa.empty"}
	case !utf8.ValidString(text) || utf8.RuneCountInString(text) > maxQARunes:
		return "", errQA{"qa.too_long", []any{maxQARunes}}
	}
	se.qa.mu.Lock()
	defer se.qa.mu.Unlock()
	asked := 0
	for _, q := range se.qa.items {
		if q.TokenHash == hash {
			asked++
		}
	}
	switch {
	case asked >= maxQAPerAsker:
		return "", errQA{"qa.too_many", []any{maxQAPerAsker}}
	case len(se.qa.items) >= maxQAQuestions:
		return "", errQA{key: "qa.full"}
	}
	return text, nil
}

// checkUpvote refuses an upvote of a question the participant cannot see,
// asked (an upvote says "I want this answered too") or upvoted already.
func (se *Session) checkUpvote(hash, id string) error {
	se.qa.mu.Lock()
	defer se.qa.mu.Unlock()
	for _, q := range se.qa.items {
		if q.ID == id && q.Approved && !q.Hidden {
			if q.TokenHash == hash {
				return errQA{key: "qa.own"}
			}
			if slices.Contains(q.Voters, hash) {
				return errQA{key: "qa.upvoted"}
			}
			return nil
		}
	}
	return errQA{key: "qa.gone"}
}

// storedQA notes what a committed batch added to the Q&A.
func (b *qaBook) stored(asked []data.LiveQuestion, upvotes [][2]string) {
	if len(asked) == 0 && len(upvotes) == 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.items = append(b.items, asked...)
	for _, v := range upvotes {
		for i := range b.items {
			if b.items[i].ID == v[0] && !slices.Contains(b.items[i].Voters, v[1]) {
				b.items[i].Voters = append(b.items[i].Voters, v[1])
			}
		}
	}
	b.gen++
}

// Moderate applies the presenter's decision to a Q&A question: approve
// (show), mark answered, hide; it is stored before it is shown.
func (se *Session) Moderate(id string, decide func(*data.LiveQuestion)) error {
	if se.State().Ended {
		return errEnded
	}
	se.qa.mu.Lock()
	i := slices.IndexFunc(se.qa.items, func(q data.LiveQuestion) bool { return q.ID == id })
	if i < 0 {
		se.qa.mu.Unlock()
		return errors.New("no such question in the Q&A")
	}
	q := se.qa.items[i]
	se.qa.mu.Unlock()
	decide(&q)
	if err := se.store.ModerateLive(context.Background(), q); err != nil {
		return err
	}
	se.qa.mu.Lock()
	se.qa.items[i].Approved, se.qa.items[i].Answered, se.qa.items[i].Hidden = q.Approved, q.Answered, q.Hidden
	se.qa.gen++
	se.qa.mu.Unlock()
	return nil
}

// qaGen changes whenever the Q&A does.
func (se *Session) qaGen() uint64 {
	se.qa.mu.Lock()
	defer se.qa.mu.Unlock()
	return se.qa.gen
}
