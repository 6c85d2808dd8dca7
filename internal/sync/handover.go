package sync

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/aoce-desktop/aoce-desktop/internal/autobackup"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"zombiezen.com/go/sqlite"
)

// The engine plugs itself into the store's hand-over when it is linked
// in: the binary that has the engine can never forget to register it, and
// the store (which the engine imports) stays free of it; a program without
// the engine (the store's own tests) keeps the "needs sync" answers.
func init() {
	data.PrepareHandoverCopy = versionUnsent
	data.MergeNetworkFile = MergeHandoverBackedUp
}

// MergeHandoverBackedUp is the hand-over merge as the window and the
// command line run it: the automatic backup first (a merge has no undo
// step; the backup is the way back), then MergeHandover.
func MergeHandoverBackedUp(ctx context.Context, st *data.Store, path string, info data.HandoverInfo) (string, error) {
	k, err := autobackup.ForStore(ctx, st)
	if err == nil {
		_, err = k.Before(ctx, "merge")
	}
	if err != nil {
		return "", fmt.Errorf("nothing was merged: the backup before the merge failed: %w", err)
	}
	return MergeHandover(ctx, st, path, info)
}

// versionUnsent gives the edits this laptop made to the network since its
// last sync their versions, in the hand-over copy at copyPath (never in
// the live database, which the export only reads): the file then says of
// every value who wrote it when, as the laptop's next changeset would.
// (err is named: the deferred end of the transaction commits only when the
// versions were all written.)
func versionUnsent(ctx context.Context, livePath, copyPath, network string) (err error) {
	dir, err := os.MkdirTemp("", "aoce-handover-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	base := basePath(livePath, network)
	if _, err := os.Stat(base); errors.Is(err, os.ErrNotExist) {
		base = filepath.Join(dir, "base.db") // never synced: everything is unsent
	}
	c, err := openScratchOn(copyPath, base, filepath.Join(dir, "now.db"), network)
	if err != nil {
		return err
	}
	defer c.Close()
	me, end, err := begin(c, "live")
	if err != nil {
		return err
	}
	defer end(&err)
	err = unsentVersions(c, me.ID, network, "main", "live")
	return err
}

// unsentVersions gives this laptop's edits since the snapshot ("base") of
// the network's rows in schema rows their versions, in the schemas into.
func unsentVersions(c *sqlite.Conn, me, network, rows string, into ...string) error {
	cs, err := diff(c, rows, "base", false)
	if err != nil {
		return err
	}
	return fileVersions(c, cs, me, network, versionPlaces{rows: rows, into: into})
}

// MergeHandover merges the network of a hand-over file into the network of
// the same id in the store, as a sync would have merged the two laptops:
// column by column by version, the lost values in the conflicts, deletes
// as deletes, in one transaction. The file's laptop's state is compared
// with this laptop's snapshot (what it last synced), so a record the file
// lacks that it never had stays, and a value it holds from before an edit
// it never received loses to that edit.
func MergeHandover(ctx context.Context, st *data.Store, path string, info data.HandoverInfo) (string, error) {
	has, err := st.HasNetworkID(ctx, info.NetworkID)
	if err != nil {
		return "", err
	}
	if !has {
		return "", fmt.Errorf("this database has no network %s (%s) to merge %s into: import it as it is", info.NetworkName, info.NetworkID, path)
	}
	dir, err := os.MkdirTemp("", "aoce-merge-*")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	file, err := data.HandoverCopy(ctx, path, dir)
	if err != nil {
		return "", err
	}
	err = st.HoldWriter(ctx, func(dbPath string) error { return mergeState(dbPath, file, dir, info.NetworkID) })
	if err != nil {
		return "", fmt.Errorf("merging %s: %w; nothing was changed", path, err)
	}
	return info.NetworkID, nil
}

// mergeState merges the network as the file (a current-schema database)
// holds it into the database at dbPath; dir is for scratch files.
func mergeState(dbPath, file, dir, network string) (err error) {
	c, err := openConn(dbPath)
	if err != nil {
		return err
	}
	defer c.Close()
	base := basePath(dbPath, network)
	_, statErr := os.Stat(base)
	if errors.Is(statErr, os.ErrNotExist) {
		base = filepath.Join(dir, "base.db")
	}
	for _, a := range [][2]string{{base, "base"}, {filepath.Join(dir, "theirs.db"), "theirs"}, {filepath.Join(dir, "ours.db"), "ours"}, {file, "file"}} {
		if err := exec(c, `ATTACH ? AS `+a[1], a[0]); err != nil {
			return err
		}
	}
	if err := execAll(c, `PRAGMA theirs.journal_mode = OFF`, `PRAGMA ours.journal_mode = OFF`, `PRAGMA synchronous = NORMAL`); err != nil {
		return err
	}
	for _, schema := range []string{"theirs", "ours"} {
		if err := createTables(c, "main", schema); err != nil {
			return err
		}
	}
	if errors.Is(statErr, os.ErrNotExist) {
		if err := createTables(c, "main", "base"); err != nil {
			return err
		}
	}
	// (Built before the transaction, with the foreign keys off: the
	// records the file's laptop never had may hang under records it
	// deleted.)
	if err := theirState(c, network); err != nil {
		return err
	}
	if err := replayOwnLinks(c, network); err != nil {
		return err
	}
	cs, err := diff(c, "theirs", "base", true)
	if err != nil {
		return err
	}
	if err := copyNetwork(c, "main", "ours", network); err != nil {
		return err
	}
	if err := exec(c, `PRAGMA foreign_keys = ON`); err != nil {
		return err
	}
	me, end, err := begin(c, "main")
	if err != nil {
		return err
	}
	defer end(&err)
	// This laptop's unsent edits get their versions first, as its sync
	// writes them before it merges.
	if err := unsentVersions(c, me.ID, network, "ours", "ours", "main"); err != nil {
		return err
	}
	own, err := diff(c, "ours", "base", true)
	if err != nil {
		return err
	}
	if err := exec(c, `UPDATE sync_laptop SET applying = 1`); err != nil {
		return err
	}
	m := &merger{c: c, network: network, cols: columnCache{c: c, schema: "main"}, wholeState: true}
	if err := m.recordConflicts(own); err != nil {
		return err
	}
	if _, err := m.apply(cs); err != nil {
		var r *refusal
		if errors.As(err, &r) {
			return errors.New(r.why)
		}
		return err
	}
	if err := m.advanceClock(); err != nil {
		return err
	}
	return exec(c, `UPDATE sync_laptop SET applying = 0`)
}

// theirState fills the schema theirs with the network as the file's laptop
// knows it, plus what this laptop's snapshot holds that the file's laptop
// never had: the records it has no delete of, the links between records,
// and every version (versions only ever add up).
func theirState(c *sqlite.Conn, network string) error {
	if err := exec(c, `PRAGMA foreign_keys = OFF`); err != nil {
		return err
	}
	if err := copyNetwork(c, "file", "theirs", network); err != nil {
		return err
	}
	for _, t := range tables {
		q := `INSERT OR IGNORE INTO theirs.` + quoteID(t.name) + ` SELECT * FROM base.` + quoteID(t.name)
		var args []any
		if t.clocked {
			args = []any{t.name}
			q += ` x WHERE x.id NOT IN (SELECT id FROM theirs.` + quoteID(t.name) + `)
				AND coalesce((SELECT v.value FROM theirs.sync_versions v WHERE v.tbl = ?1 AND v.row_id = x.id AND v.col = ''
					ORDER BY v.clock DESC, v.laptop DESC LIMIT 1), 1) = 1`
		}
		if err := exec(c, q, args...); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	return nil
}

// replayOwnLinks brings into theirs what this laptop did to the links
// between records (the tables without a clock: a practice's sub-themes, a
// meeting's hosts…) in its changesets the file's laptop had not applied
// when it wrote the file. A link has no versions: without this, a link
// removed here and synced since would be in the older file, not in the
// snapshot, and come back as the file's laptop's. (Changesets no longer
// in the folder were applied by every laptop there; a file's laptop that
// never synced there cannot be told from them.)
func replayOwnLinks(c *sqlite.Conn, network string) error {
	me, err := readLaptop(c, "main")
	if err != nil {
		return err
	}
	var folder string
	var last, seen int64
	if err := each(c, `SELECT folder, last_seq FROM main.sync_networks WHERE network_id = ?`, func(s *sqlite.Stmt) error {
		folder, last = s.ColumnText(0), s.ColumnInt64(1)
		return nil
	}, network); err != nil {
		return err
	}
	if err := each(c, `SELECT coalesce(max(seq), 0) FROM file.sync_applied WHERE network_id = ? AND laptop_id = ?`, func(s *sqlite.Stmt) error {
		seen = s.ColumnInt64(0)
		return nil
	}, network, me.ID); err != nil || folder == "" {
		return err
	}
	cols := columnCache{c: c, schema: "theirs"}
	for seq := seen + 1; seq <= last; seq++ {
		_, cs, err := readChangeset(changesetPath(folder, network, me.ID, seq))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("this laptop's changeset %d: %v", seq, err)
		}
		if err := eachChange(cs, func(op *sqlite.ChangesetOperation, it *sqlite.ChangesetIterator) error {
			t, _ := tableNamed(op.TableName)
			if t.clocked || t.name == versionsTable || op.Type == sqlite.OpUpdate {
				return nil
			}
			names, err := cols.of(t.name)
			if err != nil {
				return err
			}
			get, q := it.Old, `DELETE FROM theirs.`+quoteID(t.name)+` WHERE `
			if op.Type == sqlite.OpInsert {
				get, q = it.New, `INSERT OR IGNORE INTO theirs.`+quoteID(t.name)+` VALUES (`
			}
			vals := make([]any, len(names))
			for i, n := range names {
				v, err := get(i)
				if err != nil {
					return err
				}
				vals[i] = value(v)
				switch {
				case op.Type == sqlite.OpInsert && i > 0:
					q += ", ?"
				case op.Type == sqlite.OpInsert:
					q += "?"
				case i > 0:
					q += " AND " + quoteID(n) + " IS ?"
				default:
					q += quoteID(n) + " IS ?"
				}
			}
			if op.Type == sqlite.OpInsert {
				q += ")"
			}
			return exec(c, q, vals...)
		}); err != nil {
			return err
		}
	}
	return nil
}
