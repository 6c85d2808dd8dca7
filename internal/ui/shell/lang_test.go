package shell

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/aoce-desktop/aoce-desktop/internal/sync"
)

// langCalls are the strings the shell's code passes to lang.L.
// langConstants are the other packages' sentences the shell localises by
// name (the command line prints the same words): their keys are checked
// like literals.
var langConstants = map[string]string{
	"sync.RejoinedNote": sync.RejoinedNote,
}

func langCalls(t *testing.T) []string {
	files, _ := filepath.Glob("*.go")
	var out []string
	fs := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fs, name, nil, 0)
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
				t.Errorf("%s: lang.L of a non-literal: its key cannot be checked", fs.Position(call.Pos()))
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			out = append(out, s)
			return true
		})
	}
	return out
}

// Every string the shell localises is in translations/en.json (the file
// a translator starts from), and en.json holds no string nobody uses.
func TestShellStringsAreInEnglishJSON(t *testing.T) {
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
