package main

import (
	"flag"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// --paper letter puts a command's pages on US Letter; an unknown size is
// refused with the sizes there are.
func TestPaperFlag(t *testing.T) {
	t.Cleanup(func() { doc.SetDefaults(doc.Layout{}) }) // the flag sets the process's default
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	out := filepath.Join(dir, "actions.pdf")
	mustRunOK(t, "", "actions", "export", "--paper", "letter", "--out", out, "--db", db)
	follow := filepath.Join(dir, "follow-up.pdf")
	mustRunOK(t, "", "grid", "follow-up", "Core Network Meeting 3", "--paper", "letter", "--out", follow, "--db", db)
	for _, file := range []string{out, follow} {
		for _, size := range testkit.PageSizes(t, file) {
			if w, h := min(size[0], size[1]), max(size[0], size[1]); math.Abs(w-612) > 1 || math.Abs(h-792) > 1 {
				t.Fatalf("%s: a page of %.0f × %.0f pt, want Letter (612 × 792)", filepath.Base(file), size[0], size[1])
			}
		}
	}
	if code, _, stderr := aoce(t, "", "study", "export", "--paper", "A5", "--out", filepath.Join(dir, "s.pdf"), "--db", db); code != 2 || !strings.Contains(stderr, "use A4 or Letter") {
		t.Fatalf("A5: %d %s", code, stderr)
	}
}

// Every command that writes an export takes --paper (the hand-over file
// of 'network export' is a database, not pages).
func TestEveryExportCommandTakesPaper(t *testing.T) {
	for _, c := range commands() {
		if !strings.HasSuffix(c.name, " export") && !strings.HasSuffix(c.name, " follow-up") || c.name == "network export" {
			continue
		}
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		if c.flags != nil {
			c.flags(fs, &cmdContext{})
		}
		if fs.Lookup("paper") == nil {
			t.Errorf("%s has no --paper", c.name)
		}
	}
}
