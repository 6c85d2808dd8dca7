package sync

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
	"zombiezen.com/go/sqlite"
)

// Compaction: after each sync a laptop writes, in its own folder of the
// network (never anyone else's: one writer per file), a state file naming
// the last changeset of every other laptop it has applied. A laptop's own
// changesets that every other laptop of the folder has applied are of no
// more use there and it deletes them, noting in its state file up to
// which number it did. A laptop that joins later and needs one of those
// files is told to start from a hand-over instead of missing data.

// keepInFolder is how long a changeset every laptop applied stays in the
// folder: about as long as the automatic backups keep one (7 days, 4
// weeks), so that a laptop restored from one of them finds there every
// file it needs again — its own of after the backup, and the others'.
var keepInFolder = 35 * 24 * time.Hour

// stateName is the state file in a laptop's folder (not a changeset:
// findPending reads only *.changeset).
const stateName = "state.json"

// folderState is what a laptop tells the others in its state file.
type folderState struct {
	Laptop           string           `json:"laptop"`
	Name             string           `json:"name,omitempty"`   // the name the laptop's user gave it ("Anna's ThinkPad")
	Applied          map[string]int64 `json:"applied"`          // other laptop → last changeset applied (all before it too)
	CompactedThrough int64            `json:"compactedThrough"` // this laptop's changesets up to this one are deleted
	Written          string           `json:"written"`
}

func statePath(folder, network, laptop string) string {
	return filepath.Join(folder, network, laptop, stateName)
}

// readState reads a laptop's state file; a missing one is an empty state.
func readState(folder, network, laptop string) (folderState, bool, error) {
	var st folderState
	b, err := os.ReadFile(statePath(folder, network, laptop))
	if errors.Is(err, os.ErrNotExist) {
		return st, false, nil
	}
	if err != nil {
		return st, false, err
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return st, false, fmt.Errorf("%s: %w", statePath(folder, network, laptop), err)
	}
	return st, true, nil
}

// compact writes this laptop's state file and deletes its changesets every
// other laptop of the folder has applied. It returns how many it deleted.
func compact(dbPath, folder, network string, now time.Time) (int, error) {
	c, err := readOnly(dbPath)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	me, err := readLaptop(c, "main")
	if err != nil {
		return 0, err
	}
	old, _, err := readState(folder, network, me.ID)
	if err != nil {
		return 0, err
	}
	st := folderState{Laptop: me.ID, Name: me.sharedName(), Applied: map[string]int64{}, CompactedThrough: old.CompactedThrough}
	if err := each(c, `SELECT laptop_id, max(seq) FROM sync_applied WHERE network_id = ? GROUP BY laptop_id`, func(s *sqlite.Stmt) error {
		st.Applied[s.ColumnText(0)] = s.ColumnInt64(1)
		return nil
	}, network); err != nil {
		return 0, err
	}
	// Every other laptop that has a folder must have said how far it got.
	dirs, err := os.ReadDir(filepath.Join(folder, network))
	if err != nil {
		return 0, err
	}
	through, others := int64(-1), 0
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == me.ID {
			continue
		}
		others++
		their, ok, err := readState(folder, network, d.Name())
		if err != nil {
			return 0, err
		}
		n := int64(0)
		if ok {
			n = their.Applied[me.ID]
		}
		if through < 0 || n < through {
			through = n
		}
	}
	if others > 0 && through > st.CompactedThrough {
		st.CompactedThrough = oldEnough(folder, network, me.ID, st.CompactedThrough, through, now)
	}
	// The state first, then the deletes: a laptop that finds a file gone
	// must find it named in the state (merge.go's findPending tells it to
	// start from a hand-over), never a gap the state does not explain —
	// that would keep it waiting without a word. A stop between leaves
	// files the state already counts as compacted; they are still good to
	// read, and the next compaction deletes them.
	st.Written = now.UTC().Format(time.RFC3339)
	if err := writeState(folder, network, st); err != nil {
		return 0, err
	}
	if err := stop("state written"); err != nil {
		return 0, err
	}
	return deleteCompacted(filepath.Join(folder, network, me.ID), st.CompactedThrough)
}

// oldEnough is how far this laptop's changesets after compacted and up to
// through (every other laptop applied them) may go: up to the first one
// younger than keepInFolder, which stays with every later one.
func oldEnough(folder, network, laptop string, compacted, through int64, now time.Time) int64 {
	seq := compacted + 1
	for ; seq <= through; seq++ {
		if info, err := os.Stat(changesetPath(folder, network, laptop, seq)); err == nil && info.ModTime().After(now.Add(-keepInFolder)) {
			break // this one and the later ones are still young
		}
	}
	return seq - 1
}

// writeState writes a laptop's state file whole or not at all.
func writeState(folder, network string, st folderState) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	p := statePath(folder, network, st.Laptop)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return atomicfile.Write(p, func(w io.Writer) error {
		_, err := w.Write(append(b, '\n'))
		return err
	})
}

// deleteCompacted deletes the changesets of a laptop's folder up to
// through, those an earlier compaction left behind included. It returns
// how many it deleted.
func deleteCompacted(dir string, through int64) (int, error) {
	files, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	deleted := 0
	for _, f := range files {
		if seq, ok := seqOf(f.Name()); ok && seq <= through && !f.IsDir() {
			err := os.Remove(filepath.Join(dir, f.Name()))
			if err != nil && !errors.Is(err, os.ErrNotExist) {
				return deleted, err
			}
			if err == nil {
				deleted++
			}
		}
	}
	return deleted, nil
}

// needsHandover says why this laptop cannot catch up with a laptop whose
// changesets it needs were compacted away.
// laptop is the laptop's name ("Ben's laptop", "laptop 1f2e3d4c").
func needsHandover(laptop string, next, through int64) string {
	return fmt.Sprintf("%s deleted its files up to number %d once every laptop it knew had them, and this laptop needs them from number %d: start this laptop from a hand-over — on a laptop that syncs, File › Export network… (or 'aoce-desktop network export'), import that file here, then sync again", laptop, through, next)
}
