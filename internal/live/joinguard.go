package live

import (
	"sync"
	"time"
)

// How long guessing the join code takes
//
// A code is six digits: 10^6 codes, the right one equally likely to be
// any, so a guesser who never tries a code twice needs 500,000 wrong
// tries on average. Every wrong code, from whatever address, takes one
// from a budget the whole session shares (per address would not do: 250
// addresses on a hotel network checked 5,900 codes a second and found a
// code in 84 s). The budget holds FailBurst (300) and refills by FailRate
// (0.5 a second, 30 a minute), so at most 300 + 0.5·t codes are ever
// checked in t seconds: the expected time to find the code is
// (500,000 − 300) / 0.5 s ≈ 999,400 s ≈ 11.6 days, and the chance of
// finding it within a 3-hour session at most (300 + 5,400) / 10^6 ≈ 0.6 %.
//
// The room is not locked out by its own typos: 300 wrong codes (a tenth
// of a 3,000-phone room mistyping once) go through at once, 30 a minute
// more after. When the budget is empty, joining pauses for JoinPause
// (10 s) for everyone: no code is checked then, not even the right one
// (else the pause would tell the guesser which code is right). The
// presenter is told and may draw a new code: that restores the budget, as
// the codes tried before say nothing about the new one (each new code
// gives a guesser another 300 tries: 0.03 %). Those joined stay joined.
type joinGuard struct {
	rate, burst float64
	pause       time.Duration

	mu          sync.Mutex
	tokens      float64
	last        time.Time
	pausedUntil time.Time
	wrong       int // wrong codes since the code was drawn
	ranOut      int // times the budget ran out since the code was drawn
}

func newJoinGuard(l Limits) *joinGuard {
	g := &joinGuard{rate: l.FailRate, burst: l.FailBurst, pause: l.JoinPause}
	g.reset()
	return g
}

// check takes a token before a code is compared; without one, joining is
// paused and wait says for how long.
func (g *joinGuard) check() (ok bool, wait time.Duration) {
	now := time.Now()
	g.mu.Lock()
	defer g.mu.Unlock()
	g.tokens = min(g.burst, g.tokens+now.Sub(g.last).Seconds()*g.rate)
	g.last = now
	if now.Before(g.pausedUntil) {
		return false, g.pausedUntil.Sub(now)
	}
	if g.tokens < 1 {
		g.pausedUntil = now.Add(g.pause)
		g.ranOut++
		return false, g.pause
	}
	g.tokens--
	return true, 0
}

// right gives the token of a right code back: only wrong codes cost.
func (g *joinGuard) right() {
	g.mu.Lock()
	g.tokens = min(g.burst, g.tokens+1)
	g.mu.Unlock()
}

func (g *joinGuard) failed() {
	g.mu.Lock()
	g.wrong++
	g.mu.Unlock()
}

// reset is for a new code: a full budget, no pause, no counts.
func (g *joinGuard) reset() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.tokens, g.last, g.pausedUntil, g.wrong, g.ranOut = g.burst, time.Now(), time.Time{}, 0, 0
}

// JoinStatus is what the presenter is told about wrong join codes.
type JoinStatus struct {
	Wrong  int  // wrong codes typed since the code was drawn
	RanOut bool // so many that joining paused: someone may be guessing; a new code helps
	Paused bool // joining is paused just now
}

func (g *joinGuard) status() JoinStatus {
	g.mu.Lock()
	defer g.mu.Unlock()
	return JoinStatus{Wrong: g.wrong, RanOut: g.ranOut > 0, Paused: time.Now().Before(g.pausedUntil)}
}
