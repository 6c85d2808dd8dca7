package ui

import (
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// dialogSize is the size of the larger dialogs (forms, import preview).
var dialogSize = fyne.NewSize(760, 560)

// backupDialog asks where to write a copy of the database and writes it.
func (sh *Shell) backupDialog() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			sh.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		// The dialog created an empty file; VACUUM INTO wants to create it itself.
		if err := storage.Delete(w.URI()); err != nil {
			sh.showError(err)
			return
		}
		if err := sh.store.Backup(sh.ctx, path); err != nil {
			sh.showError(fmt.Errorf("the backup to %s failed: %w", path, err))
			return
		}
		showMessage(sh.win, "Backup written", "A complete copy of your data is in "+path+".")
	}, sh.win)
	d.SetFileName("aoce-backup-" + time.Now().Format("2006-01-02") + ".db")
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(sh.store.Path()))); err == nil {
		d.SetLocation(dir)
	}
	d.Resize(dialogSize)
	d.Show()
}
