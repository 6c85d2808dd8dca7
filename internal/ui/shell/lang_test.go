package shell

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/aoce-desktop/aoce-desktop/internal/sync"
)

// langConstants are the other packages' sentences the shell localises by
// name (the command line prints the same words): their keys are checked
// like literals.
var langConstants = map[string]string{
	"sync.RejoinedNote": sync.RejoinedNote,
}

// uiFiles are the non-test Go files of every package under internal/ui
// (this package's parent): every screen's code, not the shell's alone.
func uiFiles(t *testing.T) []string {
	var files []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// langCalls are the strings the code of internal/ui passes to lang.L.
func langCalls(t *testing.T) []string {
	var out []string
	fset := token.NewFileSet()
	for _, name := range uiFiles(t) {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "L" {
				return true
			}
			if id, isID := sel.X.(*ast.Ident); !isID || id.Name != "lang" {
				return true
			}
			if c, ok := call.Args[0].(*ast.SelectorExpr); ok {
				if pkg, ok := c.X.(*ast.Ident); ok {
					if s, ok := langConstants[pkg.Name+"."+c.Sel.Name]; ok {
						out = append(out, s)
						return true
					}
				}
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				t.Errorf("%s: lang.L of a non-literal: its key cannot be checked", fset.Position(call.Pos()))
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			out = append(out, s)
			return true
		})
	}
	return out
}

// Every string the app's screens localise — the shell's, the live
// session's, any package's under internal/ui — is in the one
// translations/en.json (the file a translator starts from), and en.json
// holds no string nobody uses.
func TestUIStringsAreInEnglishJSON(t *testing.T) {
	b, err := os.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]string
	if err := json.Unmarshal(b, &en); err != nil {
		t.Fatal(err)
	}
	used := langCalls(t)
	if len(used) < 40 {
		t.Fatalf("only %d strings go through lang.L", len(used))
	}
	for _, s := range used {
		if en[s] != s {
			t.Errorf("en.json lacks %q", s)
		}
	}
	for k := range en {
		if !slices.Contains(used, k) {
			t.Errorf("en.json has %q, which no code uses", k)
		}
	}
	if got := lang.L("Undo {{.Name}}", map[string]any{"Name": "delete practice"}); got != "Undo delete practice" {
		t.Fatalf("a string with a value: %q", got)
	}
}
