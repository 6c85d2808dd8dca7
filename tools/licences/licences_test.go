package main

import (
	"os"
	"strings"
	"testing"
)

// The embedded licences must be what the tool writes now: a module added,
// removed or upgraded in go.mod without 'go generate ./internal/about'
// fails here, naming the first line that differs.
func TestEmbeddedLicencesAreCurrent(t *testing.T) {
	want, err := licences("../../cmd/aoce-desktop")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../internal/about/licences.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) == want {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		if i >= len(g) || i >= len(w) || g[i] != w[i] {
			t.Fatalf("internal/about/licences.txt is out of date (run 'go generate ./internal/about'); line %d is %q, now %q", i+1, at(g, i), at(w, i))
		}
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

func TestLicenceFileNames(t *testing.T) {
	for name, want := range map[string]bool{
		"LICENSE": true, "LICENCE.md": true, "license.txt": true, "COPYING": true, "UNLICENSE": true,
		"LICENSE-APACHE": true, "README.md": false, "licensing.go": false, "NOTICE": false,
	} {
		if got := licenceFile.MatchString(name); got != want {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
}

func TestModuleWithoutLicenceIsRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/README.md", []byte("no licence here"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := licenceFiles(dir)
	if err != nil || len(files) != 0 {
		t.Fatalf("found %v, %v", files, err)
	}
	if _, err := licenceFiles(""); err == nil {
		t.Error("a module outside the cache passed")
	}
}
