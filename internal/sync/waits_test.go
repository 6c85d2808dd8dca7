package sync

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file that waits for a laptop whose files are not in the folder says
// so, naming that laptop and what to do — it would otherwise wait without
// a word for a folder that someone removed.
func TestAFileWaitingForAGoneLaptopNamesIt(t *testing.T) {
	a, b, c, network := threeLaptopsOfOneNetwork(t)
	meeting := b.query(`SELECT id FROM meetings WHERE network_id = ? ORDER BY id LIMIT 1`, network)
	b.sql(`UPDATE meetings SET place = 'changed on B' WHERE id = ?`, meeting)
	b.sync(network)
	deliverFilesOf(t, b, a, b.laptopID())
	a.sync(network)
	a.sql(`UPDATE meetings SET description = 'changed on A after B' WHERE id = ?`, meeting)
	a.sync(network)
	deliverFilesOf(t, a, c, a.laptopID())
	if err := os.RemoveAll(filepath.Join(c.folder, network, b.laptopID())); err != nil {
		t.Fatal(err)
	}
	r := c.sync(network)
	bName, err := LaptopName(c.st.Path(), c.folder, network, b.laptopID())
	if err != nil {
		t.Fatal(err)
	}
	aName, _ := LaptopName(c.st.Path(), c.folder, network, a.laptopID())
	t.Logf("C is told: %q", r.WaitingFor)
	if r.Waiting != 1 || len(r.WaitingFor) != 1 {
		t.Fatalf("C: %d waiting, told %q", r.Waiting, r.WaitingFor)
	}
	if w := r.WaitingFor[0]; !strings.Contains(w, "1 file of "+aName+" waits for changeset 1 of "+bName) || !strings.Contains(w, "The folder has no files of "+bName) || strings.Contains(w, b.laptopID()) {
		t.Errorf("C is told %q", w)
	}
}
