package shell

import (
	"context"
	"fmt"
	"time"
)

// backupDialog asks where to write a copy of the database and writes it
// off the UI goroutine. The store writes the copy beside the target and
// renames it into place, so a failed backup leaves an older one whole.
func (sh *Shell) backupDialog() {
	sh.AskSavePath("Back up the database", "aoce-backup-"+time.Now().Format("2006-01-02")+".db", func(path string) {
		sh.InBackground(BackgroundJob{
			Title: "Backing up", Cancelled: "The backup was cancelled; any earlier file of that name is as it was.",
			Work: func(ctx context.Context, _ func(string, float64)) error {
				if err := sh.store.Backup(ctx, path); err != nil {
					return fmt.Errorf("the backup to %s failed: %w", path, err)
				}
				return nil
			},
			Done: func() { sh.ShowMessage("Backup written", "A complete copy of your data is in "+path+".") },
		})
	})
}
