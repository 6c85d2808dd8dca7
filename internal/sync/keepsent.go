package sync

import (
	"encoding/json"
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
// A file is read to be checked only when its size or time differ from
// when it was last found whole (checked.json beside the copies), so an
// everyday sync costs one stat per file kept.

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
	kept := sentCopy(dbPath, network, laptop, seq)
	if err := atomicfile.Copy(written, kept); err != nil {
		return err
	}
	// Written whole a moment ago (atomically, its checksum in its header).
	ck, err := readChecked(filepath.Dir(kept))
	if err != nil {
		return err
	}
	if info, err := os.Stat(written); err == nil {
		ck[seq] = seen(info)
	}
	return ck.write(filepath.Dir(kept))
}

// checkedName is the file, beside a laptop's kept copies, naming the size
// and time each of its files in the folder had when last found whole.
const checkedName = "checked.json"

// fileSeen is a file's size and modification time (in nanoseconds).
type fileSeen struct {
	Size    int64 `json:"size"`
	ModTime int64 `json:"mtime"`
}

func seen(info os.FileInfo) fileSeen {
	return fileSeen{info.Size(), info.ModTime().UnixNano()}
}

// checked maps a changeset's number to how it was when last found whole.
type checked map[int64]fileSeen

func readChecked(dir string) (checked, error) {
	ck := checked{}
	b, err := os.ReadFile(filepath.Join(dir, checkedName))
	if errors.Is(err, os.ErrNotExist) {
		return ck, nil
	}
	if err != nil {
		return nil, err
	}
	if json.Unmarshal(b, &ck) != nil {
		return checked{}, nil // damaged: every file is read once more
	}
	return ck, nil
}

func (ck checked) write(dir string) error {
	b, err := json.Marshal(ck)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, checkedName), func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// whole says whether a file of the folder is whole: without reading it
// when it is as it was when last found so, else by its checksum (noted in
// ck when it passes).
func (ck checked) whole(seq int64, path string) bool {
	info, err := os.Stat(path)
	if err != nil {
		return false
	}
	if was, ok := ck[seq]; ok && was == seen(info) {
		return true
	}
	if verifyChangeset(path) != nil {
		return false
	}
	ck[seq] = seen(info)
	return true
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
		dir := filepath.Join(root, l.Name())
		files, err := os.ReadDir(dir)
		if err != nil {
			return put, err
		}
		ck, err := readChecked(dir)
		if err != nil {
			return put, err
		}
		was := fmt.Sprint(ck)
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
				delete(ck, seq)
				continue
			}
			there := changesetPath(folder, network, me.ID, seq)
			if ck.whole(seq, there) {
				continue
			}
			if verifyChangeset(kept) != nil {
				continue // the copy is no better: nothing to put back
			}
			if err := atomicfile.Copy(kept, there); err != nil {
				return put, fmt.Errorf("put back %s: %w", there, err)
			}
			if info, err := os.Stat(there); err == nil {
				ck[seq] = seen(info) // a copy of the one just verified
			}
			put++
		}
		if fmt.Sprint(ck) != was {
			if err := ck.write(dir); err != nil {
				return put, err
			}
		}
	}
	return put, nil
}
