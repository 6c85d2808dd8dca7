package live

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// roomPhones sets the size of the room in TestRoomOfPhones (3,000; 300
// with -short or under the race detector unless given).
var roomControls = flag.Bool("live.controls", false, "in TestRoomOfPhones, show the results on the phones and run a countdown on each question (the phones reload when the results change, as app.js does)")

var roomPhones = flag.Int("live.phones", 0, "phones in TestRoomOfPhones (0: 3,000, or 300 with -short or -race)")

// A room of phones does what the page does, all at once, through the real
// server on loopback: each joins (join page, POST /join, the question
// page), polls /state every 1.5 s after the last answer like app.js,
// reloads the page when the version changes, and votes on the question it
// shows after a short think (0–500 ms), following the redirect to the
// saved page. The presenter moves on once every phone has voted, through
// all six questions. Every vote must be counted exactly; the latencies and
// the process's peak RSS and CPU (server and phones together: the server
// runs in this process) are logged; the vote p99 goal is 100 ms.
//
// This machine's host has slow spells with no other process running here
// (on 2026-12-04 one build gave a vote p99 of 25 ms and 148 ms in two
// runs a minute apart, each with other processes at 0.00 cores): a room
// beyond the goal runs once more, and the goal fails only when both are
// beyond it. A cost the code adds is in both rooms.
func TestRoomOfPhones(t *testing.T) {
	n := *roomPhones
	if n == 0 {
		n = 3000
		if testing.Short() || raceDetector {
			n = 300
		}
	}
	const goal = 100 * time.Millisecond
	for room := 1; ; room++ {
		p99, others := roomOfPhones(t, n)
		switch {
		case p99 <= goal || raceDetector:
			return
		case others > 0.5: // the goal is for this machine with the phones and the server on it, not shared with more
			t.Logf("p99 of votes %v beyond the 100 ms goal, not checked: other processes used %.2f cores of %d meanwhile", p99, others, runtime.NumCPU())
			return
		case room == 1:
			t.Logf("p99 of votes %v beyond the 100 ms goal: a second room", p99)
		default:
			t.Errorf("p99 of votes %v beyond the 100 ms goal in the second room too", p99)
			return
		}
	}
}

// roomOfPhones runs one room of n phones through the six questions, checks
// every vote was counted, logs the figures and gives the votes' p99 and the
// cores other processes used meanwhile.
func roomOfPhones(t *testing.T, n int) (time.Duration, float64) {
	limits := DefaultLimits
	limits.JoinRate, limits.JoinBurst = 1e6, 1e6 // every phone comes from 127.0.0.1 here,
	limits.PageRate, limits.PageBurst = 1e6, 1e6 // and loads the join page before it has a token
	_, se, srv := startLive(t, limits)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	transport := &http.Transport{MaxIdleConns: n, MaxIdleConnsPerHost: n, IdleConnTimeout: time.Minute}
	defer transport.CloseIdleConnections()
	usage := startUsage()

	room := &room{t: t, se: se, transport: transport, voted: make([]atomic.Int32, len(se.Questions))}
	var wg sync.WaitGroup
	start := time.Now()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			room.phone(ctx, newPhone(t, srv, transport), i)
		}()
	}
	if *roomControls {
		se.TogglePhoneResults()
	}
	for qi := range se.Questions {
		if qi > 0 {
			se.Next()
		}
		if *roomControls {
			se.Countdown(10 * time.Minute) // never runs out here: every page then carries the time left
		}
		for room.voted[qi].Load() < int32(n) {
			if err := room.failure(); err != nil {
				cancel()
				wg.Wait()
				t.Fatal(err)
			}
			select {
			case <-time.After(20 * time.Millisecond):
			case <-ctx.Done():
				wg.Wait()
				t.Fatalf("question %d: %d of %d phones voted before the time ran out", qi+1, room.voted[qi].Load(), n)
			}
		}
	}
	room.done.Store(true)
	wg.Wait()
	elapsed := time.Since(start)
	used, others := usage.stop()
	if err := room.failure(); err != nil {
		t.Fatal(err)
	}

	res, err := se.Results(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	checkLoadResults(t, res, n)
	if q := res.Questions[4]; q.Respondents != n {
		t.Errorf("open question counted %d respondents, want %d", q.Respondents, n)
	}
	for _, l := range []struct {
		what string
		ds   *latencies
	}{{"joins", &room.joins}, {"votes", &room.votes}, {"state polls", &room.polls}, {"page loads", &room.pages}} {
		p50, p99, worst := percentiles(l.ds.all())
		t.Logf("%d phones: %d %s p50 %v, p99 %v, slowest %v", n, len(l.ds.all()), l.what, p50, p99, worst)
	}
	t.Logf("%d phones, 6 questions in %v; this process (server and phones): %s", n, elapsed.Round(time.Millisecond), used)
	t.Logf("results read for the phones %d times", se.phone.readings.Load())
	_, p99, _ := percentiles(room.votes.all())
	return p99, others
}

// room is what the phones of TestRoomOfPhones share.
type room struct {
	t         *testing.T
	se        *Session
	transport http.RoundTripper
	voted     []atomic.Int32 // per question: phones whose vote was answered 303
	done      atomic.Bool    // every question voted on: the phones stop
	joins     latencies
	votes     latencies
	polls     latencies
	pages     latencies

	mu  sync.Mutex
	err error
}

func (r *room) fail(err error) {
	r.mu.Lock()
	r.err = firstError(r.err, err)
	r.mu.Unlock()
}

func (r *room) failure() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// latencies collects durations from many goroutines.
type latencies struct {
	mu sync.Mutex
	ds []time.Duration
}

func (l *latencies) add(d time.Duration) {
	l.mu.Lock()
	l.ds = append(l.ds, d)
	l.mu.Unlock()
}

func (l *latencies) all() []time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.ds
}

var (
	pageVersion  = regexp.MustCompile(`data-version="(\d+)"`)
	pageQuestion = regexp.MustCompile(`name="q" value="(\d+)"`)
)

// phone i joins and then polls, reloads and votes until the room is done.
func (r *room) phone(ctx context.Context, p *phone, i int) {
	rng := rand.New(rand.NewPCG(uint64(i), 13))
	time.Sleep(time.Duration(rng.Int64N(int64(pagePollEvery)))) // phones do not scan the code in the same millisecond
	if _, _, err := r.fetch(ctx, p, "GET", "/?code="+r.se.Code(), nil, nil); err != nil {
		r.fail(fmt.Errorf("phone %d, join page: %w", i, err))
		return
	}
	if _, _, err := r.fetch(ctx, p, "POST", "/join", url.Values{"code": {r.se.Code()}}, &r.joins); err != nil {
		r.fail(fmt.Errorf("phone %d, join: %w", i, err))
		return
	}
	version, shown, err := r.load(ctx, p, "/?m=joined")
	if err != nil {
		r.fail(fmt.Errorf("phone %d: %w", i, err))
		return
	}
	voted := -1 // the question last voted on
	var voteAt <-chan time.Time
	if shown >= 0 {
		voteAt = time.After(think(rng))
	}
	poll := time.NewTimer(pagePollEvery)
	defer poll.Stop()
	changes, polled := uint64(0), false // the results on the phones or the Q&A, as /state counts their changes
	for !r.done.Load() {
		select {
		case <-ctx.Done():
			return
		case <-voteAt:
			voteAt = nil
			form := roomAnswer(r.se, shown, i)
			form.Set("q", strconv.Itoa(shown))
			if _, _, err := r.fetch(ctx, p, "POST", "/vote", form, &r.votes); err != nil {
				r.fail(fmt.Errorf("phone %d, vote on question %d: %w", i, shown+1, err))
				return
			}
			voted = shown
			r.voted[shown].Add(1)
			if version, shown, err = r.load(ctx, p, "/?m=saved"); err != nil {
				r.fail(fmt.Errorf("phone %d: %w", i, err))
				return
			}
			if shown >= 0 && shown != voted { // the presenter moved on meanwhile
				voteAt = time.After(think(rng))
			}
			poll.Reset(pagePollEvery)
		case <-poll.C:
			_, body, err := r.fetch(ctx, p, "GET", "/state", nil, &r.polls)
			if err != nil {
				r.fail(fmt.Errorf("phone %d, /state: %w", i, err))
				return
			}
			var st struct{ Version, Changes uint64 }
			if err := json.Unmarshal(body, &st); err != nil {
				r.fail(fmt.Errorf("phone %d, /state %q: %w", i, body, err))
				return
			}
			moved := polled && st.Changes != changes
			changes, polled = st.Changes, true
			if st.Version != version || moved { // app.js: location.replace("/")
				if version, shown, err = r.load(ctx, p, "/"); err != nil {
					r.fail(fmt.Errorf("phone %d: %w", i, err))
					return
				}
				if shown >= 0 && shown != voted && voteAt == nil {
					voteAt = time.After(think(rng))
				}
			}
			poll.Reset(pagePollEvery)
		}
	}
}

// think is how long a participant looks at a question before sending.
func think(rng *rand.Rand) time.Duration {
	return time.Duration(rng.Int64N(int64(500 * time.Millisecond)))
}

// load fetches a page and reads its version and the question it offers (-1: none).
func (r *room) load(ctx context.Context, p *phone, path string) (uint64, int, error) {
	_, body, err := r.fetch(ctx, p, "GET", path, nil, &r.pages)
	if err != nil {
		return 0, 0, fmt.Errorf("page %s: %w", path, err)
	}
	m := pageVersion.FindSubmatch(body)
	if m == nil {
		return 0, 0, fmt.Errorf("page %s has no version:\n%s", path, body)
	}
	version, _ := strconv.ParseUint(string(m[1]), 10, 64)
	shown := -1
	if m := pageQuestion.FindSubmatch(body); m != nil {
		shown, _ = strconv.Atoi(string(m[1]))
	}
	return version, shown, nil
}

// fetch sends one request as the phone and times it into l (when not
// nil); a status other than 200 or 303 is an error.
func (r *room) fetch(ctx context.Context, p *phone, method, path string, form url.Values, l *latencies) (int, []byte, error) {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, p.base+path, body)
	if err != nil {
		return 0, nil, err
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		// A browser sends a form again when the kept-alive connection it
		// chose was closed by the server before any answer came (the server
		// sheds idle connections near its caps); Go's client does so for a
		// request that says it may be repeated. A vote repeated is the same
		// vote: the server keeps one answer per phone and question.
		req.Header.Set("Idempotency-Key", fmt.Sprintf("%p-%d", p, time.Now().UnixNano()))
	}
	start := time.Now()
	resp, err := p.c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if l != nil {
		l.add(time.Since(start))
	}
	if err != nil {
		return 0, nil, err
	}
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusSeeOther {
		return resp.StatusCode, b, fmt.Errorf("status %d: %.200s", resp.StatusCode, b)
	}
	return resp.StatusCode, b, nil
}

// roomAnswer is phone i's answer to question qi: the load test's answers,
// and a sentence for the open question.
func roomAnswer(se *Session, qi, i int) url.Values {
	if qi == 4 {
		return url.Values{"v": {"Phone " + strconv.Itoa(i) + " says: involve the citizens early."}}
	}
	return loadAnswers(se)[qi](i)
}
