package shell

import (
	"fmt"
	"time"

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
		lines := BackupLines(list)
		rows := widget.NewList(func() int { return len(list) },
			func() fyne.CanvasObject { return widget.NewLabel("") },
			func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
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
func BackupLine(b autobackup.Backup) string { return backupLine(b, widgets.DateTime(b.When)) }

func backupLine(b autobackup.Backup, when string) string {
	why := map[string]string{autobackup.ReasonDaily: "daily", "sync": "before a sync", "merge": "before a merge"}[b.Reason]
	if why == "" {
		why = b.Reason
	}
	return when + " · " + why + " · " + fileSize(b.Size)
}

// BackupLines are the list's lines of the backups: two that would read
// alike (two syncs in one minute, of one size) show their seconds, from
// the file's time when it is of the minute the name says; two that still
// do, which of the minute's backups each is ("09:30 (2)") — every line
// names one backup.
func BackupLines(list []autobackup.Backup) []string {
	when := make([]string, len(list))
	for i, b := range list {
		when[i] = widgets.DateTime(b.When)
	}
	for _, more := range []func(b autobackup.Backup, was string) string{
		func(b autobackup.Backup, was string) string {
			if w := b.Written.Local(); w.Truncate(time.Minute).Equal(b.When) {
				return withSeconds(w)
			}
			return was
		},
		func(b autobackup.Backup, was string) string { return fmt.Sprintf("%s (%d)", was, b.Nth()) },
	} {
		seen := map[string]int{}
		for i, b := range list {
			seen[backupLine(b, when[i])]++
		}
		for i, b := range list {
			if seen[backupLine(b, when[i])] > 1 {
				when[i] = more(b, when[i])
			}
		}
	}
	lines := make([]string, len(list))
	for i, b := range list {
		lines[i] = backupLine(b, when[i])
	}
	return lines
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
