package sync

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// A deletes its changesets once B (every other laptop of the folder) has
// applied them; C, joining later, is told to start from a hand-over, and
// after importing one it syncs like the others.
func TestCompactedChangesetsSendANewLaptopToAHandOver(t *testing.T) {
	ctx := context.Background()
	compactAtOnce(t)
	a, b, network := twoLaptops(t)
	first := changesetPath(a.folder, network, a.laptopID(), 1)
	deliver(t, b, a) // B's state: it applied A's first changeset
	a.sql(`UPDATE networks SET description = 'second' WHERE id = ?`, network)
	if r := a.sync(network); r.Compacted != 1 {
		t.Fatalf("A compacted %d", r.Compacted)
	}
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Fatalf("%s is still there: %v", first, err)
	}
	if st, _, err := readState(a.folder, network, a.laptopID()); err != nil || st.CompactedThrough != 1 {
		t.Fatalf("A's state %+v, %v", st, err)
	}
	// B is not held up: its view still has the first file, and it needs only the second.
	deliver(t, a, b)
	if r := b.sync(network); len(r.Refused) > 0 || r.Files != 1 {
		t.Fatalf("B: %+v", r)
	}

	c := newLaptop(t, filepath.Dir(a.st.Path()), "C")
	deliver(t, a, c)
	r := c.sync(network)
	if len(r.Refused) != 1 || !strings.Contains(r.Refused[0].Reason, "start this laptop from a hand-over") {
		t.Fatalf("C: refused %+v", r.Refused)
	}

	out := filepath.Join(t.TempDir(), "n.aoce")
	if _, err := a.st.ExportNetwork(ctx, network, out, "test"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.st.ImportNetwork(ctx, out, data.ImportAsIs, time.Now()); err != nil {
		t.Fatal(err)
	}
	a.sql(`UPDATE networks SET description = 'third' WHERE id = ?`, network)
	a.sync(network)
	deliver(t, a, c)
	if r := c.sync(network); len(r.Refused) > 0 || r.Files != 1 {
		t.Fatalf("C after the hand-over: %+v", r)
	}
	for pass := 0; pass < 2; pass++ {
		deliverAll(t, a, b, c)
		for _, l := range []*testLaptop{a, b, c} {
			if r := l.sync(network); len(r.Refused) > 0 {
				t.Fatalf("%s: %+v", l.name, r.Refused)
			}
		}
	}
	sameEverywhere(t, network, a, b, c)
	if got := c.query(`SELECT description FROM networks WHERE id = ?`, network); got != "third" {
		t.Errorf("C: %q", got)
	}
}

// The app dies while compacting, after the state file and before the
// deletes: a laptop joining then still finds every file the state does not
// count as gone and applies them; A's next sync deletes what was left, and
// a laptop joining after that is told to start from a hand-over — never a
// gap the state does not explain, which kept it waiting without a word.
func TestACompactionStoppedBeforeItsDeletesLeavesNoSilentGap(t *testing.T) {
	compactAtOnce(t)
	a, b, network := twoLaptops(t)
	first := changesetPath(a.folder, network, a.laptopID(), 1)
	deliver(t, b, a)
	a.sql(`UPDATE networks SET description = 'second' WHERE id = ?`, network)
	stopSyncAt(t, "state written")
	a.syncStopped(network, "state written")
	if st, _, err := readState(a.folder, network, a.laptopID()); err != nil || st.CompactedThrough != 1 {
		t.Fatalf("A's state after the stop: %+v, %v", st, err)
	}
	if _, err := os.Stat(first); err != nil {
		t.Fatalf("the stop came before the deletes, yet: %v", err)
	}
	home := filepath.Dir(a.st.Path())
	c := newLaptop(t, home, "C")
	deliver(t, a, c)
	if r := c.sync(network); len(r.Refused) > 0 || r.Waiting > 0 || r.Files != 2 {
		t.Fatalf("C joining after the stopped compaction: %+v", r)
	}
	if r := a.sync(network); r.Compacted != 1 {
		t.Fatalf("A's next sync deleted %d of what the stop left", r.Compacted)
	}
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Fatalf("%s is still there: %v", first, err)
	}
	d := newLaptop(t, home, "D")
	deliver(t, a, d)
	r := d.sync(network)
	if len(r.Refused) != 1 || !strings.Contains(r.Refused[0].Reason, "start this laptop from a hand-over") {
		t.Fatalf("D: refused %+v, waiting %d", r.Refused, r.Waiting)
	}
}
