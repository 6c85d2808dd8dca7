package lang

import (
	"embed"
	"strings"
)

// The stop-words of each language but English (whose list is the word
// counts' own, in internal/survey): our own small selection of the
// commonest function words (articles, pronouns, prepositions, conjunctions,
// auxiliaries), which carry nothing in a word cloud.
//
//go:embed stop/*.txt
var stopFiles embed.FS

var stopWords = map[string]map[string]bool{}

func init() {
	for _, l := range All {
		b, err := stopFiles.ReadFile("stop/" + l.Code + ".txt")
		if err != nil {
			continue // English: internal/survey's list
		}
		words := map[string]bool{}
		for _, w := range strings.Fields(string(b)) {
			words[strings.ToLower(w)] = true
		}
		stopWords[l.Code] = words
	}
}

// IsStopWord tells whether w (lower case) is a function word of the
// language code (false for English and unknown codes: see above).
func IsStopWord(code, w string) bool { return stopWords[code][w] }
