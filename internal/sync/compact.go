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
	st := folderState{Laptop: me.ID, Applied: map[string]int64{}, CompactedThrough: old.CompactedThrough}
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
	deleted := 0
	if others > 0 && through > st.CompactedThrough {
		seq := st.CompactedThrough + 1
		for ; seq <= through; seq++ {
			p := changesetPath(folder, network, me.ID, seq)
			if info, err := os.Stat(p); err == nil && info.ModTime().After(now.Add(-keepInFolder)) {
				break // this one and the later ones are still young
			}
			err := os.Remove(p)
			if err != nil && !errors.Is(err, os.ErrNotExist) {
				return deleted, err
			}
			if err == nil {
				deleted++
			}
		}
		st.CompactedThrough = seq - 1
	}
	st.Written = now.UTC().Format(time.RFC3339)
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return deleted, err
	}
	p := statePath(folder, network, me.ID)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return deleted, err
	}
	return deleted, atomicfile.Write(p, func(w io.Writer) error {
		_, err := w.Write(append(b, '\n'))
		return err
	})
}

// needsHandover says why this laptop cannot catch up with a laptop whose
// changesets it needs were compacted away.
// laptop is the laptop's name ("Ben's laptop", "laptop 1f2e3d4c").
func needsHandover(laptop string, next, through int64) string {
	return fmt.Sprintf("%s deleted its files up to number %d once every laptop it knew had them, and this laptop needs them from number %d: start this laptop from a hand-over — on a laptop that syncs, File › Export network… (or 'aoce-desktop network export'), import that file here, then sync again", laptop, through, next)
}
