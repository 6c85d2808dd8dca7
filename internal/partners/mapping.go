package partners

import (
	"strings"
	"unicode"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Mapping says, per column of a file, which field it fills ("" = ignored).
type Mapping []string

// foldHeader reduces a header to lower-case words without accents or
// punctuation: "E-mail (contact)" → "e mail contact".
func foldHeader(h string) string {
	h = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, h)
	return data.NameKey(h)
}

// GuessMapping maps each header to the field it names, by key, label or
// alias; a field is given to its first matching column only.
func GuessMapping(header []string) Mapping {
	m := make(Mapping, len(header))
	used := map[string]bool{}
	for i, h := range header {
		fh := foldHeader(h)
		if fh == "" {
			continue
		}
		for _, f := range Fields {
			if used[f.Key] || !headerMatches(fh, f) {
				continue
			}
			m[i], used[f.Key] = f.Key, true
			break
		}
	}
	return m
}

func headerMatches(fh string, f Field) bool {
	if fh == foldHeader(f.Key) || fh == foldHeader(f.Label) {
		return true
	}
	for _, a := range f.Aliases {
		if fh == a {
			return true
		}
	}
	return false
}
