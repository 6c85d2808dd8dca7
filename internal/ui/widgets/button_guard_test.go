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
		found = append(found, fyneButtons(fset, f)...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range found {
		t.Errorf("%s: Fyne's own button; use widgets.NewButton (Space and Enter press on key-up)", at)
	}
}

// fyneButtons are the places in f that make a Fyne widget.Button: a call
// of widget.NewButton or NewButtonWithIcon, or a widget.Button literal.
func fyneButtons(fset *token.FileSet, f *ast.File) []string {
	name := "" // what f calls fyne.io/fyne/v2/widget
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "fyne.io/fyne/v2/widget" {
			name = "widget"
			if imp.Name != nil {
				name = imp.Name.Name
			}
		}
	}
	if name == "" {
		return nil
	}
	isWidget := func(e ast.Expr, sel ...string) bool {
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
			if isWidget(x.Fun, "NewButton", "NewButtonWithIcon") {
				at = append(at, fset.Position(x.Pos()).String())
			}
		case *ast.CompositeLit:
			if isWidget(x.Type, "Button") {
				at = append(at, fset.Position(x.Pos()).String())
			}
		}
		return true
	})
	return at
}

// TestGuardFindsFyneButtons keeps the guard honest: it finds each way a
// screen could make Fyne's button, under any import name.
func TestGuardFindsFyneButtons(t *testing.T) {
	src := `package x
import fw "fyne.io/fyne/v2/widget"
var a = fw.NewButton("a", nil)
var b = fw.NewButtonWithIcon("b", nil, nil)
var c = &fw.Button{Text: "c"}
var d = fw.NewLabel("d")
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := fyneButtons(fset, f); len(got) != 3 {
		t.Errorf("found %d Fyne buttons, want 3: %v", len(got), got)
	}
}
