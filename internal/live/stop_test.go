package live

import (
	"context"
	"net/http"
	"net/url"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// waitFor polls cond until it holds, failing the test after a few seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting for " + what)
		}
	}
}

// Ending a session while accepted votes still wait for the store (its one
// writer connection is held here) stores every one of them: End drains the
// queue before it returns, and every phone is told its vote is saved.
func TestEndStoresTheVotesStillQueued(t *testing.T) {
	const phones = 60
	limits := DefaultLimits
	limits.JoinRate, limits.JoinBurst = 1e6, 1e6 // every phone comes from 127.0.0.1 here
	s, se, srv := startLive(t, limits)
	ctx := context.Background()
	ps := make([]*phone, phones)
	for i := range ps {
		ps[i] = newPhone(t, srv, nil)
		if code, body := ps[i].post("/join", url.Values{"code": {se.Code()}}); code != http.StatusSeeOther {
			t.Fatalf("join %d: %d\n%s", i, code, body)
		}
	}

	held, release := make(chan struct{}), make(chan struct{})
	holding := make(chan error, 1)
	go func() { holding <- s.Update(ctx, func(*data.Tx) error { close(held); <-release; return nil }) }()
	<-held
	before := se.votes.queued.Load()
	statuses := make(chan error, phones)
	options := se.Questions[0].Options
	for i, p := range ps {
		go func() {
			statuses <- expect303(p.c.PostForm(p.base+"/vote", url.Values{"q": {"0"}, "v": {options[i%len(options)]}}))
		}()
	}
	waitFor(t, "the votes to be queued", func() bool { return se.votes.queued.Load() == before+phones })

	ended := make(chan State)
	go func() { ended <- se.End() }()
	select {
	case <-ended:
		t.Fatal("End returned while the queued votes could not be stored yet")
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	if err := <-holding; err != nil {
		t.Fatal(err)
	}
	if st := <-ended; !st.Ended || st.Open {
		t.Errorf("state after End: %+v", st)
	}
	for range phones {
		if err := <-statuses; err != nil {
			t.Errorf("a queued vote was answered %v, not 303 (saved)", err)
		}
	}
	res, err := se.Results(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Questions[0].Respondents; got != phones {
		t.Errorf("%d votes stored after End, want all %d accepted", got, phones)
	}
	if code, _ := ps[0].post("/vote", url.Values{"q": {"0"}, "v": {options[0]}}); code != http.StatusConflict {
		t.Errorf("a vote after End: %d, want 409", code)
	}
}

// Follow reports the state and counts as they change and stops when its
// context is done (the app stopping), without the session ending.
func TestFollowReportsChangesAndEndsWithItsContext(t *testing.T) {
	_, se, _ := startLive(t, DefaultLimits)
	ctx, cancel := context.WithCancel(context.Background())
	updates := make(chan Update, 100)
	se.Follow(ctx, 5*time.Millisecond, func(u Update) { updates <- u })
	if u := <-updates; u.Err != nil || u.State.Question != 0 || len(u.Results.Questions) != len(se.Questions) {
		t.Fatalf("first update: %+v", u)
	}
	se.Next()
	if u := <-updates; u.State.Question != 1 {
		t.Fatalf("after Next the update shows question %d", u.State.Question+1)
	}
	cancel()
	stopped := make(chan struct{})
	go func() { se.following.Wait(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("the Follow loop did not end with its context")
	}
	if se.State().Ended {
		t.Error("cancelling a Follow ended the session")
	}
}

// End waits for a Follow loop that is busy showing an update, and no
// update is shown after End returns.
func TestEndWaitsForFollow(t *testing.T) {
	_, se, _ := startLive(t, DefaultLimits)
	var ended atomic.Bool
	entered, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	se.Follow(context.Background(), time.Millisecond, func(Update) {
		if ended.Load() {
			t.Error("Follow called show after End returned")
		}
		once.Do(func() { close(entered); <-release })
	})
	<-entered
	done := make(chan struct{})
	go func() {
		se.End()
		ended.Store(true)
		close(done)
	}()
	select {
	case <-done:
		t.Fatal("End returned while the Follow loop was still showing an update")
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	<-done
	se.Follow(context.Background(), time.Millisecond, func(Update) { t.Error("Follow after End called show") })
	time.Sleep(20 * time.Millisecond)
}

// After Stop, no goroutine of the session is left and nothing touches the
// store: it is closed at once (Close clears its handle, so under -race a
// read after it is reported) while phones keep polling and voting.
func TestNothingTouchesTheStoreAfterStop(t *testing.T) {
	base := runtime.NumGoroutine()
	s, se, srv := startLive(t, DefaultLimits)
	var stopped atomic.Bool
	shown := make(chan struct{}, 1)
	se.Follow(context.Background(), time.Millisecond, func(Update) {
		if stopped.Load() {
			t.Error("Follow called show after Stop returned")
		}
		select {
		case shown <- struct{}{}:
		default:
		}
	})
	<-shown

	transport := &http.Transport{}
	quit := make(chan struct{})
	var phones sync.WaitGroup
	for i := range 8 {
		p := newPhone(t, srv, transport)
		if code, _ := p.post("/join", url.Values{"code": {se.Code()}}); code != http.StatusSeeOther {
			t.Fatalf("join: %d", code)
		}
		phones.Add(1)
		go func() {
			defer phones.Done()
			option := url.Values{"q": {"0"}, "v": {se.Questions[0].Options[i%2]}}
			for {
				select {
				case <-quit:
					return
				default:
				}
				for _, path := range []string{"/", "/state"} {
					if resp, err := p.c.Get(p.base + path); err == nil {
						resp.Body.Close()
					}
				}
				if resp, err := p.c.PostForm(p.base+"/vote", option); err == nil {
					resp.Body.Close()
				}
			}
		}()
	}
	waitFor(t, "votes to arrive", func() bool { return se.votes.queued.Load() > 20 })

	srv.Stop()
	stopped.Store(true)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	close(quit)
	phones.Wait()
	transport.CloseIdleConnections()
	waitFor(t, "the session's goroutines to end", func() bool { return runtime.NumGoroutine() <= base })
}
