package live

import (
	"encoding/json"
	"net/url"
	"testing"
	"time"
)

// A meeting's phones are told new results every second, the largest room
// every 5 s (its page loads bounded as before).
func TestTheRoomsSizeSetsHowOftenPhonesAreTold(t *testing.T) {
	for _, c := range []struct {
		phones float64
		want   time.Duration
	}{{0, time.Second}, {40, time.Second}, {600, time.Second}, {1500, 2500 * time.Millisecond}, {3000, 5 * time.Second}, {30000, 5 * time.Second}} {
		if got := resultsEvery(c.phones); got != c.want {
			t.Errorf("%v phones: told every %v, want %v", c.phones, got, c.want)
		}
	}
	var p pollRate
	start := time.Unix(1000, 0)
	for i := range 120 { // 60 phones polling every 1.5 s, over 3 s
		p.add(start.Add(time.Duration(i) * 25 * time.Millisecond))
	}
	if got := p.phones(start.Add(3100 * time.Millisecond)); got < 55 || got > 65 {
		t.Errorf("60 phones polling read as %.0f", got)
	}
	if got := p.phones(start.Add(20 * time.Second)); got != 0 {
		t.Errorf("after a silence, %.0f phones", got)
	}
}

// In a meeting-sized room a vote reaches the other phones' results within
// about a second of polling, not after 5 s.
func TestAVoteReachesTheOtherPhonesSoon(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	se.TogglePhoneResults()
	watcher, voter := joinedPhone(t, se, srv), joinedPhone(t, se, srv)
	last := 0.0
	changes := func() float64 {
		code, body := watcher.get("/state")
		if code == 429 { // polled faster than a page does
			return last
		}
		var st struct{ Changes float64 }
		if err := json.Unmarshal([]byte(body), &st); err != nil {
			t.Fatalf("/state: %v: %s", err, body)
		}
		last = st.Changes
		return last
	}
	before := changes()
	time.Sleep(1100 * time.Millisecond) // a reading older than the soonest interval
	changes()
	before = changes()
	if code, _ := voter.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); code != 303 {
		t.Fatalf("vote: %d", code)
	}
	start := time.Now()
	for changes() == before {
		if time.Since(start) > 4*time.Second {
			t.Fatal("the watching phone was not told of the vote within 4 s")
		}
		time.Sleep(250 * time.Millisecond)
	}
	if took := time.Since(start); took > 2500*time.Millisecond {
		t.Errorf("the vote reached the watching phone after %v", took)
	}
}
