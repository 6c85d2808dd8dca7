package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cliConflict is a conflict of 'sync conflicts --json'.
type cliConflict struct {
	ID, Table, Column, Resolved string
	Kept, Lost                  any
	Record, Label               string
}

func cliConflicts(t *testing.T, db string, all bool) []cliConflict {
	t.Helper()
	args := []string{"sync", "conflicts", "--json", "--db", db}
	if all {
		args = append(args, "--all")
	}
	var cs []cliConflict
	if err := json.Unmarshal([]byte(mustRunOK(t, "", args...)), &cs); err != nil {
		t.Fatal(err)
	}
	return cs
}

// Two laptops rename the network before they sync; the conflict that
// makes is settled from the command line by its id: --take brings the
// lost name back, --value types another, and each travels to the other
// laptop. Wrong calls say what is wrong.
func TestSyncResolveFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	anna, ben, folder := filepath.Join(dir, "anna.db"), filepath.Join(dir, "ben.db"), filepath.Join(dir, "share")
	mustRunOK(t, "", "demo", "--db", anna)
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	var ns []struct{ ID string }
	if err := json.Unmarshal([]byte(mustRunOK(t, "", "network", "list", "--json", "--db", anna)), &ns); err != nil || len(ns) != 1 {
		t.Fatalf("networks %v, %v", ns, err)
	}
	sync := func(db string) { mustRunOK(t, "", "sync", "--folder", folder, "--network", ns[0].ID, "--db", db) }
	sync(anna)
	sync(ben)
	clash := func(a, b string) cliConflict {
		t.Helper()
		mustRunOK(t, "", "network", "rename", ns[0].ID, "--name", a, "--db", anna)
		mustRunOK(t, "", "network", "rename", ns[0].ID, "--name", b, "--db", ben) // later: it stays
		sync(anna)
		sync(ben)
		sync(anna)
		cs := cliConflicts(t, anna, false)
		if len(cs) != 1 || cs[0].Table != "networks" || cs[0].Column != "name" || cs[0].Kept != b || cs[0].Lost != a || len(cs[0].ID) != 12 {
			t.Fatalf("conflicts %+v", cs)
		}
		if cs[0].Record != "Network "+b || cs[0].Label != "Name" { // the screen's words beside the raw names
			t.Fatalf("the conflict's record %q and label %q", cs[0].Record, cs[0].Label)
		}
		return cs[0]
	}
	name := func(db string) string {
		var ns []struct{ Name string }
		if err := json.Unmarshal([]byte(mustRunOK(t, "", "network", "list", "--json", "--db", db)), &ns); err != nil {
			t.Fatal(err)
		}
		return ns[0].Name
	}

	cf := clash("AoCE (Anna)", "AoCE (Ben)")
	for _, bad := range [][]string{
		{"sync", "resolve", cf.ID, "--db", anna},
		{"sync", "resolve", cf.ID, "--keep", "--take", "--db", anna},
		{"sync", "resolve", "--keep", "--db", anna},
	} {
		if _, err := mustRun(t, "", bad...); err == nil || !strings.Contains(err.Error(), "sync resolve needs") && !strings.Contains(err.Error(), "(ID)") {
			t.Errorf("%v: %v", bad, err)
		}
	}
	if _, err := mustRun(t, "", "sync", "resolve", "0000", "--keep", "--db", anna); err == nil || !strings.Contains(err.Error(), "no conflict") {
		t.Errorf("an unknown id: %v", err)
	}
	out := mustRunOK(t, "", "sync", "resolve", cf.ID[:6], "--take", "--db", anna)
	if !strings.Contains(out, "took back AoCE (Anna)") || name(anna) != "AoCE (Anna)" {
		t.Errorf("--take: %s, now %q", out, name(anna))
	}
	if !strings.Contains(out, "(Network AoCE (Ben) — Name)") || strings.Contains(out, ns[0].ID) || strings.Contains(out, "networks") {
		t.Errorf("--take names the field by its ids: %s", out)
	}
	if cs := cliConflicts(t, anna, false); len(cs) != 0 {
		t.Errorf("still listed: %+v", cs)
	}
	if cs := cliConflicts(t, anna, true); len(cs) != 1 || cs[0].Resolved != "take" {
		t.Errorf("--all: %+v", cs)
	}
	if _, err := mustRun(t, "", "sync", "resolve", cf.ID, "--keep", "--db", anna); err == nil || !strings.Contains(err.Error(), "settled already") {
		t.Errorf("settled twice: %v", err)
	}
	sync(anna)
	sync(ben)
	if name(ben) != "AoCE (Anna)" {
		t.Errorf("the taken name did not travel: %q", name(ben))
	}

	cf = clash("Agents (Anna)", "Agents (Ben)")
	mustRunOK(t, "", "sync", "resolve", cf.ID, "--value", "Agents of Co-Existence", "--db", anna)
	sync(anna)
	sync(ben)
	if name(anna) != "Agents of Co-Existence" || name(ben) != "Agents of Co-Existence" {
		t.Errorf("--value: %q and %q", name(anna), name(ben))
	}
}
