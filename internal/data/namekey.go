package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// letters that do not decompose into a base letter plus accents.
var foldLetters = strings.NewReplacer("ł", "l", "ø", "o", "đ", "d", "ß", "ss", "æ", "ae", "œ", "oe", "ı", "i", "ħ", "h", "þ", "th")

// NameKey folds a name for matching: case, accents and spacing do not count,
// so "GDANSK", "Gdańsk" and " gdańsk " are the same partner.
func NameKey(name string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, strings.ToLower(name))
	if err != nil {
		folded = strings.ToLower(name)
	}
	return strings.Join(strings.Fields(foldLetters.Replace(folded)), " ")
}
