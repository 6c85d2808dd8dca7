package shell

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/autobackup"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// showBackupList lists the automatic backups, newest first, with their
// date, reason and size; choosing one restores it through the in-window
// restore (checkRestore), "Other file…" picks any backup file.
func (sh *Shell) showBackupList() {
	k, err := autobackup.ForStore(sh.ctx, sh.store)
	if err != nil {
		sh.ShowError(err)
		return
	}
	folder := k.Folder
	if folder == "" {
		folder = autobackup.DefaultFolder(sh.store.Path())
	}
	list, err := k.List() // this database's: another's in a shared folder are not offered
	if err != nil {
		sh.ShowError(err)
		return
	}
	var d *dialog.CustomDialog
	head := widget.NewLabel(fmt.Sprintf("Automatic backups in %s:", folder))
	head.Wrapping = fyne.TextWrapWord
	var body fyne.CanvasObject
	if len(list) == 0 {
		head.SetText(fmt.Sprintf("No automatic backup in %s yet: one is written on the first start of each day.", folder))
		body = widget.NewLabel("")
	} else {
		rows := widget.NewList(func() int { return len(list) },
			func() fyne.CanvasObject { return widget.NewLabel("") },
			func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(BackupLine(list[i])) })
		rows.OnSelected = func(i widget.ListItemID) {
			d.Hide()
			sh.checkRestore(list[i].Path)
		}
		body = rows
	}
	other := widgets.NewButton("Other file…", func() {
		d.Hide()
		sh.pickBackupFile()
	})
	cancel := widgets.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Restore from backup", container.NewBorder(head, nil, nil, nil, body), sh.win)
	d.SetButtons([]fyne.CanvasObject{cancel, other})
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
	sh.Keys(DialogKeys{Escape: d.Hide})
}

// BackupLine is one automatic backup as the list shows it:
// "1 December 2026 09:30 · daily · 1.4 MB".
func BackupLine(b autobackup.Backup) string {
	why := map[string]string{autobackup.ReasonDaily: "daily", "sync": "before a sync", "merge": "before a merge"}[b.Reason]
	if why == "" {
		why = b.Reason
	}
	return widgets.DateTime(b.When) + " · " + why + " · " + fileSize(b.Size)
}

func fileSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
