package sync

import (
	"context"
	"fmt"
	"os"

	"github.com/aoce-desktop/aoce-desktop/internal/autobackup"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// FolderMissing is a sync folder that is not there: the folder tool is
// not running, a disk or stick is not plugged in, or it was moved.
type FolderMissing struct{ Folder string }

func (e *FolderMissing) Error() string {
	return fmt.Sprintf("the sync folder %s is not there. Is the folder tool (Syncthing, Nextcloud, OneDrive…) running, the disk or USB stick plugged in? Nothing was synced; the data here is unchanged", e.Folder)
}

// Now is one sync as the window and the command line run it: the folder
// is checked, the automatic backup taken (Run takes none: this is the one
// per sync), then Run.
func Now(ctx context.Context, st *data.Store, folder, network string) (Report, error) {
	if info, err := os.Stat(folder); err != nil || !info.IsDir() {
		return Report{Network: network, Folder: folder}, &FolderMissing{folder}
	}
	k, err := autobackup.ForStore(ctx, st)
	if err == nil {
		_, err = k.Before(ctx, "sync")
	}
	if err != nil {
		return Report{Network: network, Folder: folder}, fmt.Errorf("nothing was synced: the backup before the sync failed: %w", err)
	}
	return Run(ctx, st, folder, network)
}
