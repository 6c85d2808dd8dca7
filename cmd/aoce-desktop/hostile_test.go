package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit/xlsxfile"
)

// Hostile workbooks given to the three importers: each is refused with a
// message naming the file (and the row, where there is one), nothing is
// stored, and no import holds more than 200 MB on the way (before the
// bounded opener: 3.1 GB for the zip bomb; the rows bomb was still
// reading after a minute at 400+ MB for partners and matrix).
func TestHostileWorkbooksRefusedEarlyInEveryImporter(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	files := map[string]string{ // file → what the message must say
		"sheetless.xlsx": "sheetless.xlsx: has no sheets",
		"truncated.xlsx": "truncated.xlsx: is not a readable Excel workbook",
		"zipbomb.xlsx":   "zipbomb.xlsx: has a part (xl/media/image1.bin) that unpacks to 1.0 GB",
		"rowsbomb.xlsx":  "rowsbomb.xlsx, line 1048577: has more than 1048576 rows in one sheet",
	}
	os.WriteFile(filepath.Join(dir, "sheetless.xlsx"), xlsxfile.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "truncated.xlsx"), xlsxfile.Truncated(), 0o644)
	if err := xlsxfile.WriteZipBomb(filepath.Join(dir, "zipbomb.xlsx"), 1<<30); err != nil {
		t.Fatal(err)
	}
	if err := xlsxfile.WriteRowsBomb(filepath.Join(dir, "rowsbomb.xlsx"), 1_200_000, "Ada"); err != nil {
		t.Fatal(err)
	}
	state := func() string {
		m := filepath.Join(dir, "matrix.csv")
		mustRunOK(t, "", "matrix", "export", "--out", m, "--db", db)
		b, _ := os.ReadFile(m)
		return mustRunOK(t, "", "partners", "list", "--json", "--db", db) + mustRunOK(t, "", "survey", "list", "--db", db) + string(b)
	}
	before := state()
	for file, want := range files {
		for _, cmd := range []string{"survey", "partners", "matrix"} {
			var code int
			var stderr string
			peak := testkit.PeakMemory(func() { code, _, stderr = aoce(t, "", cmd, "import", filepath.Join(dir, file), "--db", db) })
			t.Logf("%s import %s: %d MB at most, %s", cmd, file, peak>>20, strings.TrimSpace(stderr))
			if code != 1 || !strings.Contains(stderr, want) {
				t.Errorf("%s import %s: exit %d, %q; want exit 1 and %q", cmd, file, code, stderr, want)
			}
			if peak > 200<<20 {
				t.Errorf("%s import %s took %d MB, more than 200 MB", cmd, file, peak>>20)
			}
		}
	}
	if state() != before {
		t.Error("a refused import changed the database")
	}
}
