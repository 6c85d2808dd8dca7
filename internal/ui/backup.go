package ui

import (
	"fmt"
	"os"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// backupDialog asks where to write a copy of the database and writes it.
func (sh *Shell) backupDialog() {
	sh.askSavePath("Back up the database", "aoce-backup-"+time.Now().Format("2006-01-02")+".db", func(path string) {
		if _, err := os.Stat(path); err == nil { // confirmed: VACUUM INTO writes only new files
			if err := os.Remove(path); err != nil {
				sh.showError(err)
				return
			}
		}
		if err := sh.store.Backup(sh.ctx, path); err != nil {
			sh.showError(fmt.Errorf("the backup to %s failed: %w", path, err))
			return
		}
		widgets.ShowMessage(sh.win, "Backup written", "A complete copy of your data is in "+path+".")
	})
}
