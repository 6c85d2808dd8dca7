package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
)

// Backup writes a consistent copy of the whole database to out, even while
// this or another process writes to it: SQLite's VACUUM INTO reads one
// snapshot through the read pool, so neither reads nor writes wait for it.
// The copy goes to a temporary file beside out, is synced and then renamed
// over out: an existing backup at out is replaced only by a complete new
// one, and a failed or cancelled backup leaves it as it was. A target that
// is the live database (or its -wal, -shm or lock file), by whatever path
// or link, is refused.
func (s *Store) Backup(ctx context.Context, out string) error {
	if strings.HasPrefix(out, "file:") {
		return fmt.Errorf("%s: give a plain file path", out) // SQLite would read it as a URI
	}
	if err := s.refuseLiveFile(out); err != nil {
		return err
	}
	return atomicfile.WriteByName(out, func(tmp string) error {
		_, err := s.rd.ExecContext(ctx, `VACUUM INTO ?`, tmp)
		return err
	})
}

// refuseLiveFile refuses a backup target that is one of the database's own
// files, compared as files (os.SameFile), not as path strings.
func (s *Store) refuseLiveFile(out string) error {
	target, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // nothing there yet: it cannot be the live database
	}
	if err != nil {
		return err
	}
	for _, own := range []string{s.path, s.path + "-wal", s.path + "-shm", s.path + ".lock"} {
		if live, err := os.Stat(own); err == nil && os.SameFile(target, live) {
			return fmt.Errorf("%s is the open database itself (%s); choose another file for the backup", out, own)
		}
	}
	return nil
}
