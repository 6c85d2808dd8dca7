package shell

import "time"

// jobGrace is how long stopping waits for cancelled background jobs to let
// go of the store before it is closed under them.
const jobGrace = 10 * time.Second

// stopTracked ends the tracked work (a live session stores every vote
// it received as it stops).
func (sh *Shell) stopTracked() {
	for ticket, stop := range sh.running {
		stop()
		delete(sh.running, ticket)
	}
}

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
// quit; a second handler of ours would race with it). The window size is
// kept, then everything lets go of the store (letGo: views store what they
// can, as nobody is left to ask; tracked work and background jobs stop);
// Run closes the store after this returns.
func (sh *Shell) whenStopping() {
	if sh.store == nil {
		return // no database could be opened again after a restore: nothing to keep
	}
	sh.saveWindowSize()
	// A live session stops before the last sync, so that the votes it
	// stores as it stops travel with it rather than wait for the next start.
	sh.stopTracked()
	sh.syncOnQuit() // the last automatic sync: letGo waits for it as for any job
	err := sh.letGo()
	if err != nil {
		sh.logError("keeping unsaved work on exit", err)
	}
	if sh.Stopped != nil {
		sh.Stopped(err)
	}
}
