package sync

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A file of A's damaged in the folder (cut short by a folder tool that
// stopped) or gone from it is refused by B, with its later files waiting;
// A's next sync puts it back from the copy it kept, and B then applies it
// and the ones after it.
func TestALaptopPutsBackItsDamagedOrMissingFiles(t *testing.T) {
	a, b, network := twoLaptops(t)
	id := firstPartner(a, network)
	for _, spoil := range []struct {
		name string
		do   func(path string) error
	}{
		{"cut short", func(path string) error {
			info, err := os.Stat(path)
			if err != nil {
				return err
			}
			return os.Truncate(path, info.Size()-20)
		}},
		{"gone", os.Remove},
	} {
		a.sql(`UPDATE partners SET region = ? WHERE id = ?`, spoil.name, id)
		written := a.sync(network).Written
		a.sql(`UPDATE partners SET country = ? WHERE id = ?`, spoil.name+" later", id)
		a.sync(network)
		if err := spoil.do(written); err != nil {
			t.Fatal(err)
		}
		deliver(t, a, b)
		if spoil.name == "gone" {
			os.Remove(filepath.Join(b.folder, mustRel(t, a.folder, written)))
		}
		r := b.sync(network)
		if spoil.name == "cut short" && (len(r.Refused) != 1 || !strings.Contains(r.Refused[0].Reason, "puts it back at its next sync")) {
			t.Fatalf("%s: B refused %+v", spoil.name, r.Refused)
		}
		if r.Waiting != 1 {
			t.Fatalf("%s: %d files wait, want the later one", spoil.name, r.Waiting)
		}
		if got := a.sync(network).Repaired; got != 1 {
			t.Fatalf("%s: A put back %d files", spoil.name, got)
		}
		deliver(t, a, b)
		if r := b.sync(network); len(r.Refused) > 0 || r.Waiting > 0 || r.Files != 2 {
			t.Fatalf("%s: after the repair B has %+v", spoil.name, r)
		}
		if got := b.query(`SELECT region || '/' || country FROM partners WHERE id = ?`, id); got != spoil.name+"/"+spoil.name+" later" {
			t.Errorf("%s: B has %s", spoil.name, got)
		}
	}
	exchange(t, network, a, b)
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	// Applied everywhere and compacted: the copies kept are dropped too.
	kept, _ := filepath.Glob(filepath.Join(a.st.Path()+".sync", "sent", network, "*", "*.changeset"))
	left, _ := filepath.Glob(filepath.Join(a.folder, network, a.laptopID(), "*.changeset"))
	if len(kept) > len(left) {
		t.Errorf("A keeps %d copies for %d files left in the folder", len(kept), len(left))
	}
}

func mustRel(t *testing.T, base, path string) string {
	t.Helper()
	rel, err := filepath.Rel(base, path)
	if err != nil {
		t.Fatal(err)
	}
	return rel
}

// A sync reads none of this laptop's files to check them while they are as
// they were written (one stat each), and reads again only the one whose
// size changed in the folder, which it puts back.
func TestCheckingTheSentFilesReadsOnlyWhatChanged(t *testing.T) {
	a, _, network := twoLaptops(t)
	id := firstPartner(a, network)
	var written []string
	for _, region := range []string{"one", "two", "three"} {
		a.sql(`UPDATE partners SET region = ? WHERE id = ?`, region, id)
		written = append(written, a.sync(network).Written)
	}
	var read []string
	openChangeset = func(path string) (*os.File, error) {
		read = append(read, path)
		return os.Open(path)
	}
	t.Cleanup(func() { openChangeset = os.Open })
	if r := a.sync(network); r.Repaired != 0 || len(read) != 0 {
		t.Fatalf("an everyday sync read %d files to check them (%v), put back %d", len(read), read, r.Repaired)
	}
	info, err := os.Stat(written[1])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(written[1], info.Size()-20); err != nil {
		t.Fatal(err)
	}
	if r := a.sync(network); r.Repaired != 1 {
		t.Fatalf("A put back %d files", r.Repaired)
	}
	seq, _ := seqOf(filepath.Base(written[1]))
	kept := sentCopy(a.st.Path(), network, a.laptopID(), seq)
	if !slices.Equal(read, []string{written[1], kept}) {
		t.Fatalf("the sync after the damage read %v, want only the damaged file and its copy", read)
	}
	if _, _, err := readChangeset(written[1]); err != nil {
		t.Fatalf("put back: %v", err)
	}
	read = nil
	if a.sync(network); len(read) != 0 {
		t.Fatalf("the sync after the repair read %v", read)
	}
}
