package sync

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/google/uuid"
	"zombiezen.com/go/sqlite"
	"zombiezen.com/go/sqlite/sqlitex"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// A database that went back behind what its laptop id sent — restored from
// a backup, or a copy of another laptop's file — must not write under that
// id again: its next file would take a number the folder already holds.
// It rejoins as a new laptop instead: a new id, the old id's files up to
// where this database was counted as applied (it holds their changes), its
// own numbering from 1, and the old id's later files applied at the next
// sync like any other laptop's, so it comes back to where the network is.

// RejoinedNote tells the user what a sync that rejoined did (Report.Rejoined);
// the window shows it through lang.L (shell/syncnow.go), translated there.
const RejoinedNote = "This database was behind what this laptop had already sent (restored from a backup, or a copied file): it now syncs as a new laptop, and what the network changed since comes back to it."

// wentBack says whether the database at dbPath has gone back behind what
// the folder knows its laptop id sent: its own state file (how far it
// compacted) and every other laptop's (how far each applied it) name a
// number above the last one this database wrote. Unlike the look for its
// next file in the folder, this holds after compaction deleted the files.
func wentBack(dbPath, folder, network string) (bool, error) {
	c, err := readOnly(dbPath)
	if err != nil {
		return false, err
	}
	defer c.Close()
	me, err := readLaptop(c, "main")
	if err != nil {
		return false, err
	}
	var last int64
	if err := each(c, `SELECT last_seq FROM sync_networks WHERE network_id = ?`, func(s *sqlite.Stmt) error {
		last = s.ColumnInt64(0)
		return nil
	}, network); err != nil {
		return false, err
	}
	known, err := knownSent(folder, network, me.ID)
	return known > last, err
}

// knownSent is the highest changeset number of laptop that the state files
// of the folder name: its own compaction, the others' applied.
func knownSent(folder, network, laptop string) (int64, error) {
	dirs, err := os.ReadDir(filepath.Join(folder, network))
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var known int64
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		st, _, err := readState(folder, network, d.Name())
		if err != nil {
			return 0, err
		}
		n := st.Applied[laptop]
		if d.Name() == laptop {
			n = st.CompactedThrough
		}
		known = max(known, n)
	}
	return known, nil
}

// errWentBack is writeOwn's finding that the folder already holds the file
// this laptop would write next.
var errWentBack = errors.New("the folder already holds this laptop's next file")

// NewLaptopID makes this database sync as a new laptop (see rejoin): for a
// database file copied from another laptop, or restored from a backup.
// Its snapshots become the network's rows of now, so nothing it holds is
// sent again as its own: the laptop it came from sends what it had not.
func NewLaptopID(ctx context.Context, st *data.Store) (string, error) {
	var id string
	err := st.HoldWriter(ctx, func(path string) (err error) {
		id, err = rejoin(path, true)
		return err
	})
	return id, err
}

// rejoin gives the database at dbPath a new laptop id and counts the old
// id's files up to each network's last one as applied. With snapshotNow,
// each network's snapshot becomes its rows of now (nothing was changed
// since it went back: a restore, a copy just made); without, the snapshot
// is dropped, so that the next file sends all it holds — changes made
// after it went back included — and the merge keeps the later of each.
func rejoin(dbPath string, snapshotNow bool) (string, error) {
	c, err := openConn(dbPath)
	if err != nil {
		return "", err
	}
	defer c.Close()
	old, err := readLaptop(c, "main")
	if err != nil {
		return "", err
	}
	var networks []string
	if err := each(c, `SELECT network_id FROM sync_networks`, func(s *sqlite.Stmt) error {
		networks = append(networks, s.ColumnText(0))
		return nil
	}); err != nil {
		return "", err
	}
	// A sync the old id did not finish is finished under it first: its
	// notes name the old id's files.
	for _, n := range networks {
		if err := recoverStopped(dbPath, n); err != nil {
			return "", err
		}
	}
	// The new snapshots are made before the id changes and put in place
	// after; the old ones go before the commit, so that a stop in between
	// leaves no snapshot newer than the database (a missing one sends all).
	next := make([]string, 0, len(networks))
	defer func() {
		for _, n := range next {
			os.Remove(n)
		}
	}()
	if snapshotNow {
		for _, n := range networks {
			scratch := basePath(dbPath, n) + ".rejoin"
			sc, err := openScratch(dbPath, scratch, n)
			if err != nil {
				return "", fmt.Errorf("snapshot of network %s: %w", n, err)
			}
			if err := sc.Close(); err != nil {
				return "", err
			}
			next = append(next, scratch)
		}
	}
	for _, n := range networks {
		if err := os.Remove(basePath(dbPath, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
	}
	id := uuid.NewString()
	if err := markRejoined(c, old.ID, id); err != nil {
		return "", err
	}
	for i, n := range next {
		if err := os.Rename(n, basePath(dbPath, networks[i])); err != nil {
			return id, err
		}
	}
	next = nil
	return id, nil
}

// markRejoined is rejoin's transaction: the old id's files counted as
// applied up to each network's last, the numbering from 1, the new id.
func markRejoined(c *sqlite.Conn, old, id string) (err error) {
	end, err := sqlitex.ImmediateTransaction(c)
	if err != nil {
		return err
	}
	defer end(&err)
	now := time.Now().UTC().Format(time.RFC3339)
	if err := exec(c, `INSERT OR IGNORE INTO sync_applied (network_id, laptop_id, seq, applied_at)
		SELECT network_id, ?, last_seq, ? FROM sync_networks WHERE last_seq > 0`, old, now); err != nil {
		return err
	}
	if err := exec(c, `UPDATE sync_networks SET last_seq = 0`); err != nil {
		return err
	}
	return exec(c, `UPDATE sync_laptop SET id = ?`, id)
}
