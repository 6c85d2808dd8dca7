package sync

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
	"zombiezen.com/go/sqlite"
)

// A changeset in the shared folder can be damaged after it was written — a
// folder tool that stopped half way, a USB stick pulled out — and then
// every later file of its laptop waits on every other laptop. So a laptop
// keeps a copy of each file it sent beside its database (never in the
// folder) until every laptop has applied it (compaction), and at each sync
// puts back those of its files that are missing from the folder or damaged.

// sentCopy is the copy of this laptop's changeset seq kept beside the database.
func sentCopy(dbPath, network, laptop string, seq int64) string {
	return changesetPath(filepath.Join(dbPath+".sync", "sent"), network, laptop, seq)
}

// keepSent keeps a copy of the changeset just written to the folder.
func keepSent(dbPath, network, laptop, written string) error {
	seq, ok := seqOf(filepath.Base(written))
	if !ok {
		return fmt.Errorf("%s is not a changeset's name", written)
	}
	return copyAtomically(written, sentCopy(dbPath, network, laptop, seq))
}

// repairSent puts back this laptop's files that are missing from the folder
// or damaged there, from the copies it kept, and drops the copies every
// laptop has applied (or that belong to an id this database no longer
// has). It returns how many files it put back.
func repairSent(dbPath, folder, network string) (int, error) {
	c, err := readOnly(dbPath)
	if err != nil {
		return 0, err
	}
	me, err := readLaptop(c, "main")
	if err != nil {
		c.Close()
		return 0, err
	}
	var last int64
	err = each(c, `SELECT last_seq FROM sync_networks WHERE network_id = ?`, func(s *sqlite.Stmt) error {
		last = s.ColumnInt64(0)
		return nil
	}, network)
	c.Close()
	if err != nil {
		return 0, err
	}
	root := filepath.Join(dbPath+".sync", "sent", network)
	laptops, err := os.ReadDir(root)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	st, _, err := readState(folder, network, me.ID)
	if err != nil {
		return 0, err
	}
	put := 0
	for _, l := range laptops {
		if l.Name() != me.ID {
			if err := os.RemoveAll(filepath.Join(root, l.Name())); err != nil {
				return put, err
			}
			continue
		}
		files, err := os.ReadDir(filepath.Join(root, l.Name()))
		if err != nil {
			return put, err
		}
		for _, f := range files {
			seq, ok := seqOf(f.Name())
			if !ok {
				continue
			}
			kept := sentCopy(dbPath, network, me.ID, seq)
			if seq <= st.CompactedThrough || seq > last {
				// Applied everywhere (or never counted as sent): no more use.
				if err := os.Remove(kept); err != nil {
					return put, err
				}
				continue
			}
			there := changesetPath(folder, network, me.ID, seq)
			if _, _, err := readChangeset(there); err == nil {
				continue
			}
			if _, _, err := readChangeset(kept); err != nil {
				continue // the copy is no better: nothing to put back
			}
			if err := copyAtomically(kept, there); err != nil {
				return put, fmt.Errorf("put back %s: %w", there, err)
			}
			put++
		}
	}
	return put, nil
}

// copyAtomically copies a file so that to never holds half of it.
func copyAtomically(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(to, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}
