package shell

import (
	"context"
	"errors"
	"os"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/aoce-desktop/aoce-desktop/internal/sync"
)

// The automatic sync: at the start, every few minutes and at quit, while
// the open network has a sync folder and the folder is there. It is
// quiet — the status line says what it did — and speaks up only when
// conflicts appeared or a file was refused, with a button in the top bar
// that leads to the conflicts screen; never a dialog that takes the keys.

// settingSyncMinutes is the database setting of how often the automatic
// sync runs, in minutes; 0: only when the user asks (Sync now).
const settingSyncMinutes = "sync.auto_minutes"

const defaultSyncMinutes = 5

// SyncEveryChoices are the intervals the sync settings offer.
var SyncEveryChoices = []int{5, 15, 60, 0}

// quitSyncDeadline bounds the sync at quit: its backup is cancelled at
// this deadline, and stopping waits for the whole of it no longer than
// for any background job (jobGrace), so quitting never hangs.
const quitSyncDeadline = 8 * time.Second

// syncMinutes is how often the automatic sync runs (0: never by itself).
func (sh *Shell) syncMinutes() int {
	v, err := sh.store.Setting(sh.ctx, settingSyncMinutes)
	if err != nil || v == "" {
		return defaultSyncMinutes
	}
	m, err := strconv.Atoi(v)
	if err != nil || m < 0 {
		return defaultSyncMinutes
	}
	return m
}

// startAutoSync syncs at the start (of the app, or on another database)
// and schedules the next automatic sync.
func (sh *Shell) startAutoSync() {
	sh.syncing = false // no job of the store before is left (letGo waited for them)
	if !sh.autoSync {
		return
	}
	sh.SyncQuietly()
	sh.scheduleAutoSync()
}

// scheduleAutoSync sets the timer of the next automatic sync, as the
// setting says now. The timer ends with the store (its context).
func (sh *Shell) scheduleAutoSync() {
	if sh.syncTimer != nil {
		sh.syncTimer()
		sh.syncTimer = nil
	}
	m := sh.syncMinutes()
	if !sh.autoSync || m <= 0 {
		return
	}
	ctx := sh.ctx
	sh.syncTimer = sh.After(time.Duration(m)*time.Minute, func() {
		if ctx.Err() == nil {
			sh.SyncQuietly()
			sh.scheduleAutoSync()
		}
	})
}

// quitSyncHeldBack says why the sync at quit must not run ("" when it
// may), with the network's sync status it read.
func (sh *Shell) quitSyncHeldBack() (sync.Status, string) {
	switch {
	case sh.syncMinutes() <= 0:
		return sync.Status{}, "the automatic sync is off in the sync settings"
	case sh.network.ID == "":
		return sync.Status{}, "no network is open"
	}
	// An automatic sync under way does not hold it back: stopping cancels
	// that one (its context is the app's), so skipping this one left the
	// last changes unsent — a long sync, such as the first after merging a
	// hand-over, was the likeliest to be caught. The store's writer lets
	// one sync run at a time: this one goes after the cancelled one.
	st, err := sync.StatusOf(sh.store.Path(), sh.network.ID, "")
	switch {
	case err != nil:
		return st, "reading the sync status: " + err.Error()
	case st.Folder == "":
		return st, "the network " + sh.network.Name + " has no sync folder"
	}
	if info, err := os.Stat(st.Folder); err != nil || !info.IsDir() {
		return st, "the sync folder " + st.Folder + " is not there"
	}
	return st, ""
}

// syncHeldBack says why an automatic sync must not run now ("" when it
// may). Not while a dialog is open: the views would change under a form
// being filled in. Not while a live session runs or the window presents:
// the sync holds the store's writer, so the room's votes would wait, and
// the reload would redraw what the projector shows. Not while the view on
// screen holds unsaved typing: that is saved when the user says so, and
// the next turn syncs it.
func (sh *Shell) syncHeldBack() string {
	switch {
	case sh.network.ID == "" || sh.store == nil:
		return "no network open"
	case sh.syncing || sh.swapping:
		return "a sync or a move to another database is under way"
	case sh.dialogUp():
		return "a dialog is open"
	case sh.presenting || len(sh.running) > 0:
		return "a live session or presentation runs"
	}
	if e, ok := sh.CurrentView().(Editor); ok && e.Unsaved() != "" {
		return "the screen holds unsaved changes"
	}
	return ""
}

// SyncQuietly is one automatic sync, when nothing holds it back.
func (sh *Shell) SyncQuietly() {
	if sh.syncHeldBack() != "" {
		return
	}
	n, s, ctx := sh.network, sh.store, sh.ctx
	before, err := sync.StatusOf(s.Path(), n.ID, "")
	if err != nil {
		sh.logError("reading the sync status", err)
		return
	}
	if before.Folder == "" {
		return
	}
	if info, err := os.Stat(before.Folder); err != nil || !info.IsDir() {
		sh.notice(lang.L("Not synced: the sync folder is not there (is the folder tool running, the disk plugged in?)"))
		return
	}
	if err := sh.flushViews(); err != nil {
		sh.logError("storing the views before the automatic sync", err)
		return
	}
	sh.syncing = true
	sh.notice(lang.L("Syncing…"))
	sh.jobs.Add(1)
	sh.startJob(func() {
		defer sh.jobs.Done()
		r, err := sync.Now(ctx, s, before.Folder, n.ID)
		if ctx.Err() != nil {
			return // the store is closing: nobody to tell, the next start syncs
		}
		fyne.Do(func() {
			sh.syncing = false
			if s == sh.store && n.ID == sh.network.ID {
				sh.quietSyncEnded(before, r, err)
			}
		})
	})
}

// quietSyncEnded shows what an automatic sync did: in the status line,
// and with the top bar's button when conflicts appeared or files were
// refused.
func (sh *Shell) quietSyncEnded(before sync.Status, r sync.Report, err error) {
	defer func() {
		if sh.Synced != nil {
			sh.Synced(r, err)
		}
	}()
	var missing *sync.FolderMissing
	switch {
	case errors.As(err, &missing):
		sh.notice(lang.L("Not synced: the sync folder is not there (is the folder tool running, the disk plugged in?)"))
		return
	case err != nil:
		sh.logError("the automatic sync", err)
		sh.notice(lang.L("The automatic sync failed (Network › Sync now says why)"))
		return
	}
	if r.Files > 0 {
		sh.ReloadAll()
	}
	sh.notice(syncLine(r))
	switch {
	case len(r.Refused) > 0:
		sh.showSyncNote(lang.L("The sync refused {{.Files}}: see why", map[string]any{"Files": filesText(len(r.Refused))}), func() { sh.showSyncReport(sh.network.Name, r) })
	case len(r.DeletedThere) > 0:
		d := r.DeletedThere[0]
		sh.showSyncNote(lang.L("{{.What}} was deleted on {{.Laptop}}: the change made here is in the trash", map[string]any{"What": capitalised(d.Label), "Laptop": d.By}), sh.showTrash)
	case r.Conflicts > before.Conflicts:
		sh.showSyncNote(lang.L("{{.Conflicts}} after the sync: review", map[string]any{"Conflicts": conflictsText(r.Conflicts)}), sh.ShowConflicts)
	case r.Conflicts > 0:
		sh.showConflictsNote(r.Conflicts)
	}
}

// showConflictsNote is the top bar's button to the conflicts screen while
// some wait for a review: the status line's count in words is no link.
func (sh *Shell) showConflictsNote(n int) {
	sh.showSyncNote(lang.L("{{.Conflicts}} to review", map[string]any{"Conflicts": conflictsText(n)}), sh.ShowConflicts)
}

// showSyncNote shows the top bar's button after an automatic sync: it
// waits there, taking no keys, until pressed or the conflicts are seen.
func (sh *Shell) showSyncNote(text string, open func()) {
	sh.syncNote.SetText(text)
	sh.syncNote.OnTapped = func() {
		sh.syncNote.Hide()
		open()
	}
	sh.syncNote.Show()
}

// syncOnQuit starts the last automatic sync as the app stops, after every
// view stored what it holds and the tracked work (a live session) ended. It runs as a background job on a context of
// its own (the app's is cancelled next), so stopping waits for it as for
// any job: at most jobGrace, its backup cancelled at quitSyncDeadline.
func (sh *Shell) syncOnQuit() {
	if !sh.autoSync {
		return // a window that never syncs by itself (the tests')
	}
	n, s := sh.network, sh.store
	st, why := sh.quitSyncHeldBack()
	if why != "" {
		if st.Folder != "" { // (a network that is not shared has nothing to say)
			sh.logError("the sync at quit was not done", errors.New(why)) // the next start syncs
		}
		return
	}
	if err := sh.flushViews(); err != nil {
		sh.logError("storing the views before the sync at quit", err)
		return
	}
	sh.syncing = true
	ctx, cancel := context.WithTimeout(context.Background(), quitSyncDeadline)
	sh.jobs.Add(1)
	go func() {
		defer sh.jobs.Done()
		defer cancel()
		if _, err := sync.Now(ctx, s, st.Folder, n.ID); err != nil {
			sh.logError("the sync at quit (the next start syncs)", err)
		}
	}()
}
