package sync

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
	"zombiezen.com/go/sqlite"
	"zombiezen.com/go/sqlite/sqlitex"
)

// A sync writes three things that no one transaction holds: its changeset
// in the folder, the database, and the snapshot beside it. Before each
// step whose end the app may not live to see, it notes beside the
// database what it is about to do, and the next sync finishes it
// (recoverStopped) before anything else:
//
//   - <network>.writing: this laptop's changeset number seq is being
//     written to path (its checksum). If the database has recorded seq,
//     the snapshot that went with it (.next) is taken if it is still
//     there; if not, a file at path with that checksum is this laptop's
//     own, perhaps applied elsewhere already: it is recorded as written
//     and its changes go into the snapshot; a file with another checksum
//     is another database's, refused by the write as before.
//   - <network>.merged: the changes a merge made to the network, written
//     before the merge commits: when the database holds the merge (its
//     first file is recorded as applied), the changes go into the
//     snapshot, which then holds the network as the merge left it.
func writingPath(dbPath, network string) string {
	return filepath.Join(dbPath+".sync", network+".writing")
}

func mergedPath(dbPath, network string) string {
	return filepath.Join(dbPath+".sync", network+".merged")
}

// writing is what a changeset being written is.
type writing struct {
	Seq    int64  `json:"seq"`
	Path   string `json:"path"`
	SHA256 string `json:"sha256"` // of the changeset
}

// merged is what a merge changed, for the snapshot: a patchset (the new
// values only), as the snapshot is the network before the merge.
type merged struct {
	Laptop   string       `json:"laptop"` // the first file it applied: the merge is in the database when it is recorded
	Seq      int64        `json:"seq"`
	Made     []versionKey `json:"made"` // versions the merge made, kept out of the snapshot (they travel next)
	Patchset []byte       `json:"patchset"`
}

func sum(cs []byte) string {
	s := sha256.Sum256(cs)
	return hex.EncodeToString(s[:])
}

func note(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// readNote reads a note; false when there is none.
func readNote(path string, v any) (bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err == nil {
		err = json.Unmarshal(b, v)
	}
	if err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	return true, nil
}

func forget(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// recoverStopped finishes what a sync of the network that stopped on the
// way left (see above).
func recoverStopped(dbPath, network string) error {
	var w writing
	ok, err := readNote(writingPath(dbPath, network), &w)
	if err == nil && ok {
		err = recoverWriting(dbPath, network, w)
	}
	if err != nil {
		return fmt.Errorf("finish the changeset a sync stopped writing: %w", err)
	}
	var m merged
	ok, err = readNote(mergedPath(dbPath, network), &m)
	if err == nil && ok {
		err = recoverMerged(dbPath, network, m)
	}
	if err != nil {
		return fmt.Errorf("finish the snapshot of a merge that stopped: %w", err)
	}
	return nil
}

func recoverWriting(dbPath, network string, w writing) error {
	c, err := openConn(dbPath)
	if err != nil {
		return err
	}
	var last int64
	err = each(c, `SELECT last_seq FROM sync_networks WHERE network_id = ?`, func(s *sqlite.Stmt) error {
		last = s.ColumnInt64(0)
		return nil
	}, network)
	c.Close()
	if err != nil {
		return err
	}
	if last >= w.Seq { // recorded: the snapshot that went with it, if it was not renamed yet
		next := basePath(dbPath, network) + ".next"
		if err := os.Rename(next, basePath(dbPath, network)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return forget(writingPath(dbPath, network))
	}
	h, cs, err := readChangeset(w.Path)
	if err == nil && h.Seq == w.Seq && sum(cs) == w.SHA256 {
		err = toSnapshot(dbPath, network, cs, true, func(c *sqlite.Conn) error { return recordWritten(c, network, w.Seq, cs) })
		if err != nil {
			return err
		}
	}
	// (Not there: the next write writes it. Another checksum: another
	// database's file, which the write refuses.)
	return forget(writingPath(dbPath, network))
}

// recordWritten records in the live database a changeset of this laptop's
// whose recording a stopped sync missed: its number, its versions, and the
// laptop's clock past them.
func recordWritten(c *sqlite.Conn, network string, seq int64, cs []byte) error {
	err := eachChange(cs, func(op *sqlite.ChangesetOperation, it *sqlite.ChangesetIterator) error {
		if op.TableName != versionsTable || op.Type != sqlite.OpInsert {
			return nil
		}
		vals := make([]any, op.NumColumns)
		for i := range vals {
			v, err := it.New(i)
			if err != nil {
				return err
			}
			vals[i] = value(v)
		}
		return exec(c, `INSERT OR IGNORE INTO live.sync_versions VALUES (?,?,?,?,?,?,?,?,?)`, vals...)
	})
	if err != nil {
		return err
	}
	if err := exec(c, `INSERT INTO live.sync_networks (network_id, last_seq) VALUES (?1, ?2) ON CONFLICT DO UPDATE SET last_seq = max(last_seq, ?2)`, network, seq); err != nil {
		return err
	}
	return exec(c, `UPDATE live.sync_laptop SET clock = max(clock, (SELECT coalesce(max(v.clock), 0) FROM live.sync_versions v WHERE v.laptop = sync_laptop.id))`)
}

func recoverMerged(dbPath, network string, m merged) error {
	c, err := readOnly(dbPath)
	if err != nil {
		return err
	}
	in := false
	err = each(c, `SELECT 1 FROM sync_applied WHERE network_id = ? AND laptop_id = ? AND seq = ?`, func(*sqlite.Stmt) error {
		in = true
		return nil
	}, network, m.Laptop, m.Seq)
	c.Close()
	if err != nil {
		return err
	}
	if in {
		if err := snapshotMerge(dbPath, network, m); err != nil {
			return err
		}
	}
	return forget(mergedPath(dbPath, network))
}

// snapshotMerge puts what a merge changed into the snapshot (the one copy
// of the network a sync takes is writeOwn's, before the merge).
func snapshotMerge(dbPath, network string, m merged) error {
	return toSnapshot(dbPath, network, m.Patchset, false, func(c *sqlite.Conn) error {
		for _, v := range m.Made {
			if err := exec(c, `DELETE FROM main.sync_versions WHERE tbl = ? AND row_id = ? AND col = ? AND clock = ? AND laptop = ?`, v.Table, v.Row, v.Col, v.Clock, v.Laptop); err != nil {
				return err
			}
		}
		return nil
	})
}

// toSnapshot applies a changeset (or patchset) of the network to its snapshot and runs
// then, in one transaction — with the live database attached as "live"
// when withLive (or when there is no snapshot yet, to make its tables).
// Applying it twice ends as once (a stopped recovery runs again): a row it
// makes or changes takes its new values, a row it deletes that is gone
// stays gone.
func toSnapshot(dbPath, network string, cs []byte, withLive bool, then func(*sqlite.Conn) error) (err error) {
	base := basePath(dbPath, network)
	_, statErr := os.Stat(base)
	missing := errors.Is(statErr, os.ErrNotExist)
	c, err := openConn(base)
	if err != nil {
		return err
	}
	defer c.Close()
	// (A scratch file as the snapshot always was: a sync that stops
	// mid-way applies the changes again.)
	if err := execAll(c, `PRAGMA synchronous = OFF`, `PRAGMA cache_size = -65536`); err != nil { // (as the merge's: a large merge touches many pages)
		return err
	}
	if withLive || missing {
		if err := exec(c, `ATTACH ? AS live`, dbPath); err != nil {
			return err
		}
	}
	if missing {
		if err := createTables(c, "live", "main"); err != nil {
			return err
		}
	}
	end, err := sqlitex.ImmediateTransaction(c)
	if err != nil {
		return err
	}
	defer end(&err)
	var problem error
	err = c.ApplyChangeset(bytes.NewReader(cs), nil, func(ct sqlite.ConflictType, it *sqlite.ChangesetIterator) sqlite.ConflictAction {
		switch ct {
		case sqlite.ChangesetData, sqlite.ChangesetConflict:
			return sqlite.ChangesetReplace
		case sqlite.ChangesetNotFound:
			return sqlite.ChangesetOmit
		}
		problem = fmt.Errorf("the snapshot %s does not take the changes (conflict %v)", base, ct)
		return sqlite.ChangesetAbort
	})
	if problem != nil {
		return problem
	}
	if err != nil {
		return err
	}
	return then(c)
}
