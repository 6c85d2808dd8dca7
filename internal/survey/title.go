package survey

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TitleFromFile is the title a survey read from the file at path gets
// when none is given: the file's name as the room would read it on the
// slide and the phones — no extension, underscores and hyphens as spaces
// (a hyphen between digits, as in a date, kept), the first letter a
// capital: "online-academy-2.csv" is "Online academy 2", "my_survey.xlsx"
// "My survey". Every import that names a survey after its file names it
// here.
func TitleFromFile(path string) string {
	base := filepath.Base(path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	r := []rune(stem)
	for i, c := range r {
		digits := i > 0 && i < len(r)-1 && unicode.IsDigit(r[i-1]) && unicode.IsDigit(r[i+1])
		if c == '_' || (c == '-' && !digits) {
			r[i] = ' '
		}
	}
	title := strings.Join(strings.Fields(string(r)), " ")
	if title == "" {
		return base
	}
	first, n := utf8.DecodeRuneInString(title)
	return string(unicode.ToUpper(first)) + title[n:]
}
