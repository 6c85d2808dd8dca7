package shell

import (
	"encoding/json"
	"fmt"
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
	"text/template"

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
// (this package's parent): every screen's code, not the shell's alone;
// not uitest's, which only tests link.
func uiFiles(t *testing.T) []string {
	var files []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "uitest" {
			return filepath.SkipDir
		}
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

// langFuncs are Fyne's lang functions that look a message up: where its
// key and the English it falls back to are among the arguments, and
// whether it is a plural (lang.N, lang.XN: the count picks the form).
var langFuncs = map[string]struct {
	key, fallback int
	plural        bool
}{
	"L": {0, 0, false}, "Localize": {0, 0, false},
	"N": {0, 0, true}, "LocalizePlural": {0, 0, true},
	"X": {0, 1, false}, "LocalizeKey": {0, 1, false},
	"XN": {0, 1, true}, "LocalizePluralKey": {0, 1, true},
}

// langCall is one call of Fyne's lang in internal/ui's code.
type langCall struct {
	at            string // file:line
	key, fallback string
	plural        bool
}

// fyneLangName is the name a file imports fyne.io/fyne/v2/lang as, "" if
// it does not.
func fyneLangName(f *ast.File) string {
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "fyne.io/fyne/v2/lang" {
			if imp.Name != nil {
				return imp.Name.Name
			}
			return "lang"
		}
	}
	return ""
}

// langCalls are the messages the code of internal/ui looks up through
// Fyne's lang (lang.L, lang.N, lang.X, lang.XN and their long names),
// each with the key and the English it falls back to. A key or fallback
// that is not a literal (or one of langConstants) cannot be checked, nor a
// lang function used as a value: both are errors.
func langCalls(t *testing.T) []langCall {
	var out []langCall
	fset := token.NewFileSet()
	for _, name := range uiFiles(t) {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		pkg := fyneLangName(f)
		if pkg == "" {
			continue
		}
		langFunc := func(e ast.Expr) (string, bool) {
			sel, ok := e.(*ast.SelectorExpr)
			if !ok {
				return "", false
			}
			id, ok := sel.X.(*ast.Ident)
			if _, known := langFuncs[sel.Sel.Name]; !ok || id.Name != pkg || !known {
				return "", false
			}
			return sel.Sel.Name, true
		}
		called := map[ast.Expr]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := langFunc(call.Fun)
			if !ok {
				return true
			}
			called[call.Fun] = true
			at := fset.Position(call.Pos()).String()
			arg := func(i int) (string, bool) {
				if i >= len(call.Args) {
					return "", false
				}
				switch a := call.Args[i].(type) {
				case *ast.BasicLit:
					if a.Kind == token.STRING {
						s, err := strconv.Unquote(a.Value)
						return s, err == nil
					}
				case *ast.SelectorExpr:
					if p, ok := a.X.(*ast.Ident); ok {
						s, ok := langConstants[p.Name+"."+a.Sel.Name]
						return s, ok
					}
				}
				return "", false
			}
			spec := langFuncs[fn]
			key, okKey := arg(spec.key)
			fallback, okFallback := arg(spec.fallback)
			if !okKey || !okFallback {
				t.Errorf("%s: lang.%s of a non-literal: its key cannot be checked", at, fn)
				return true
			}
			out = append(out, langCall{at: at, key: key, fallback: fallback, plural: spec.plural})
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok && !called[e] {
				if fn, ok := langFunc(e); ok {
					t.Errorf("%s: lang.%s used as a value: its keys cannot be checked", fset.Position(e.Pos()), fn)
				}
			}
			return true
		})
	}
	return out
}

// enEntry is a message of en.json as Fyne's lang (go-i18n) reads it: a
// string is the message itself (its "other" form); an object holds the
// message's plural forms under the CLDR names ("one", "other"…, matched
// case-insensitively) and may describe it.
type enEntry struct {
	forms  map[string]string
	plural bool
}

// pluralFields are the words go-i18n reads in a message object; an object
// with any other is not one message (go-i18n rejects it, or reads it as a
// group of messages with dotted keys).
var pluralFields = []string{"id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation"}

func readEnglishJSON(t *testing.T, b []byte) map[string]enEntry {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	en := map[string]enEntry{}
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			en[k] = enEntry{forms: map[string]string{"other": s}}
			continue
		}
		var obj map[string]string
		if err := json.Unmarshal(v, &obj); err != nil {
			t.Errorf("en.json: %q is neither a string nor an object of plural forms: %v", k, err)
			continue
		}
		e := enEntry{forms: map[string]string{}, plural: true}
		for f, s := range obj {
			if !slices.Contains(pluralFields, strings.ToLower(f)) {
				t.Errorf("en.json: %q has %q, which is no plural form", k, f)
			}
			e.forms[strings.ToLower(f)] = s
		}
		en[k] = e
	}
	return en
}

// checkEnglish says what is wrong between the messages the code looks up
// and en.json: a message it lacks, or has in the wrong shape (plural forms
// for lang.L, a plain string for lang.N, no "one" and "other"), English
// that is not the code's, and entries no code uses.
func checkEnglish(calls []langCall, en map[string]enEntry) []string {
	var errs []string
	used := map[string]bool{}
	for _, c := range calls {
		used[c.key] = true
		e, ok := en[c.key]
		switch {
		case !ok:
			errs = append(errs, fmt.Sprintf("%s: en.json lacks %q", c.at, c.key))
		case c.plural && !e.plural:
			errs = append(errs, fmt.Sprintf("%s: %q is a plural (lang.N): en.json must give it as {\"one\": …, \"other\": …}", c.at, c.key))
		case c.plural && (e.forms["one"] == "" || e.forms["other"] == ""):
			errs = append(errs, fmt.Sprintf("%s: en.json's %q lacks the form \"one\" or \"other\": %q", c.at, c.key, e.forms))
		case !c.plural && e.plural:
			errs = append(errs, fmt.Sprintf("%s: en.json gives %q plural forms, but lang.L shows only \"other\"", c.at, c.key))
		}
		if ok && e.forms["other"] != c.fallback {
			errs = append(errs, fmt.Sprintf("%s: en.json's %q says %q, the code %q", c.at, c.key, e.forms["other"], c.fallback))
		}
	}
	for k := range en {
		if !used[k] {
			errs = append(errs, fmt.Sprintf("en.json has %q, which no code uses", k))
		}
	}
	slices.Sort(errs)
	return errs
}

// Every message the app's screens localise — the shell's, the live
// session's, any package's under internal/ui, through lang.L, lang.N,
// lang.X or lang.XN — is in the one translations/en.json (the file a
// translator starts from), a plural with both its English forms, and
// en.json holds no message nobody uses.
func TestUIStringsAreInEnglishJSON(t *testing.T) {
	b, err := os.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	calls := langCalls(t)
	if len(calls) < 40 {
		t.Fatalf("only %d messages go through lang", len(calls))
	}
	for _, e := range checkEnglish(calls, readEnglishJSON(t, b)) {
		t.Error(e)
	}
	if got := lang.L("Undo {{.Name}}", map[string]any{"Name": "delete practice"}); got != "Undo delete practice" {
		t.Fatalf("a string with a value: %q", got)
	}
}

// The check finds what is missing or misshapen, for lang.L as for lang.N,
// lang.X and lang.XN.
func TestTheEnglishCheckFindsMistakes(t *testing.T) {
	en := readEnglishJSON(t, []byte(`{
		"Stop": "Stop",
		"{{.Count}} files": {"one": "{{.Count}} file", "other": "{{.Count}} files"},
		"{{.Count}} rows": "{{.Count}} rows",
		"{{.Count}} cells": {"other": "{{.Count}} cells"},
		"menu.close": "Close",
		"Unused": "Unused"}`))
	calls := []langCall{
		{at: "a", key: "Stop", fallback: "Stop"},
		{at: "b", key: "{{.Count}} files", fallback: "{{.Count}} files", plural: true},
		{at: "c", key: "{{.Count}} rows", fallback: "{{.Count}} rows", plural: true},
		{at: "d", key: "{{.Count}} cells", fallback: "{{.Count}} cells", plural: true},
		{at: "e", key: "menu.close", fallback: "Close"},
		{at: "f", key: "menu.open", fallback: "Open"},
		{at: "g", key: "{{.Count}} people", fallback: "{{.Count}} people", plural: true},
		{at: "h", key: "{{.Count}} files", fallback: "{{.Count}} files"},
	}
	want := []string{
		`c: "{{.Count}} rows" is a plural`,
		`d: en.json's "{{.Count}} cells" lacks the form "one"`,
		`en.json has "Unused"`,
		`f: en.json lacks "menu.open"`,
		`g: en.json lacks "{{.Count}} people"`,
		`h: en.json gives "{{.Count}} files" plural forms`,
	}
	errs := checkEnglish(calls, en)
	if len(errs) != len(want) {
		t.Errorf("%d errors, want %d: %q", len(errs), len(want), errs)
	}
	for i, w := range want {
		if i >= len(errs) || !strings.HasPrefix(errs[i], w) {
			t.Errorf("error %d: want %q…; errors %q", i, w, errs)
		}
	}
}

// Fyne's lang reads en.json's plurals as the check above expects: the
// count picks the form — "1 answer", "3 answers" — for every plural the
// file holds.
func TestPluralsResolveThroughFyne(t *testing.T) {
	figures := map[string]any{"Mean": "5.00", "Median": "5", "Count": 1}
	if got := lang.N("mean {{.Mean}} · median {{.Median}} · {{.Count}} answers", 1, figures); got != "mean 5.00 · median 5 · 1 answer" {
		t.Errorf("one answer: %q", got)
	}
	figures["Count"] = 3
	if got := lang.N("mean {{.Mean}} · median {{.Median}} · {{.Count}} answers", 3, figures); got != "mean 5.00 · median 5 · 3 answers" {
		t.Errorf("three answers: %q", got)
	}
	b, err := os.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	plurals := 0
	for key, e := range readEnglishJSON(t, b) {
		if !e.plural {
			continue
		}
		plurals++
		for n, form := range map[int]string{1: "one", 0: "other", 3: "other"} {
			data := map[string]any{"Count": n}
			var want strings.Builder
			if err := template.Must(template.New(key).Parse(e.forms[form])).Execute(&want, data); err != nil {
				t.Fatal(err)
			}
			if got := lang.N(key, n, data); got != want.String() {
				t.Errorf("lang.N(%q, %d) = %q, want en.json's %q form %q", key, n, got, form, want.String())
			}
		}
	}
	if plurals == 0 {
		t.Fatal("en.json holds no plural")
	}
}
