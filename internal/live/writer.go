package live

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// errEnded answers requests that arrive after the session ended.
var errEnded = errors.New("the session has ended")

// errClosed answers a vote that reached the store after the presenter
// closed voting on its question or moved on.
var errClosed = errors.New("voting on that question has closed")

// A request for the store: a participant joining, or a vote.
type writeReq struct {
	join      bool
	tokenHash string
	partnerID string
	question  int
	answer    []string
	ask       *data.LiveQuestion // a Q&A question to store
	upvote    string             // the ID of a Q&A question upvoted
	done      chan writeResult
}

type writeResult struct {
	position int
	err      error
}

// voteWriter stores joins and votes one transaction per batch: a request
// waits until the batch holding it is committed, so an answered request
// is on disk (a crash loses at most the votes still in flight), and many
// phones voting at once share one commit instead of queueing for one each.
type voteWriter struct {
	store *data.Store
	se    *Session
	reqs  chan writeReq // closed by stop; the writer stores what is left, then ends
	wg    sync.WaitGroup

	mu     sync.RWMutex // held for reading while a request is queued, for writing by stop
	closed bool
	queued atomic.Int64 // requests handed to the writer so far
}

// maxBatch bounds one transaction, so that no request waits long behind it.
const maxBatch = 256

func newVoteWriter(s *data.Store, se *Session) *voteWriter {
	w := &voteWriter{store: s, se: se, reqs: make(chan writeReq, 1024)}
	w.wg.Add(1)
	go w.run()
	return w
}

// submit queues a request and waits for its batch to be committed. Once
// queued, a request is stored even when the session ends meanwhile: stop
// drains the queue.
func (w *voteWriter) submit(ctx context.Context, r writeReq) (int, error) {
	r.done = make(chan writeResult, 1)
	w.mu.RLock()
	if w.closed {
		w.mu.RUnlock()
		return 0, errEnded
	}
	select {
	case w.reqs <- r:
		w.queued.Add(1)
	case <-ctx.Done():
		w.mu.RUnlock()
		return 0, ctx.Err()
	}
	w.mu.RUnlock()
	select {
	case res := <-r.done:
		return res.position, res.err
	case <-ctx.Done(): // the phone went away; the writer still stores the request
		return 0, ctx.Err()
	}
}

func (w *voteWriter) run() {
	defer w.wg.Done()
	for r := range w.reqs {
		w.commit(w.batch(r))
	}
}

// batch gathers the requests waiting behind first.
func (w *voteWriter) batch(first writeReq) []writeReq {
	batch := []writeReq{first}
	for len(batch) < maxBatch {
		select {
		case r, ok := <-w.reqs:
			if !ok {
				return batch
			}
			batch = append(batch, r)
		default:
			return batch
		}
	}
	return batch
}

// commit stores a batch in one transaction. Answers are checked before
// they are queued, so a batch fails only when the store does, and then
// every request in it is told.
func (w *voteWriter) commit(batch []writeReq) {
	results := make([]writeResult, len(batch))
	var stored []storedVote
	var asked []data.LiveQuestion
	var upvotes [][2]string
	se := w.se
	err := w.store.Update(context.Background(), func(tx *data.Tx) error {
		for i, r := range batch {
			if r.join {
				if err := tx.JoinLive(se.Survey.ID, r.tokenHash, r.partnerID); err != nil {
					return err
				}
				continue
			}
			if r.ask != nil {
				q, err := tx.AskLive(se.Survey.ID, *r.ask)
				if err != nil {
					return err
				}
				asked = append(asked, q)
				continue
			}
			if r.upvote != "" {
				if err := tx.UpvoteLive(r.upvote, r.tokenHash); err != nil {
					return err
				}
				upvotes = append(upvotes, [2]string{r.upvote, r.tokenHash})
				continue
			}
			// The presenter may have closed voting or moved on since the vote was checked.
			if st := se.State(); !st.Accepting(time.Now()) || st.Question != r.question {
				results[i].err = errClosed
				continue
			}
			pos, err := tx.LiveRespondent(se.Survey.ID, r.tokenHash, se.ID, len(se.Questions))
			if err != nil {
				return err
			}
			answers, err := survey.RecordVote(tx, se.Questions, se.plan, se.Survey.ID, pos, r.question, r.answer)
			if err != nil {
				return err
			}
			results[i].position = pos
			stored = append(stored, storedVote{pos, answers})
		}
		return nil
	})
	if err == nil {
		se.answers.stored(stored)
		se.qa.stored(asked, upvotes)
	}
	for i, r := range batch {
		if err != nil {
			results[i].err = err
		}
		r.done <- results[i]
	}
}

// stop refuses new requests, stores every one queued before, and returns
// when the writer has ended.
func (w *voteWriter) stop() {
	w.mu.Lock()
	if !w.closed {
		w.closed = true
		close(w.reqs)
	}
	w.mu.Unlock()
	w.wg.Wait()
}
