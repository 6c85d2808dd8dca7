// Package lang holds the participant page's languages: one embedded JSON
// file of strings per language (the keys of en.json in each), the choice
// of a phone's language from its Accept-Language header, and the
// stop-words word clouds leave out in each language.
package lang

import (
	"embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Language is one language of the participant page.
type Language struct {
	Code string // BCP 47 primary subtag: "nl"
	Name string // in the language itself: "Nederlands"
}

// All are the page's languages, English first (the fallback), in the
// order of the language menu.
var All = []Language{
	{"en", "English"}, {"nl", "Nederlands"}, {"pl", "Polski"}, {"lv", "Latviešu"}, {"hu", "Magyar"},
	{"sk", "Slovenčina"}, {"ro", "Română"}, {"es", "Español"}, {"da", "Dansk"},
}

// Default is the language used when nothing else decides.
const Default = "en"

//go:embed *.json
var files embed.FS

// Table is one language's strings.
type Table struct {
	Code    string
	strings map[string]string
}

var tables = map[string]*Table{}

func init() {
	for _, l := range All {
		t, err := load(l.Code)
		if err != nil {
			panic(err) // an embedded file: a broken one fails every test
		}
		tables[l.Code] = t
	}
}

func load(code string) (*Table, error) {
	b, err := files.ReadFile(code + ".json")
	if err != nil {
		return nil, err
	}
	t := &Table{Code: code}
	if err := json.Unmarshal(b, &t.strings); err != nil {
		return nil, fmt.Errorf("lang/%s.json: %w", code, err)
	}
	return t, nil
}

// Get is the table of a known language code, else English's.
func Get(code string) *Table {
	if t, ok := tables[code]; ok {
		return t
	}
	return tables[Default]
}

// Keys are the keys of a language's file (for the tests).
func (t *Table) Keys() []string {
	keys := make([]string, 0, len(t.strings))
	for k := range t.strings {
		keys = append(keys, k)
	}
	return keys
}

// Raw is a key's text before its values are put in ("" when missing).
func (t *Table) Raw(key string) string { return t.strings[key] }

// T is the text of key with args put in (fmt verbs: %d, %s, %[2]d to
// reorder). A key missing from the table falls back to English, then to
// the key itself, so that a gap shows rather than breaks the page.
func (t *Table) T(key string, args ...any) string {
	s, ok := t.strings[key]
	if !ok {
		if s, ok = tables[Default].strings[key]; !ok {
			s = key
		}
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Num writes a number with one decimal in the language's way (3.5, 3,5).
func (t *Table) Num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if sep := t.T("decimal"); sep != "." {
		s = strings.Replace(s, ".", sep, 1)
	}
	return s
}

// Name is the language's name in itself.
func (t *Table) Name() string {
	for _, l := range All {
		if l.Code == t.Code {
			return l.Name
		}
	}
	return t.Code
}

// Find is the code of a language given by code or name, in any case
// ("pl", "PL", "Polski"); ok is false for a language not offered.
func Find(s string) (code string, ok bool) {
	s = strings.TrimSpace(s)
	for _, l := range All {
		if strings.EqualFold(s, l.Code) || strings.EqualFold(s, l.Name) {
			return l.Code, true
		}
	}
	return "", false
}

// Names are the languages' names, in the order of All.
func Names() []string {
	names := make([]string, len(All))
	for i, l := range All {
		names[i] = l.Name
	}
	return names
}
