package main

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"testing"
)

// Headless commands work without the UI: only gui.go, which starts the
// window and hands the PNG renderer to the exports, imports it.
func TestOnlyTheGUIFileImportsTheUI(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range files {
		parsed, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range parsed.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if path != "github.com/aoce-desktop/aoce-desktop/internal/ui" {
				continue
			}
			if f != "gui.go" {
				t.Errorf("%s imports the UI", f)
			}
			found = true
		}
	}
	if !found {
		t.Error("gui.go no longer imports the UI: is the test looking at the right files?")
	}
}
