package live

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// wrongCode is a six-digit code that is not the session's.
func wrongCode(se *Session, i int) string {
	code := fmt.Sprintf("%06d", i%1_000_000)
	if code == se.Code() {
		code = fmt.Sprintf("%06d", (i+1)%1_000_000)
	}
	return code
}

// 249 addresses (127.0.0.2 … 127.0.0.250) guess the join code as fast as
// the server answers: the wrong codes checked stay within the session's
// budget (300 + 0.5 a second), whatever the number of addresses; a
// participant who mistyped before still got in, one joined stays joined,
// and the presenter's new code lets the room in again at once.
func TestGuessingTheCodeFromManyAddresses(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	joined := phoneFrom(t, srv, loopback(251))
	if status, _ := joined.post("/join", url.Values{"code": {se.Code()}}); status != http.StatusSeeOther {
		t.Fatalf("join: %d", status)
	}
	typo := phoneFrom(t, srv, loopback(252))
	for i := range 3 {
		if status, _ := typo.post("/join", url.Values{"code": {wrongCode(se, i)}}); status != http.StatusForbidden {
			t.Fatalf("wrong code %d: %d", i, status)
		}
	}
	if status, _ := typo.post("/join", url.Values{"code": {se.Code()}}); status != http.StatusSeeOther {
		t.Fatalf("the right code after three wrong ones: %d", status)
	}

	l := DefaultLimits
	g := guess(t, srv, se, 3*time.Second)
	budget := l.FailBurst - 3 + l.FailRate*g.elapsed.Seconds() // the typo spent 3
	checked := len(g.wrongAt)
	if float64(checked) > budget+1 {
		t.Errorf("%d wrong codes were checked in %v; the session's budget allows %.0f", checked, g.elapsed, budget)
	}
	st := srv.JoinStatus()
	if !st.RanOut || !st.Paused || st.Wrong != checked+3 {
		t.Errorf("the presenter is told %+v after %d wrong codes", st, checked+3)
	}

	// While joining is paused, not even the right code is checked (a
	// pause that let it through would tell the guesser it is right).
	late := phoneFrom(t, srv, loopback(253))
	if status, body := late.post("/join", url.Values{"code": {se.Code()}}); status != http.StatusTooManyRequests || !strings.Contains(body, "Joining is paused") {
		t.Errorf("the right code while paused: %d %.200s", status, body)
	}
	vote := url.Values{"q": {"0"}, "v": {"Focus on staff"}}
	if status, _ := joined.post("/vote", vote); status != http.StatusSeeOther {
		t.Errorf("a participant joined before votes while joining is paused: %d", status)
	}

	// The presenter draws a new code: the QR address carries it, the old
	// one no longer joins, the new one does at once; those joined stay.
	old, oldURL := se.Code(), srv.JoinURL()
	code, err := srv.NewCode()
	if err != nil || code == old || se.Code() != code || srv.JoinURL() == oldURL || !strings.HasSuffix(srv.JoinURL(), "?code="+code) {
		t.Fatalf("new code %q (was %q), %v; join address %s", code, old, err, srv.JoinURL())
	}
	if st := srv.JoinStatus(); st != (JoinStatus{}) {
		t.Errorf("after a new code the presenter is told %+v", st)
	}
	if status, _ := late.post("/join", url.Values{"code": {old}}); status != http.StatusForbidden {
		t.Errorf("the old code: %d", status)
	}
	if status, _ := late.post("/join", url.Values{"code": {code}}); status != http.StatusSeeOther {
		t.Errorf("the new code: %d", status)
	}
	vote.Set("v", "New working methods")
	if status, _ := joined.post("/vote", vote); status != http.StatusSeeOther {
		t.Errorf("a participant joined before the new code changes their vote: %d", status)
	}
}

// guessing is what 249 addresses saw guessing codes for a while.
type guessing struct {
	elapsed         time.Duration
	wrongAt         []time.Duration // since the start, when each wrong code was answered as checked
	paused, limited int             // refused while joining paused; by an address's own limit
}

// guess has 249 addresses (127.0.0.2 … 127.0.0.250) post wrong codes as
// fast as the server answers them, for d.
func guess(t *testing.T, srv *Server, se *Session, d time.Duration) guessing {
	t.Helper()
	var mu sync.Mutex
	var g guessing
	start := time.Now()
	var wg sync.WaitGroup
	for a := 2; a <= 250; a++ {
		wg.Go(func() {
			p := phoneFrom(t, srv, loopback(a))
			for i := 0; time.Since(start) < d; i++ {
				resp, err := p.c.PostForm(p.base+"/join", url.Values{"code": {wrongCode(se, a*4000+i)}})
				if err != nil {
					t.Error(err)
					return
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				mu.Lock()
				switch {
				case resp.StatusCode == http.StatusForbidden:
					g.wrongAt = append(g.wrongAt, time.Since(start))
				case resp.StatusCode == http.StatusTooManyRequests && strings.Contains(string(body), "Joining is paused"):
					g.paused++
				case resp.StatusCode == http.StatusTooManyRequests:
					g.limited++
				default:
					t.Errorf("a guess answered %d", resp.StatusCode)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	g.elapsed = time.Since(start)
	t.Logf("249 addresses for %v: %d wrong codes checked, %d refused while joining paused, %d by the address limit",
		g.elapsed.Round(time.Millisecond), len(g.wrongAt), g.paused, g.limited)
	return g
}

// After the burst, the rate of codes checked is the budget's refill rate,
// however many addresses guess. Time runs 100 times faster here than by
// default (50 codes a second, pauses of 100 ms: the default's 5 a pause),
// so that seconds show what a day would.
func TestGuessRateAfterTheBurstIsTheBudgets(t *testing.T) {
	limits := DefaultLimits
	limits.FailBurst, limits.FailRate, limits.JoinPause = 20, 50, 100*time.Millisecond
	_, se, srv := startLive(t, limits)
	g := guess(t, srv, se, 2*time.Second)
	checked := len(g.wrongAt)
	if budget := limits.FailBurst + limits.FailRate*g.elapsed.Seconds(); float64(checked) > budget+1 {
		t.Fatalf("%d wrong codes were checked in %v; the budget allows %.0f", checked, g.elapsed, budget)
	}
	if g.paused == 0 {
		t.Fatalf("only %d wrong codes were checked: the burst was not even spent", checked)
	}
	// Beyond the burst, what the budget refilled: the rate a long guess sees.
	rate := (float64(checked) - limits.FailBurst) / g.elapsed.Seconds()
	t.Logf("beyond the burst: %.1f wrong codes a second (refill %.0f): %.2f of it; at the default's 0.5 a second that is %.1f days on average to find a code",
		rate, limits.FailRate, rate/limits.FailRate, (500_000-DefaultLimits.FailBurst)/(DefaultLimits.FailRate*rate/limits.FailRate)/86400)
}

// Once the budget ran out, joining pauses briefly and starts again by
// itself: a participant who mistypes once after the pause still gets in.
func TestJoiningResumesAfterThePause(t *testing.T) {
	limits := DefaultLimits
	limits.FailBurst, limits.FailRate, limits.JoinPause = 5, 5, 400*time.Millisecond // the default's ratio: 5 codes a pause
	_, se, srv := startLive(t, limits)
	guesser := phoneFrom(t, srv, loopback(2))
	for i := range 5 {
		if status, _ := guesser.post("/join", url.Values{"code": {wrongCode(se, i)}}); status != http.StatusForbidden {
			t.Fatalf("wrong code %d: %d", i, status)
		}
	}
	p := phoneFrom(t, srv, loopback(3))
	if status, _ := p.post("/join", url.Values{"code": {se.Code()}}); status != http.StatusTooManyRequests {
		t.Fatalf("joining did not pause when the budget ran out: %d", status)
	}
	time.Sleep(limits.JoinPause)
	start := time.Now()
	if status, _ := p.post("/join", url.Values{"code": {wrongCode(se, 7)}}); status != http.StatusForbidden {
		t.Fatalf("a typo after the pause: %d", status)
	}
	if status, _ := p.post("/join", url.Values{"code": {se.Code()}}); status != http.StatusSeeOther {
		t.Fatalf("the right code after the pause and a typo: %d", status)
	}
	t.Logf("in %v after the pause", time.Since(start))
	// Not six digits: refused without spending the budget.
	for range 20 {
		if status, _ := guesser.post("/join", url.Values{"code": {"12345"}}); status != http.StatusForbidden {
			t.Fatalf("five digits: %d", status)
		}
	}
	if st := srv.JoinStatus(); st.Wrong != 6 {
		t.Errorf("wrong codes counted %d, want 6", st.Wrong)
	}
}
