package shell

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/sync"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// SyncReport is what a sync did (the engine's report).
type SyncReport = sync.Report

// syncFolder is the folder the open network syncs with ("" for none):
// the engine's own record of it (sync_networks.folder), which Settings
// writes and every sync notes.
func (sh *Shell) syncFolder() (string, error) {
	st, err := sync.StatusOf(sh.store.Path(), sh.network.ID, "")
	return st.Folder, err
}

// flushViews makes every built view store what it holds, asking nobody
// (a view that autosaves, a half-typed form behind the one on screen).
func (sh *Shell) flushViews() error {
	var errs []error
	for i, v := range sh.views {
		if f, ok := v.(Flusher); ok {
			if err := f.Flush(); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", sh.areas[i].Title, err))
			}
		}
	}
	return errors.Join(errs...)
}

// SyncNow is Network → Sync now (Ctrl+Shift+S) and the button of the
// sync settings: the view on screen is asked about its unsaved changes,
// every view stores what it holds, and the sync runs behind a progress
// dialog. Afterwards the views show what came in and a message says what
// the sync did. Without a folder, the sync settings open.
func (sh *Shell) SyncNow() {
	n := sh.network
	if n.ID == "" {
		return
	}
	folder, err := sh.syncFolder()
	if err != nil {
		sh.ShowError(err)
		return
	}
	if folder == "" {
		sh.ShowSyncSettings()
		return
	}
	sh.leaveCurrent(func() {
		if err := sh.flushViews(); err != nil {
			sh.ShowError(fmt.Errorf("nothing was synced: some of your work could not be stored first: %w", err))
			return
		}
		var r sync.Report
		// No syncing flag: the progress dialog holds the automatic sync
		// back, and a sync at quit waits for this job (letGo).
		sh.InBackground(BackgroundJob{
			Title: lang.L("Syncing {{.Name}}", map[string]any{"Name": n.Name}), Cancelled: lang.L("The sync was stopped; nothing of it is kept."),
			Work: func(ctx context.Context, progress func(string, float64)) error {
				progress(lang.L("Backing up, then writing this laptop's changes and merging the others'…"), 0.2)
				var err error
				r, err = sync.Now(ctx, sh.store, folder, n.ID) // with its backup first
				return err
			},
			Failed: func(err error) {
				sh.ReloadAll() // a refused merge may still have written this laptop's file
				sh.showSyncError(err)
			},
			Done: func() {
				sh.ReloadAll()
				sh.notice(syncLine(r))
				sh.syncNote.Hide() // the report says it all
				if r.Conflicts > 0 {
					sh.showConflictsNote(r.Conflicts) // for after the report
				}
				sh.showSyncReport(n.Name, r)
				if sh.Synced != nil {
					sh.Synced(r, nil)
				}
			},
		})
	}, nil)
}

// showSyncError shows why a sync did not happen, in the user's words.
func (sh *Shell) showSyncError(err error) {
	var missing *sync.FolderMissing
	if errors.As(err, &missing) {
		sh.ShowMessage(lang.L("Sync folder not found"), capitalised(err.Error())+".")
	} else {
		sh.ShowMessage(lang.L("The sync did not finish"), lang.L("Nothing of it is kept; your data here is as before the sync.")+"\n\n"+capitalised(err.Error()))
	}
	if sh.Synced != nil {
		sh.Synced(sync.Report{}, err)
	}
}

func capitalised(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// syncSummary says what a sync did, in a few short sentences.
func syncSummary(r sync.Report) string {
	var lines []string
	if r.Rejoined != "" {
		lines = append(lines, lang.L(sync.RejoinedNote))
	}
	if r.Repaired > 0 {
		lines = append(lines, lang.L("Put back in the folder {{.Files}} of this laptop that were missing or damaged there.", map[string]any{"Files": filesText(r.Repaired)}))
	}
	if r.Sent > 0 {
		lines = append(lines, lang.L("Sent {{.Changes}} of this laptop.", map[string]any{"Changes": changesText(r.Sent)}))
	} else {
		lines = append(lines, lang.L("Nothing new to send from this laptop."))
	}
	if r.Files > 0 {
		lines = append(lines, lang.L("Received {{.Changes}} of the other laptops ({{.Files}}).", map[string]any{"Changes": changesText(r.Received), "Files": filesText(r.Files)}))
	} else {
		lines = append(lines, lang.L("Nothing new from the other laptops."))
	}
	for _, d := range r.DeletedThere {
		lines = append(lines, lang.L("{{.What}} was deleted on {{.Laptop}} while it was changed here: it is in the trash with the change made here (Edit › Trash… restores it).", map[string]any{"What": capitalised(d.Label), "Laptop": d.By}))
	}
	if r.Waiting > 0 {
		lines = append(lines, lang.L("Waiting for an earlier file of their laptop to arrive in the folder: {{.Files}}.", map[string]any{"Files": filesText(r.Waiting)}))
		lines = append(lines, r.WaitingFor...) // which file, naming the laptops (in English, as the sync writes them)
	}
	if r.Conflicts > 0 {
		lines = append(lines, lang.L("To review: {{.Conflicts}} (both laptops changed the same field).", map[string]any{"Conflicts": conflictsText(r.Conflicts)}))
	} else {
		lines = append(lines, lang.L("No conflicts."))
	}
	for _, f := range r.Refused {
		lines = append(lines, lang.L("Not applied: {{.File}} — it {{.Why}}.", map[string]any{"File": filepath.Base(filepath.Dir(f.Path)) + "/" + filepath.Base(f.Path), "Why": f.Reason}))
	}
	return strings.Join(lines, "\n")
}

// conflictsText, changesText and filesText are counts in words: "1 conflict", "2 conflicts".
func conflictsText(n int) string {
	if n == 1 {
		return lang.L("1 conflict")
	}
	return lang.L("{{.N}} conflicts", map[string]any{"N": n})
}

func changesText(n int) string {
	if n == 1 {
		return lang.L("1 change")
	}
	return lang.L("{{.N}} changes", map[string]any{"N": n})
}

func filesText(n int) string {
	if n == 1 {
		return lang.L("1 file")
	}
	return lang.L("{{.N}} files", map[string]any{"N": n})
}

// syncLine is the status line after a sync.
func syncLine(r sync.Report) string {
	s := lang.L("Synced at {{.Time}}: sent {{.Sent}}, received {{.Received}}", map[string]any{"Time": r.At.Local().Format("15:04"), "Sent": r.Sent, "Received": r.Received})
	if r.Conflicts > 0 {
		s += ", " + conflictsText(r.Conflicts)
	}
	return s
}

// showSyncReport is the message after Sync now; it leads to the conflicts
// screen when there are some.
func (sh *Shell) showSyncReport(network string, r sync.Report) {
	msg := widget.NewLabel(syncSummary(r))
	msg.Wrapping = fyne.TextWrapWord
	title := lang.L("{{.Name}} is synced", map[string]any{"Name": network})
	if len(r.Refused) > 0 {
		title = lang.L("Synced, but some files were not applied")
	}
	var d *dialog.CustomDialog
	ok := widgets.NewButton(lang.L("OK"), func() { d.Hide() })
	buttons := []fyne.CanvasObject{ok}
	if r.Conflicts > 0 {
		review := widgets.NewButton(lang.L("Review conflicts…"), func() { d.Hide(); sh.ShowConflicts() })
		review.Importance = widget.HighImportance
		buttons = append(buttons, review)
	} else {
		ok.Importance = widget.HighImportance
	}
	d = dialog.NewCustomWithoutButtons(title, msg, sh.win)
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	sh.Keys(DialogKeys{Enter: d.Hide})
}

// lastSyncText says when the network last synced, for the settings.
func lastSyncText(st sync.Status) string {
	if st.LastSync == "" {
		return lang.L("never synced yet")
	}
	t, err := time.Parse(time.RFC3339, st.LastSync)
	if err != nil {
		return st.LastSync
	}
	return lang.L("last synced {{.When}}", map[string]any{"When": widgets.DateTime(t.Local())})
}
