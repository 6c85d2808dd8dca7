package main

import (
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
	for _, size := range testkit.PageSizes(t, out) {
		if w, h := min(size[0], size[1]), max(size[0], size[1]); math.Abs(w-612) > 1 || math.Abs(h-792) > 1 {
			t.Fatalf("a page of %.0f × %.0f pt, want Letter (612 × 792)", size[0], size[1])
		}
	}
	if code, _, stderr := aoce(t, "", "study", "export", "--paper", "A5", "--out", filepath.Join(dir, "s.pdf"), "--db", db); code != 2 || !strings.Contains(stderr, "use A4 or Letter") {
		t.Fatalf("A5: %d %s", code, stderr)
	}
}
