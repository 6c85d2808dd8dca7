package live

import (
	"sync"
	"time"
)

// The phones are told new results as often as the room allows: each time
// they are told, every phone reloads its page. A room of 3,000 phones gets
// them every 5 s (600 page loads a second, what the room test holds); a
// meeting's 40 phones every second, so a vote shows on the others' phones
// about as fast as on the projector.
const (
	phoneResultsEvery   = 5 * time.Second         // at most: the largest room
	phoneResultsSoonest = time.Second             // at least: a small room
	phoneReloadBudget   = 600                     // page loads a second that telling the phones may cause
	pagePollEvery       = 1500 * time.Millisecond // web/app.js: setTimeout(poll, 1500)
	pollWindow          = 3 * time.Second
)

// resultsEvery is how often phones that follow the results are told they
// moved, for a room of this many phones.
func resultsEvery(phones float64) time.Duration {
	d := time.Duration(phones / phoneReloadBudget * float64(time.Second))
	return min(max(d, phoneResultsSoonest), phoneResultsEvery)
}

// pollRate counts the pages' /state polls to tell how many phones follow
// the session: each polls every pagePollEvery.
type pollRate struct {
	mu          sync.Mutex
	start       time.Time // of the current window
	count, last int       // polls in the current window, and in the one before
}

func (p *pollRate) add(now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.roll(now)
	p.count++
}

// roll starts a new window when the current one is over; a window in
// which nobody polled counts as none.
func (p *pollRate) roll(now time.Time) {
	switch gone := now.Sub(p.start); {
	case gone >= 2*pollWindow:
		p.start, p.count, p.last = now, 0, 0
	case gone >= pollWindow:
		p.start, p.count, p.last = now, 0, p.count
	}
}

// phones is the room's size as its polls tell: polls a second over the
// last whole window (or the current one, when it already holds more)
// times the page's interval.
func (p *pollRate) phones(now time.Time) float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.roll(now)
	return float64(max(p.last, p.count)) / pollWindow.Seconds() * pagePollEvery.Seconds()
}
