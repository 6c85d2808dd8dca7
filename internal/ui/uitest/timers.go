package uitest

import (
	"sync"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// heldTimer is a shell timer a test fires itself.
type heldTimer struct {
	f       func()
	stopped bool
}

var (
	timersMu sync.Mutex
	held     = map[*shell.Shell][]*heldTimer{}
)

// holdTimers makes sh's timers wait for FireTimers: on the test driver a
// timer firing by itself would run UI code beside the test (a slow machine
// made the study's autosave race the typing of a test).
func holdTimers(sh *shell.Shell) {
	sh.Timers = func(_ time.Duration, f func()) func() {
		t := &heldTimer{f: f}
		timersMu.Lock()
		held[sh] = append(held[sh], t)
		timersMu.Unlock()
		return func() { t.stopped = true }
	}
}

// FireTimers runs, on the test's goroutine, every timer of sh started and
// not stopped since the last call, as if their time had come; it says how
// many ran.
func FireTimers(sh *shell.Shell) int {
	timersMu.Lock()
	due := held[sh]
	delete(held, sh)
	timersMu.Unlock()
	n := 0
	for _, t := range due {
		if !t.stopped {
			t.stopped = true
			t.f()
			n++
		}
	}
	return n
}

// forgetTimers drops sh's timers when its test ends.
func forgetTimers(sh *shell.Shell) {
	timersMu.Lock()
	delete(held, sh)
	timersMu.Unlock()
}
