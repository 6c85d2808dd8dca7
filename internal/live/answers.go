package live

import (
	"context"
	"sync"
)

// answerBook keeps each respondent's answers as the vote writer stored
// them, so that a page load (after every vote, and on every phone when the
// presenter moves on) shows a participant's answer without reading the
// store: at 3,000 phones those reads took most of the server's CPU, each
// opening a read connection of its own, and slowed the writer with them.
type answerBook struct {
	mu      sync.Mutex
	byPos   map[int][][]string
	commits uint64 // batches the writer stored; a read from the store is kept only if none landed meanwhile
}

// given is the answer of the respondent at position to question qi: from
// the book, or (a participant of an earlier run of the session) read once
// from the store.
func (se *Session) given(ctx context.Context, position, qi int) ([]string, error) {
	b := &se.answers
	b.mu.Lock()
	answers, ok := b.byPos[position]
	commits := b.commits
	b.mu.Unlock()
	if !ok {
		r, err := se.store.Respondent(ctx, se.Survey.ID, position)
		if err != nil {
			return nil, err
		}
		answers = r.Answers
		b.mu.Lock()
		if _, ok := b.byPos[position]; !ok && b.commits == commits { // else it may be older than a vote just stored
			b.set(position, answers)
		}
		b.mu.Unlock()
	}
	if qi < len(answers) {
		return answers[qi], nil
	}
	return nil, nil
}

// stored notes the answers of a committed batch (position → answers, in
// the batch's order), before the phones are told their votes are saved.
func (b *answerBook) stored(votes []storedVote) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.commits++
	for _, v := range votes {
		b.set(v.position, v.answers)
	}
}

func (b *answerBook) set(position int, answers [][]string) {
	if b.byPos == nil {
		b.byPos = map[int][][]string{}
	}
	b.byPos[position] = answers
}

type storedVote struct {
	position int
	answers  [][]string
}
