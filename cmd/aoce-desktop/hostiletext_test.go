package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// padded is header, then filler rows until past 64 KiB (what was checked
// for NULs and encodings before), then last: its line number is returned.
func padded(header, filler, last string) ([]byte, int) {
	var b bytes.Buffer
	b.WriteString(header)
	for b.Len() < 100<<10 {
		b.WriteString(filler)
	}
	line := strings.Count(b.String(), "\n") + 1
	b.WriteString(last)
	return b.Bytes(), line
}

// Each importer refuses a late NUL and a UTF-8 file with one Windows-1252
// byte with the line and real column, and stores nothing.
func TestImportersRefuseLateNULsAndMixedEncodings(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	state := func() string {
		return mustRunOK(t, "", "partners", "list", "--json", "--db", db) + mustRunOK(t, "", "survey", "list", "--json", "--db", db) +
			mustRunOK(t, "", "matrix", "export", "--db", db, "--out", filepath.Join(dir, "now.csv")) + readFile(t, filepath.Join(dir, "now.csv"))
	}
	before := state()
	mustRunOK(t, "", "matrix", "export", "--db", db, "--out", filepath.Join(dir, "matrix.csv"))
	matrix := readFile(t, filepath.Join(dir, "matrix.csv"))
	header, rest, _ := strings.Cut(matrix, "\n")
	// Rows of the matrix repeated: blank lines would be skipped, real rows count.
	matrixFiller := strings.SplitAfter(rest, "\n")[0]

	partnerNUL, pl := padded("Name;Country\n", "Genk;Belgium\n", "Breda;Nether\x00lands\n")
	partnerMixed, pm := padded("Name;Country\n", "Gdańsk;Poland\n", "Gda\xf1sk;Poland\n") // the mojibake file
	surveyNUL, sl := padded("Timestamp,City,Need\n", "1,Genk,Trust\n", "2,Breda,Yo\x00uth\n")
	surveyMixed, sm := padded("Timestamp,City,Need\n", "1,Gdańsk,Zaufanie\n", "2,Gda\xf1sk,Zaufanie\n")
	matrixNUL, ml := padded(header+"\n", matrixFiller, strings.Replace(matrixFiller, ",", ",\x00", 1))
	matrixMixed, mm := padded(header+"\n", matrixFiller, strings.Replace(matrixFiller, ",", ",\xe9", 1))
	cases := []struct {
		name string
		raw  []byte
		args []string
		want string
	}{
		{"partners-nul.csv", partnerNUL, []string{"partners", "import"}, "line " + strconv.Itoa(pl) + ", column 2 (B): has a NUL byte"},
		{"partners-mixed.csv", partnerMixed, []string{"partners", "import"}, "line " + strconv.Itoa(pm) + ", column 1 (A): has a byte (0xF1) that is not UTF-8"},
		{"survey-nul.csv", surveyNUL, []string{"survey", "import"}, "line " + strconv.Itoa(sl) + ", column 3 (C): has a NUL byte"},
		{"survey-mixed.csv", surveyMixed, []string{"survey", "import"}, "line " + strconv.Itoa(sm) + ", column 2 (B): has a byte (0xF1) that is not UTF-8"},
		{"matrix-nul.csv", matrixNUL, []string{"matrix", "import"}, "line " + strconv.Itoa(ml) + ", column 2 (B): has a NUL byte"},
		{"matrix-mixed.csv", matrixMixed, []string{"matrix", "import"}, "line " + strconv.Itoa(mm) + ", column 2 (B): has a byte (0xE9) that is not UTF-8"},
	}
	for _, c := range cases {
		file := filepath.Join(dir, c.name)
		os.WriteFile(file, c.raw, 0o644)
		code, out, stderr := aoce(t, "", append(c.args, file, "--db", db)...)
		if code != 1 || !strings.Contains(out+stderr, c.name+", "+c.want) {
			t.Errorf("%s: exit %d, want 1 and %q:\n%s%s", c.name, code, c.want, out, stderr)
		}
	}
	if after := state(); after != before {
		t.Error("a refused import changed the database")
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
