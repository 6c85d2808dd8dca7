package autobackup

import (
	"context"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// FolderSetting is the database setting naming the backups folder ("":
// DefaultFolder). It is kept in the database, not in the user's
// preferences, so the command line and the sync engine back up where the
// window does.
const FolderSetting = "backups.folder"

// ForStore is the Keeper of the store's automatic backups. The sync
// engine takes a backup before each sync with
//
//	k, err := autobackup.ForStore(ctx, s)
//	_, err = k.Before(ctx, "sync")
func ForStore(ctx context.Context, s *data.Store) (*Keeper, error) {
	folder, err := s.Setting(ctx, FolderSetting)
	if err != nil {
		return nil, err
	}
	return &Keeper{Source: s, Folder: folder}, nil
}
