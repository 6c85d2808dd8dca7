package shell

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/sync"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// restoreDialog is File → Restore from backup…: the automatic backups
// first (restorelist.go), "Other file…" to pick one; the chosen backup is
// checked (read-only, off the UI goroutine), confirmed and restored in the
// window.
func (sh *Shell) restoreDialog() { sh.showBackupList() }

// pickBackupFile asks for any backup file.
func (sh *Shell) pickBackupFile() {
	sh.PickFileTitled("Restore from backup", []string{".db", ".bak"}, sh.checkRestore)
}

// checkRestore checks the picked backup, then asks before restoring it.
func (sh *Shell) checkRestore(backup string) {
	sh.InBackground(BackgroundJob{
		Title: "Checking the backup", Cancelled: "The check was stopped; nothing was changed.",
		Work: func(ctx context.Context, _ func(string, float64)) error {
			return data.CheckBackup(ctx, backup)
		},
		Failed: func(err error) {
			sh.ShowError(fmt.Errorf("%s cannot be restored; nothing was changed: %w", backup, err))
		},
		Done: func() { sh.confirmRestore(backup) },
	})
}

// confirmRestore names what is replaced, by what, and where the current
// data goes. Enter does not confirm: replacing the data takes a click.
func (sh *Shell) confirmRestore(backup string) {
	db := sh.store.Path()
	when := "an unknown date"
	if st, err := os.Stat(backup); err == nil {
		when = widgets.DateTime(st.ModTime())
	}
	kept, err := data.ReplacedName(db, time.Now())
	if err != nil {
		sh.ShowError(err)
		return
	}
	msg := fmt.Sprintf("Replace the data of %s with the backup of %s (%s)?\n\nThe current data is kept as %s in %s.",
		filepath.Base(db), when, filepath.Base(backup), filepath.Base(kept), filepath.Dir(kept))
	if st, err := sync.StatusOf(db, sh.network.ID, ""); err == nil && st.Folder != "" {
		// The network is shared: the next sync brings back what was sent since (see sync.RejoinedNote).
		msg += "\n\n" + lang.L("This network is shared through a sync folder: at the next sync, what this laptop and the others sent since the backup comes back to it (a record deleted since is in the trash).")
	}
	sh.Ask(Question{Title: "Restore from backup", Message: msg, Confirm: "Replace with the backup", NoEnter: true, OnAnswer: func(yes bool) {
		if yes {
			sh.restore(backup, when)
		}
	}})
}

// restore replaces the open database with the backup after the view on
// screen agreed to leave. The store is closed, the file replaced and
// opened again under the writer lock the window holds all along
// (Store.ReplaceWith), so no other window or command can take the file in
// between; the window starts again on it through swapStore.
func (sh *Shell) restore(backup, when string) {
	sh.leaveCurrent(func() {
		db := sh.store.Path()
		var kept string
		sh.swapStore(db, func(old *data.Store) (*data.Store, error) {
			s, keptAs, err := old.ReplaceWith(context.Background(), backup)
			kept = keptAs
			return s, err
		}, func(err error) {
			switch {
			case err != nil && kept != "":
				sh.ShowError(err) // it says where the replaced data is
			case err != nil:
				sh.ShowError(fmt.Errorf("%s was not restored; your data is as it was: %w", filepath.Base(backup), err))
			default:
				sh.showFileMessage("Restored", fmt.Sprintf("The data of %s is now the backup of %s.\n\nThe data it replaced is kept as\n%s\nin the folder %s",
					filepath.Base(db), when, filepath.Base(kept), filepath.Dir(kept)), kept,
					widgets.NewButtonWithIcon("Open that database", theme.FolderOpenIcon(), nil), func(p string) error { sh.openDatabase(p); return nil })
			}
		})
	}, nil)
}
