package shell

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// How the shell moves from one database file to another: File → Open
// database…, New database…, a recent database and Restore from backup…
// all go through swapStore, so each stops and starts the way the app's own
// start (Run) and stop (whenStopping) do.

// openWait is how long an open waits for the store before the window
// shows "checking": most files are checked in a few milliseconds, and a
// screen that flashes by would only flicker.
const openWait = 150 * time.Millisecond

// offUI runs open off the UI goroutine (a Writer checks every page of the
// file first: about a second for 1 GB) and hands its result to done on the
// UI goroutine. A file opened within openWait goes straight on; for a
// larger one the window shows that it checks path meanwhile, and gets back
// what it showed before done runs.
// The wait for a slow open is started by start (Shell.startJob, or go).
func offUI(w fyne.Window, path string, start func(func()), open func() (*data.Store, error), done func(*data.Store, error)) {
	type opened struct {
		store *data.Store
		err   error
	}
	result := make(chan opened, 1)
	go func() {
		s, err := open()
		result <- opened{s, err}
	}()
	select {
	case o := <-result:
		done(o.store, o.err)
	case <-time.After(openWait):
		before := w.Content()
		if before == nil { // the start: the window has no size of its own yet
			w.Resize(defaultWindowSize)
		}
		w.SetContent(checking(path))
		start(func() {
			o := <-result
			fyne.Do(func() {
				if before != nil {
					w.SetContent(before)
				}
				done(o.store, o.err)
			})
		})
	}
}

// swapStore is the one way the shell moves onto another store. Everything
// using the current one lets go of it (letGo: views store what they can,
// tracked work stops, background jobs end); replace, off the UI goroutine,
// closes it and returns the store to go on with (nil when none can be
// opened); then the areas are built afresh on that store, as at the start.
// after gets replace's error on the UI goroutine. The caller has asked the
// view on screen about its unsaved changes (leaveCurrent).
func (sh *Shell) swapStore(path string, replace func(old *data.Store) (*data.Store, error), after func(error)) {
	flushErr := sh.letGo()
	old := sh.store
	sh.swapping = true
	offUI(sh.win, path, sh.startJob, func() (*data.Store, error) { return replace(old) }, func(s *data.Store, err error) {
		sh.swapping = false
		if s == nil {
			sh.lost(err)
		} else {
			sh.adopt(s)
			after(err)
		}
		if flushErr != nil {
			sh.ShowError(fmt.Errorf("some of your work could not be stored in %s before it closed: %w", filepath.Base(old.Path()), flushErr))
		}
		if sh.Reopened != nil {
			sh.Reopened()
		}
	})
}

// letGo makes everything that uses the store let go of it, asking nobody:
// every view stores what it can, tracked work stops (a live session
// stores every vote it received), background jobs are cancelled and waited
// for. Stopping the app and moving to another database begin with it.
func (sh *Shell) letGo() error {
	var errs []error
	if err := sh.flushViews(); err != nil {
		errs = append(errs, err)
	}
	sh.stopTracked()
	sh.stopAll()
	done := make(chan struct{})
	go func() { sh.jobs.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(jobGrace):
		errs = append(errs, errors.New("a background job did not stop in time"))
	}
	return errors.Join(errs...)
}

// adopt makes s the shell's store and starts on it as the app's start
// does: a new context for jobs, no views yet, no undo history (its steps
// name records of the other file), the network open last in s.
func (sh *Shell) adopt(s *data.Store) {
	sh.store = s
	sh.ctx, sh.stopAll = context.WithCancel(context.Background())
	sh.network = data.Network{}
	sh.views = make([]View, len(sh.areas))
	sh.current = -1
	sh.undo.clear()
	sh.refreshEditMenu()
	sh.rememberDatabase(s.Path())
	sh.begin("")
}

// begin opens network (an id; "" for the one open last in this file) and
// does what a start owes the file: answers an import stored but a crash
// or quit kept from the search index are indexed, and an upgrade of the
// file is told.
func (sh *Shell) begin(network string) {
	s := sh.store
	id, unknown := sh.startNetwork(network)
	sh.Start(id)
	if unknown != "" { // started from an icon or a script: say so in the window, where it is seen
		sh.switchNetwork()
		sh.ShowMessage("No such network", unknown)
	}
	sh.Quietly("indexing survey answers for search", s.IndexPendingAnswers)
	sh.autoBackup()
	sh.startAutoSync() // after the backup was started: a sync takes one of its own
	if s.BackupPath != "" {
		sh.ShowMessage("Database upgraded", strings.Join(append([]string{"Your data was upgraded to this version of AoCE Desktop. A copy from before is at " + s.BackupPath + "."},
			s.UpgradeNotes...), "\n\n"))
	}
}

// startNetwork is the id of the network the window opens with: the one
// --network names (by id or name, capitals aside), else the one open last.
// When --network names none, unknown says so and names those there are.
func (sh *Shell) startNetwork(network string) (id, unknown string) {
	if network == "" {
		return LastNetwork(sh.store), ""
	}
	if n, err := sh.store.Network(sh.ctx, network); err == nil {
		return n.ID, ""
	}
	if n, err := sh.store.NetworkByName(sh.ctx, network); err == nil {
		return n.ID, ""
	}
	ns, err := sh.store.Networks(sh.ctx)
	if err != nil {
		return LastNetwork(sh.store), fmt.Sprintf("There is no network “%s”, and the networks could not be listed: %v", network, err)
	}
	if len(ns) == 0 {
		return "", fmt.Sprintf("There is no network “%s”: this database holds none yet. Create one, or open the demo network.", network)
	}
	names := make([]string, len(ns))
	for i, n := range ns {
		names[i] = "“" + n.Name + "”"
	}
	return LastNetwork(sh.store), fmt.Sprintf("There is no network “%s” in this database (the window was asked to open it). Its networks are %s: choose one in Switch network.",
		network, strings.Join(names, ", "))
}

// lost is the window when no database could be opened again (the file
// vanished or broke under a restore): it says why, and offers Quit.
func (sh *Shell) lost(err error) {
	sh.store = nil
	sh.win.SetMainMenu(nil)
	sh.win.SetContent(cannotOpen(err, sh.app.Quit))
}

// setTitle names the network (if any) in the title bar, and the database
// file when it is not the one the app opens by default.
func (sh *Shell) setTitle(network string) {
	var parts []string
	if network != "" {
		parts = append(parts, network)
	}
	if p := sh.store.Path(); !samePath(p, sh.homeDB) {
		parts = append(parts, filepath.Base(p))
	}
	sh.win.SetTitle(strings.Join(append(parts, "AoCE Desktop"), " — "))
}

// defaultDatabase is the file the app opens when not told otherwise
// (SetDefaultDatabase); "" takes the file the window started on.
var defaultDatabase string

// SetDefaultDatabase tells the shell which file is the default one: the
// title bar names any other.
func SetDefaultDatabase(path string) { defaultDatabase = path }

// samePath says whether a and b name the same file (spelled either way).
func samePath(a, b string) bool {
	return absPath(a) == absPath(b)
}

// absPath is path made absolute when it can be, as the recent list keeps it.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
