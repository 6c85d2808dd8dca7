package sync

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"zombiezen.com/go/sqlite"
)

// FolderNetwork is a network a shared folder holds, as a laptop that
// joins it sees it before it has any of it.
type FolderNetwork struct {
	ID      string    // the network's id: its folder's name
	Name    string    // as its newest file that says it has it, "" when none does
	Laptops []string  // the names of the laptops writing it, sorted
	Last    time.Time // when its newest file was written
}

// FolderNetworks lists the networks another laptop writes into folder
// (each a folder named by the network's id, holding a folder per laptop),
// newest first. A laptop joins one with Now (the command line's 'sync
// --network ID'): the first sync builds the network from the files.
func FolderNetworks(folder string) ([]FolderNetwork, error) {
	dirs, err := os.ReadDir(folder)
	if err != nil {
		return nil, err
	}
	var out []FolderNetwork
	for _, d := range dirs {
		if !d.IsDir() || uuid.Validate(d.Name()) != nil {
			continue
		}
		n := FolderNetwork{ID: d.Name()}
		var files []string // every laptop's changesets
		laptops, _ := os.ReadDir(filepath.Join(folder, n.ID))
		for _, l := range laptops {
			names, _ := os.ReadDir(filepath.Join(folder, n.ID, l.Name()))
			for _, f := range names {
				if _, ok := seqOf(f.Name()); ok && l.IsDir() {
					files = append(files, filepath.Join(folder, n.ID, l.Name(), f.Name()))
				}
			}
		}
		if len(files) == 0 {
			continue // nothing written yet (or all compacted: a hand-over starts that laptop)
		}
		n.Name, n.Last = newestName(files)
		for _, name := range laptopNames(folder, n.ID) {
			n.Laptops = append(n.Laptops, name)
		}
		slices.Sort(n.Laptops)
		out = append(out, n)
	}
	slices.SortFunc(out, func(a, b FolderNetwork) int { return b.Last.Compare(a.Last) })
	return out, nil
}

// InFolder tells whether folder holds the network's files.
func InFolder(folder, network string) bool {
	info, err := os.Stat(filepath.Join(folder, network))
	return err == nil && info.IsDir() && uuid.Validate(network) == nil
}

// newestName reads the network's name from its files (the latest rename)
// and when the newest was written. A file that cannot be read is passed over: the
// sync that joins says what is wrong with it.
func newestName(files []string) (name string, last time.Time) {
	type file struct {
		path    string
		written time.Time
	}
	var read []file
	for _, p := range files {
		if h, ok := readHeader(p); ok {
			at, _ := time.Parse(time.RFC3339, h.Written)
			read = append(read, file{p, at})
		}
	}
	slices.SortFunc(read, func(a, b file) int { return b.written.Compare(a.written) })
	if len(read) > 0 {
		last = read[0].written
	}
	// The name with the latest clock wins, as it does in a merge: files of
	// one second cannot be told apart by their time.
	var best struct {
		clock int64
		by    string
	}
	for _, f := range read {
		_, cs, err := readChangeset(f.path)
		if err != nil {
			continue // a damaged changeset: another file may say it
		}
		_ = eachChange(cs, func(op *sqlite.ChangesetOperation, it *sqlite.ChangesetIterator) error {
			if op.TableName != "networks" || op.Type == sqlite.OpDelete {
				return nil
			}
			v, err := it.New(1) // networks: id, name, …, updated_clock, updated_by
			if err != nil || v.Type() != sqlite.TypeText {
				return nil // the name did not change here
			}
			clock, by := int64(0), ""
			if c, err := it.New(op.NumColumns - 2); err == nil && c.Type() == sqlite.TypeInteger {
				clock = c.Int64()
			}
			if b, err := it.New(op.NumColumns - 1); err == nil && b.Type() == sqlite.TypeText {
				by = b.Text()
			}
			if n := strings.TrimSpace(v.Text()); n != "" && (name == "" || clock > best.clock || clock == best.clock && by > best.by) {
				name, best.clock, best.by = n, clock, by
			}
			return nil
		})
	}
	return name, last
}
