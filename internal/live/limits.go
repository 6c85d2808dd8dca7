package live

import (
	"sync"
	"time"
)

// Limits protect the laptop from a flood: request size, how fast one
// client may join or vote, how many wrong join codes the session takes
// (joinguard.go) and how many connections it holds (conns.go).
type Limits struct {
	MaxBody   int64   // bytes of one request body
	JoinRate  float64 // joins (and page views before joining) per second per address
	JoinBurst float64
	VoteRate  float64 // votes per second per participant
	VoteBurst float64
	PageRate  float64 // page loads per second per participant (or address, before joining)
	PageBurst float64

	FailRate  float64       // wrong join codes per second, from all addresses together
	FailBurst float64       // wrong join codes at once
	JoinPause time.Duration // joining pauses this long when the wrong codes used up their budget

	MaxConns        int           // connections held at once, in all (0: from the file-descriptor limit)
	MaxConnsPerAddr int           // connections held at once from one address
	HeaderTimeout   time.Duration // a request's header must arrive within this
}

// DefaultLimits suit a meeting room: a phone answers a question every few
// seconds; a room of people behind one address (a hotel's network) still
// joins within a minute.
var DefaultLimits = Limits{MaxBody: 16 << 10, JoinRate: 20, JoinBurst: 60, VoteRate: 3, VoteBurst: 10, PageRate: 5, PageBurst: 20,
	FailRate: 0.5, FailBurst: 300, JoinPause: 10 * time.Second}

// orDefaults fills the limits left at zero with the defaults.
func (l Limits) orDefaults() Limits {
	d := DefaultLimits
	pick := func(v, def float64) float64 {
		if v > 0 {
			return v
		}
		return def
	}
	if l.MaxBody <= 0 {
		l.MaxBody = d.MaxBody
	}
	l.JoinRate, l.JoinBurst = pick(l.JoinRate, d.JoinRate), pick(l.JoinBurst, d.JoinBurst)
	l.VoteRate, l.VoteBurst = pick(l.VoteRate, d.VoteRate), pick(l.VoteBurst, d.VoteBurst)
	l.PageRate, l.PageBurst = pick(l.PageRate, d.PageRate), pick(l.PageBurst, d.PageBurst)
	l.FailRate, l.FailBurst = pick(l.FailRate, d.FailRate), pick(l.FailBurst, d.FailBurst)
	if l.JoinPause <= 0 {
		l.JoinPause = d.JoinPause
	}
	if l.HeaderTimeout <= 0 {
		l.HeaderTimeout = headerTimeout
	}
	total, perAddr := connCaps(fileLimit())
	if l.MaxConns <= 0 {
		l.MaxConns = total
	}
	if l.MaxConnsPerAddr <= 0 {
		l.MaxConnsPerAddr = min(perAddr, l.MaxConns)
	}
	return l
}

// limiter is a token bucket per key (an address or a participant).
type limiter struct {
	rate, burst float64
	mu          sync.Mutex
	buckets     map[string]*bucket
	lastSweep   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(rate, burst float64) *limiter {
	return &limiter{rate: rate, burst: burst, buckets: map[string]*bucket{}, lastSweep: time.Now()}
}

// allow takes a token for key when there is one.
func (l *limiter) allow(key string) bool {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.lastSweep) > time.Minute { // forget clients that went quiet
		for k, b := range l.buckets {
			if now.Sub(b.last) > time.Minute {
				delete(l.buckets, k)
			}
		}
		l.lastSweep = now
	}
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
