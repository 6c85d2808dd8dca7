package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A sync with a relative --folder stores (and says) the absolute folder;
// its report counts in words ("1 file", "1 conflict"); 'sync conflicts'
// names the record, the field and the laptops as the conflicts screen
// does — no ids, column names or <nil>.
func TestSyncSaysItInWords(t *testing.T) {
	dir, anna, ben, id, sync := annaAndBen(t)
	out := sync(anna, "Anna's laptop")
	abs := filepath.Join(dir, "share")
	if !strings.Contains(out, abs) {
		t.Errorf("the sync does not say the folder %s: %q", abs, out)
	}
	if st := mustRunOK(t, "", "sync", "status", "--network", id, "--db", anna); !strings.Contains(st, abs) {
		t.Errorf("the folder stored is not %s: %q", abs, st)
	} else if !regexp.MustCompile(`Last sync +\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\n`).MatchString(st) {
		t.Errorf("the last sync is not in local, readable time: %q", st)
	}
	out = sync(ben, "Ben's laptop")
	if !strings.Contains(out, "Merged 1 file of other laptops") || strings.Contains(out, id) {
		t.Errorf("Ben's first sync says %q", out)
	}
	mustRunOK(t, "", "network", "rename", id, "--name", "Anna's name", "--db", anna)
	mustRunOK(t, "", "network", "rename", id, "--name", "Ben's name", "--db", ben) // later: it stays
	sync(anna, "Anna's laptop")
	sync(ben, "Ben's laptop")
	if out := sync(anna, "Anna's laptop"); !strings.Contains(out, "1 conflict to review") {
		t.Errorf("the sync with a conflict says %q", out)
	}
	out = mustRunOK(t, "", "sync", "conflicts", "--network", id, "--db", anna)
	for _, want := range []string{"Network Ben's name", "name", "Ben's laptop", "this laptop", "Anna's name"} {
		if !strings.Contains(out, want) {
			t.Errorf("sync conflicts does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, id) || strings.Contains(out, "networks") || strings.Contains(out, "<nil>") {
		t.Errorf("sync conflicts prints ids or table names:\n%s", out)
	}
}

// annaAndBen is two databases in the working directory dir: Anna's holds
// the demo network (id), Ben's nothing yet; sync syncs one of them, named,
// with the folder "share".
func annaAndBen(t *testing.T) (dir, anna, ben, id string, sync func(db, name string) string) {
	t.Helper()
	dir = t.TempDir()
	t.Chdir(dir)
	anna, ben = filepath.Join(dir, "anna.db"), filepath.Join(dir, "ben.db")
	mustRunOK(t, "", "demo", "--db", anna)
	if err := os.Mkdir("share", 0o755); err != nil {
		t.Fatal(err)
	}
	var ns []struct{ ID string }
	if err := json.Unmarshal([]byte(mustRunOK(t, "", "network", "list", "--json", "--db", anna)), &ns); err != nil || len(ns) != 1 {
		t.Fatalf("networks %v, %v", ns, err)
	}
	id = ns[0].ID
	sync = func(db, name string) string {
		return mustRunOK(t, "", "sync", "--folder", "share", "--network", id, "--db", db, "--laptop-name", name)
	}
	return dir, anna, ben, id, sync
}

// One partner name made on both laptops: 'sync conflicts' says, under its
// table, what the sync did — by the partners' and the laptops' names.
func TestSyncConflictsTellASettledCollision(t *testing.T) {
	dir, anna, ben, id, sync := annaAndBen(t)
	sync(anna, "Anna's laptop")
	sync(ben, "Ben's laptop")
	csv := filepath.Join(dir, "harbour.csv")
	if err := os.WriteFile(csv, []byte("name,country\nHarbour Lab,Spain\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRunOK(t, "", "partners", "import", csv, "--db", anna)
	mustRunOK(t, "", "partners", "import", csv, "--db", ben) // made later: it yields
	sync(anna, "Anna's laptop")
	sync(ben, "Ben's laptop")
	sync(anna, "Anna's laptop")
	out := mustRunOK(t, "", "sync", "conflicts", "--network", id, "--db", anna)
	want := ": Two partners named “Harbour Lab” were made at once: one on this laptop, one on Ben's laptop. The one made first (on this laptop) keeps the name; the sync renamed the one made on Ben's laptop “Harbour Lab (2)” on every laptop.\n"
	if !strings.Contains(out, want) || strings.Contains(out, "another laptop chose") {
		t.Errorf("sync conflicts says\n%s", out)
	}
}
