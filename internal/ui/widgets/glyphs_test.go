package widgets

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

// No character the screens' strings hold is missing from the text font
// before a space: Fyne draws such a character from its symbol font (→) or
// a font of the system (★), and shapes the space after it in that font
// too; the symbol font has no space and draws a missing-glyph box
// ("Network →� Sync now", seen in the app and in the test driver). Menu
// paths are written "File › Import network…".
func TestTheScreensStringsAreInTheTextFont(t *testing.T) {
	f, err := font.ParseTTF(bytes.NewReader(theme.DefaultTextFont().Content()))
	if err != nil {
		t.Fatal(err)
	}
	sym, err := font.ParseTTF(bytes.NewReader(theme.DefaultSymbolFont().Content()))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{".", "../shell"} { // the shared widgets and the shell; the other screens have their own owners
		checkStrings(t, f, sym, dir)
	}
}

func checkStrings(t *testing.T, f, sym *font.Face, dir string) {
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			rs := []rune(s)
			for i, r := range rs {
				_, inText := f.NominalGlyph(r)
				_, inSymbol := sym.NominalGlyph(r)
				if !inText && inSymbol && i+1 < len(rs) && unicode.IsSpace(rs[i+1]) {
					t.Errorf("%s: %q has %q before a space, and the text font has not %[3]q", path, s, r)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
