package shell

import (
	"errors"
	"fmt"
	"time"
)

// jobGrace is how long stopping waits for cancelled background jobs to let
// go of the store before it is closed under them.
const jobGrace = 10 * time.Second

// Track registers work that must end with the app (a live session's
// server, which stores its last votes when stopped); the returned func
// unregisters it once the work ended by itself.
func (sh *Shell) Track(stop func()) (untrack func()) {
	ticket := sh.nextTicket
	sh.nextTicket++
	sh.running[ticket] = stop
	return func() { delete(sh.running, ticket) }
}

// whenStopping runs when the app stops for any reason — Quit, the window
// closed, logout or SIGTERM/SIGINT (Fyne's driver turns those into a
// quit; a second handler of ours would race with it). In order: every
// view stores what it can (nobody is left to ask), tracked work stops
// (a live session stores every vote it received), background jobs are
// cancelled and waited for, the window size is kept; Run closes the store
// after this returns.
func (sh *Shell) whenStopping() {
	var errs []error
	for i, v := range sh.views {
		if f, ok := v.(Flusher); ok {
			if err := f.Flush(); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", sh.areas[i].Title, err))
			}
		}
	}
	for ticket, stop := range sh.running {
		stop()
		delete(sh.running, ticket)
	}
	sh.saveWindowSize()
	sh.stopAll()
	done := make(chan struct{})
	go func() { sh.jobs.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(jobGrace):
		errs = append(errs, errors.New("a background job did not stop in time"))
	}
	err := errors.Join(errs...)
	if err != nil {
		sh.logError("keeping unsaved work on exit", err)
	}
	if sh.Stopped != nil {
		sh.Stopped(err)
	}
}
