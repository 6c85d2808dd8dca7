package sync

import (
	"os"
	"path/filepath"
	"testing"
)

// A laptop joining a shared folder sees the networks in it by name —
// the name its newest file says, a rename too — with the laptops that
// write them; other folders and files are not networks.
func TestAFolderSaysWhichNetworksItHolds(t *testing.T) {
	a, b, network := twoLaptops(t)
	if err := os.MkdirAll(filepath.Join(a.folder, "Photos"), 0o755); err != nil {
		t.Fatal(err)
	}
	ns, err := FolderNetworks(a.folder)
	if err != nil || len(ns) != 1 {
		t.Fatalf("networks %+v, %v", ns, err)
	}
	name := a.query(`SELECT name FROM networks WHERE id = ?`, network)
	if n := ns[0]; n.ID != network || n.Name != name || len(n.Laptops) != 1 || n.Laptops[0] != "A" || n.Last.IsZero() {
		t.Errorf("the folder's network reads %+v", n)
	}
	b.sql(`UPDATE networks SET name = 'Renamed on B' WHERE id = ?`, network)
	b.sync(network)
	deliver(t, b, a)
	if ns, err := FolderNetworks(a.folder); err != nil || len(ns) != 1 || ns[0].Name != "Renamed on B" || len(ns[0].Laptops) != 2 {
		t.Errorf("after B renamed it: %+v, %v", ns, err)
	}
	if !InFolder(a.folder, network) || InFolder(a.folder, "Photos") {
		t.Error("InFolder tells networks from other folders wrongly")
	}
}
