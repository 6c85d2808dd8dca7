package sync

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"zombiezen.com/go/sqlite"
)

// Report says what one sync did.
type Report struct {
	Network  string    `json:"network"`
	Folder   string    `json:"folder"`
	At       time.Time `json:"at"`
	Written  string    `json:"written,omitempty"` // the changeset file this laptop wrote, "" when nothing had changed
	Sent     int       `json:"sent"`              // changes in it
	Files    int       `json:"files"`             // other laptops' files applied
	Received int       `json:"received"`          // changes in them
	Refused  []Refused `json:"refused,omitempty"` // files not applied, each with why
	Waiting  int       `json:"waiting"`           // files that wait for an earlier one of their laptop to arrive
	// WaitingFor says, naming the laptops, which missing file the waiting
	// ones wait for and what to do when that laptop's folder is gone.
	WaitingFor []string `json:"waitingFor,omitempty"`
	Conflicts  int      `json:"conflicts"`           // unresolved conflicts of the network now
	Compacted  int      `json:"compacted,omitempty"` // this laptop's changesets deleted from the folder, every other laptop having applied them
	Repaired   int      `json:"repaired,omitempty"`  // this laptop's files put back in the folder, missing or damaged there
	Rejoined   string   `json:"rejoined,omitempty"`  // the new laptop id this database took: it had gone back behind what its old id sent (a restored backup, a copied file)
	// DeletedThere: records another laptop deleted while they were changed
	// here; each is in the trash with the change made here.
	DeletedThere []DeletedThere `json:"deletedThere,omitempty"`
}

// Run syncs one network of the store with a folder: it writes this
// laptop's unsent changes as its next changeset, applies every unseen
// changeset of the other laptops in one transaction, and takes a new
// snapshot. It holds the store's writer throughout. Files it refuses are
// in the report (Refused); they stop nothing else.
func Run(ctx context.Context, st *data.Store, folder, network string) (Report, error) {
	r := Report{Network: network, Folder: folder}
	if info, err := os.Stat(folder); err != nil || !info.IsDir() {
		return r, fmt.Errorf("sync folder %s is not there (is the folder tool running, the disk plugged in?)", folder)
	}
	schema := data.LatestSchemaVersion()
	err := st.HoldWriter(ctx, func(path string) (err error) {
		if r.Repaired, err = repairSent(path, folder, network); err != nil {
			return fmt.Errorf("put back this laptop's damaged files: %w", err)
		}
		// Gone back behind what the folder knows this id sent (even with
		// nothing changed since, and whatever compaction deleted): rejoin
		// first, so that nothing is written under a number already taken.
		back, err := wentBack(path, folder, network)
		if err != nil {
			return fmt.Errorf("read the folder's state files: %w", err)
		}
		if back {
			if r.Rejoined, err = rejoin(path, false); err != nil {
				return fmt.Errorf("rejoin as a new laptop: %w", err)
			}
		}
		written, own, err := writeOwn(path, folder, network, schema)
		if errors.Is(err, errWentBack) && r.Rejoined == "" {
			// Restored from a backup or copied: this database rejoins as a
			// new laptop and sends all it holds (see rejoin).
			if r.Rejoined, err = rejoin(path, false); err == nil {
				written, own, err = writeOwn(path, folder, network, schema)
			}
		}
		if err != nil {
			return fmt.Errorf("write this laptop's changes: %w", err)
		}
		r.Written = written
		if written != "" {
			if err := keepSent(path, network, filepath.Base(filepath.Dir(written)), written); err != nil {
				return fmt.Errorf("keep a copy of %s: %w", written, err)
			}
		}
		if r.Sent, err = countChanges(own); err != nil {
			return err
		}
		r.At = time.Now().UTC()
		m, err := mergeOthers(path, folder, network, schema, own, r.At)
		if err != nil {
			return fmt.Errorf("merge the other laptops' changes: %w", err)
		}
		r.Files, r.Received, r.Refused, r.Waiting, r.WaitingFor = m.files, m.changes, m.refused, m.waiting, m.waitingFor
		r.DeletedThere = m.deletedThere
		for i, d := range r.DeletedThere {
			if r.DeletedThere[i].By, err = LaptopName(path, folder, network, d.Laptop); err != nil {
				return err
			}
		}
		if err := finish(path, network, m); err != nil {
			return err
		}
		if r.Compacted, err = compact(path, folder, network, r.At); err != nil {
			return fmt.Errorf("compact this laptop's changesets: %w", err)
		}
		if err := rememberNames(path, folder, network); err != nil {
			return fmt.Errorf("note the other laptops' names: %w", err)
		}
		r.Conflicts, err = countConflicts(path, network)
		return err
	})
	return r, err
}

// finish brings the snapshot to the network as it is after the merge (so
// that what came from others is not sent back as this laptop's). When
// nothing was merged, the snapshot writeOwn took is still the network as
// it is. The versions the merge made stay out of the snapshot: they go in
// this laptop's next changeset.
func finish(path, network string, m mergeResult) error {
	if m.files == 0 {
		return nil
	}
	if err := stop("merged snapshot taken"); err != nil {
		return err
	}
	if err := snapshotMerge(path, network, m.snapshot); err != nil {
		return err
	}
	return forget(mergedPath(path, network))
}

// noteSync notes when the network synced with which folder.
func noteSync(c *sqlite.Conn, schema, network, folder string, at time.Time) error {
	return exec(c, `INSERT INTO `+schema+`.sync_networks (network_id, folder, last_sync) VALUES (?1, ?2, ?3)
		ON CONFLICT DO UPDATE SET folder = ?2, last_sync = ?3`, network, folder, at.Format(time.RFC3339))
}

// readOnly opens the database for reading beside whoever writes it.
func readOnly(path string) (*sqlite.Conn, error) {
	c, err := sqlite.OpenConn(path, sqlite.OpenReadOnly|sqlite.OpenNoMutex)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	c.SetBusyTimeout(5 * time.Second)
	return c, nil
}

func countConflicts(path, network string) (int, error) {
	c, err := readOnly(path)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	n := 0
	err = each(c, `SELECT count(*) FROM sync_conflicts WHERE network_id = ? AND resolved = ''`, func(s *sqlite.Stmt) error {
		n = s.ColumnInt(0)
		return nil
	}, network)
	return n, err
}

// Status is where a network stands with its sync folder.
type Status struct {
	Network    string   `json:"network"`
	Laptop     string   `json:"laptop"`
	LaptopName string   `json:"laptopName"`
	Folder     string   `json:"folder"`               // the last folder synced with, "" when never synced
	LastSync   string   `json:"lastSync"`             // RFC 3339 UTC, "" when never
	LastSeq    int64    `json:"lastSeq"`              // the last changeset this laptop wrote
	Waiting    int      `json:"waiting"`              // other laptops' files in the folder not applied yet
	WaitingFor []string `json:"waitingFor,omitempty"` // the files missing from a laptop's own, by name (waitWords)
	Conflicts  int      `json:"conflicts"`
	Others     []string `json:"others"` // the other laptops that sync the network, by name ("laptop 1a2b3c4d" for one that gave none)
}

// StatusOf reads a network's sync status from the database at path
// (opened read-only: the app may have it open) and its folder, folder
// being "" for the one it last synced with.
func StatusOf(path, network, folder string) (Status, error) {
	c, err := readOnly(path)
	if err != nil {
		return Status{}, err
	}
	defer c.Close()
	me, err := readLaptop(c, "main")
	if err != nil {
		return Status{}, err
	}
	st := Status{Network: network, Laptop: me.ID, LaptopName: me.Name}
	if err := each(c, `SELECT folder, last_sync, last_seq FROM sync_networks WHERE network_id = ?`, func(s *sqlite.Stmt) error {
		st.Folder, st.LastSync, st.LastSeq = s.ColumnText(0), s.ColumnText(1), s.ColumnInt64(2)
		return nil
	}, network); err != nil {
		return st, err
	}
	if folder != "" {
		st.Folder = folder
	}
	if st.Folder != "" {
		p, err := findPending(c, st.Folder, network, me.ID)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return st, err
		}
		st.Waiting = p.waiting
		for _, seqs := range p.next {
			st.Waiting += len(seqs)
		}
		if st.WaitingFor, err = waitWords(c, st.Folder, network, p.gaps); err != nil {
			return st, err
		}
	}
	if st.Others, err = others(c, me.ID, st.Folder, network); err != nil {
		return st, err
	}
	err = each(c, `SELECT count(*) FROM sync_conflicts WHERE network_id = ? AND resolved = ''`, func(s *sqlite.Stmt) error {
		st.Conflicts = s.ColumnInt(0)
		return nil
	}, network)
	return st, err
}

// others names the laptops whose changes this one has applied or whose
// folder it sees, sorted.
func others(c *sqlite.Conn, me, folder, network string) ([]string, error) {
	_, name, err := namer(c, folder, network)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	if err := each(c, `SELECT DISTINCT laptop_id FROM sync_applied WHERE network_id = ?`, func(s *sqlite.Stmt) error {
		ids[s.ColumnText(0)] = true
		return nil
	}, network); err != nil {
		return nil, err
	}
	if folder != "" {
		if dirs, err := os.ReadDir(filepath.Join(folder, network)); err == nil {
			for _, d := range dirs {
				if d.IsDir() {
					ids[d.Name()] = true
				}
			}
		}
	}
	delete(ids, me)
	out := make([]string, 0, len(ids))
	for id := range ids {
		out = append(out, name(id))
	}
	slices.Sort(out)
	return out, nil
}

// Conflicts lists a network's conflicts: the unresolved ones, or all.
func Conflicts(path, network string, all bool) ([]Conflict, error) {
	c, err := readOnly(path)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return listConflicts(c, network, all)
}

// Resolve settles a conflict (Keep, Take the lost value, or Edit with a
// value typed now) through the store's writer.
func Resolve(ctx context.Context, st *data.Store, cf Conflict, choice Choice, typed any) error {
	return st.HoldWriter(ctx, func(path string) error {
		c, err := openConn(path)
		if err != nil {
			return err
		}
		defer c.Close()
		return resolve(c, cf, choice, typed)
	})
}

// SetLaptopName names this laptop for the others ("Anna's ThinkPad").
func SetLaptopName(ctx context.Context, st *data.Store, name string) error {
	return st.HoldWriter(ctx, func(path string) error {
		c, err := openConn(path)
		if err != nil {
			return err
		}
		defer c.Close()
		return exec(c, `UPDATE sync_laptop SET name = ?`, name)
	})
}
