package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// deletePartner deletes a partner of the demo network as the window would.
func deletePartner(t *testing.T, db, name string) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(db, data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ns, err := s.Networks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := s.Partners(ctx, ns[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Name == name {
			if _, err := s.DeletePartner(ctx, p.ID); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no partner %s", name)
}

func TestTrashCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "trash.db")
	mustRunOK(t, "", "demo", "--db", db)
	if out := mustRunOK(t, "", "trash", "list", "--db", db); !strings.Contains(out, "is empty") {
		t.Fatalf("fresh trash: %s", out)
	}
	deletePartner(t, db, "Gdańsk")
	var items []trashItemJSON
	if err := json.Unmarshal([]byte(mustRunOK(t, "", "trash", "list", "--db", db, "--json", "--network", "Agents of Co-Existence")), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 {
		t.Fatalf("trash: %+v", items)
	}
	it := items[0]
	at, err := time.Parse(time.RFC3339, it.DeletedAt)
	if it.Kind != "partner" || it.Label != "partner 'Gdańsk'" || err != nil || time.Since(at) > time.Minute ||
		it.Counts["partners"] != 1 || it.Counts["good_practices"] == 0 || it.Rows < 1+it.Counts["good_practices"] ||
		!strings.Contains(it.Summary, "good practices") {
		t.Fatalf("entry %+v (deletedAt: %v)", it, err)
	}
	if out := mustRunOK(t, "", "trash", "list", "--db", db); !strings.Contains(out, "partner 'Gdańsk'") || !strings.Contains(out, it.ID) {
		t.Fatalf("trash list: %s", out)
	}
	if out := mustRunOK(t, "", "trash", "restore", it.ID, "--db", db); !strings.Contains(out, "Restored partner 'Gdańsk'") {
		t.Fatalf("restore: %s", out)
	}
	var partners partnersListJSON
	if err := json.Unmarshal([]byte(mustRunOK(t, "", "partners", "list", "--db", db, "--json")), &partners); err != nil || len(partners.Partners) != 9 {
		t.Fatalf("%d partners after the restore (%v)", len(partners.Partners), err)
	}
	if code, _, stderr := aoce(t, "", "trash", "restore", it.ID, "--db", db); code != 1 || !strings.Contains(stderr, "holds no entry") {
		t.Fatalf("restoring twice: %d %s", code, stderr)
	}
	if code, _, _ := aoce(t, "", "trash", "restore", "--db", db); code != 2 {
		t.Fatalf("restore without an id: exit %d", code)
	}

	deletePartner(t, db, "Gdańsk")
	deletePartner(t, db, "Aarhus")
	if out := mustRunOK(t, "", "trash", "empty", "--db", db); !strings.Contains(out, "2 entries deleted for good") {
		t.Fatalf("empty: %s", out)
	}
	if out := mustRunOK(t, "", "trash", "list", "--db", db, "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("trash after emptying: %s", out)
	}
	mustRunOK(t, "", "check", "--db", db)
}
