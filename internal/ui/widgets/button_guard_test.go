package widgets

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestScreensUseOurButton fails when a screen makes one of Fyne's own
// buttons: they take Space on its key-down, and the character of the same
// key lands in the field the button opened (see Button). Every button of
// the app's screens is a Button; only this file's package builds Fyne's.
func TestScreensUseOurButton(t *testing.T) {
	for _, at := range onScreens(t, fyneButtons) {
		t.Errorf("%s: Fyne's own button; use widgets.NewButton (Space and Enter press on key-up)", at)
	}
}

// TestScreensUseOurScroll fails when a screen makes Fyne's vertical scroll
// itself: its bar would cover the right-hand edge of the content (see
// VScroll). A scroll only sideways (a legend) has no vertical bar.
func TestScreensUseOurScroll(t *testing.T) {
	for _, at := range onScreens(t, fyneScrolls) {
		t.Errorf("%s: Fyne's own vertical scroll; use widgets.VScroll or widgets.Scroll (they keep the bar's room free)", at)
	}
}

// onScreens runs find over every non-test Go file of the screens outside
// this package and returns the places it reports.
func onScreens(t *testing.T, find func(*token.FileSet, *ast.File) []string) []string {
	t.Helper()
	fset := token.NewFileSet()
	var found []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || filepath.Dir(path) == filepath.Join("..", "widgets") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		found = append(found, find(fset, f)...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func fyneButtons(fset *token.FileSet, f *ast.File) []string {
	return uses(fset, f, "fyne.io/fyne/v2/widget", []string{"NewButton", "NewButtonWithIcon"}, []string{"Button"})
}

func fyneScrolls(fset *token.FileSet, f *ast.File) []string {
	return uses(fset, f, "fyne.io/fyne/v2/container", []string{"NewVScroll", "NewScroll"}, []string{"Scroll"})
}

// uses are the places in f that call one of calls or write a literal of one
// of types from the package at path, under whatever name f imports it.
func uses(fset *token.FileSet, f *ast.File, path string, calls, types []string) []string {
	name := ""
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == path {
			name = filepath.Base(path)
			if imp.Name != nil {
				name = imp.Name.Name
			}
		}
	}
	if name == "" {
		return nil
	}
	isOf := func(e ast.Expr, sel []string) bool {
		s, ok := e.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		x, ok := s.X.(*ast.Ident)
		if !ok || x.Name != name {
			return false
		}
		for _, want := range sel {
			if s.Sel.Name == want {
				return true
			}
		}
		return false
	}
	var at []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			if isOf(x.Fun, calls) {
				at = append(at, fset.Position(x.Pos()).String())
			}
		case *ast.CompositeLit:
			if isOf(x.Type, types) {
				at = append(at, fset.Position(x.Pos()).String())
			}
		}
		return true
	})
	return at
}

// TestGuardsFindWhatTheyLookFor keeps the guards honest: they find each way
// a screen could make Fyne's button or scroll, under any import name.
func TestGuardsFindWhatTheyLookFor(t *testing.T) {
	src := `package x
import (
	fw "fyne.io/fyne/v2/widget"
	box "fyne.io/fyne/v2/container"
)
var a = fw.NewButton("a", nil)
var b = fw.NewButtonWithIcon("b", nil, nil)
var c = &fw.Button{Text: "c"}
var d = fw.NewLabel("d")
var e = box.NewVScroll(d)
var f = box.NewScroll(d)
var g = &box.Scroll{}
var h = box.NewHScroll(d)
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := fyneButtons(fset, f); len(got) != 3 {
		t.Errorf("found %d Fyne buttons, want 3: %v", len(got), got)
	}
	if got := fyneScrolls(fset, f); len(got) != 3 {
		t.Errorf("found %d Fyne vertical scrolls, want 3: %v", len(got), got)
	}
}
