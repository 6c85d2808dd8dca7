package shell

import (
	"context"
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/autobackup"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// autoBackup writes the day's automatic backup, once a day, off the UI
// goroutine and with no dialog: the window never waits for it. A failure
// is logged and shown once per run of the app, not at every start.
func (sh *Shell) autoBackup() {
	if !sh.autoBackups {
		return
	}
	ctx, s, told := sh.ctx, sh.store, sh.AutoBackedUp // read here: a move to another database replaces them
	sh.jobs.Add(1)
	run := func() {
		defer sh.jobs.Done()
		var written string
		k, err := autobackup.ForStore(ctx, s)
		if err == nil {
			written, err = k.Daily(ctx)
		}
		if ctx.Err() != nil || (err == nil && told == nil) {
			return // the store is closing (the next start backs up), or nothing to tell
		}
		fyne.Do(func() {
			if err != nil {
				sh.logError("the automatic backup", err)
				if !sh.backupFailShown {
					sh.backupFailShown = true
					sh.ShowError(fmt.Errorf("the automatic backup was not written (your data is safe; the next start tries again): %w", err))
				}
			}
			if told != nil {
				told(written, err)
			}
		})
	}
	sh.startJob(run)
}

// backupsFolderItem is the "Backups folder" row of Settings; save stores
// a changed folder in the database, which is where the command line and
// the sync engine read it too.
func (sh *Shell) backupsFolderItem() (item *widget.FormItem, changed func() bool, save func() error) {
	was, err := sh.store.Setting(sh.ctx, autobackup.FolderSetting)
	if err != nil {
		sh.logError("reading the backups folder", err)
	}
	e := widgets.NewEntry()
	e.PlaceHolder = autobackup.DefaultFolder(sh.store.Path())
	e.SetText(was)
	e.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		if st, err := os.Stat(s); err != nil || !st.IsDir() {
			return errors.New("no such folder")
		}
		return nil
	}
	note := widget.NewLabel("A backup on the first start of each day; 7 days and 4 weeks are kept.")
	note.Wrapping = fyne.TextWrapWord
	return widget.NewFormItem("Backups folder", container.NewVBox(e, note)),
		func() bool { return e.Text != was },
		func() error {
			if err := e.Validate(); err != nil {
				return fmt.Errorf("the backups folder %s: %w", e.Text, err)
			}
			return sh.store.SetSetting(context.Background(), autobackup.FolderSetting, e.Text)
		}
}
