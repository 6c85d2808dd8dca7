package shell

import (
	"time"

	"fyne.io/fyne/v2"
)

// After runs f on the UI goroutine once d has passed (an autosave after a
// pause in typing, the next automatic sync); stop cancels it if it has not
// run yet. Tests set Timers: the test driver has no UI goroutine, so a
// timer that fired by itself would run UI code beside the test's own.
func (sh *Shell) After(d time.Duration, f func()) (stop func()) {
	if sh.Timers != nil {
		return sh.Timers(d, f)
	}
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}
