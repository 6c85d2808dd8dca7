package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letters that do not decompose into a base letter plus accents.
var foldLetters = strings.NewReplacer("ł", "l", "ø", "o", "đ", "d", "ß", "ss", "æ", "ae", "œ", "oe", "ı", "i", "ħ", "h", "þ", "th")

// NameKey folds a name for matching: case, accents and spacing do not count,
// so "GDANSK", "Gdańsk" and " gdańsk " are the same partner.
func NameKey(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		if !unicode.Is(unicode.Mn, r) && !unicode.IsControl(r) { // drop the accents NFD split off, and control characters
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(foldLetters.Replace(b.String())), " ")
}
