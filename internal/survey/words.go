package survey

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopWords are left out of word counts: English function words, which
// carry nothing in a word cloud.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a about above after again against all am an and any are as at be because been before being
		below between both but by can could did do does doing down during each few for from further had has have having he her
		here hers herself him himself his how i if in into is it its itself just let me more most my myself no nor not now of
		off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them
		themselves then there these they this those through to too under until up very was we were what when where which while
		who whom why will with would you your yours yourself yourselves also more much many get got like would could`) {
		stopWords[w] = true
	}
}

// IsStopWord tells whether w (lower case) is an English function word,
// which word counts leave out (the live word filter uses the same list).
func IsStopWord(w string) bool { return stopWords[w] }

// Words splits free text into counted words: case folded, punctuation
// stripped (a hyphen or apostrophe inside a word stays), stop-words and
// one-letter tokens dropped.
func Words(text string) []string {
	var out []string
	eachWord(text, func(w string) { out = append(out, w) })
	return out
}

// eachWord calls fn with each counted word of text (see Words) without
// building a slice: imports count millions of words.
func eachWord(text string, fn func(string)) {
	start := -1
	emit := func(end int) {
		tok := strings.Trim(text[start:end], "-'’")
		start = -1
		if tok == "" {
			return
		}
		tok = strings.ToLower(tok) // no copy when already lower case
		if utf8.RuneCountInString(tok) < 2 || stopWords[tok] {
			return
		}
		fn(tok)
	}
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’'
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			emit(i)
		}
	}
	if start >= 0 {
		emit(len(text))
	}
}

// CloudEntries splits a word-cloud answer as Mentimeter writes it: entries
// separated by spaces, with spaces inside an entry written as "_".
func CloudEntries(text string) []string {
	var out []string
	for _, e := range strings.Fields(text) {
		e = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(e, "_", " ")))
		e = strings.TrimFunc(e, func(r rune) bool { return unicode.IsPunct(r) && r != '-' })
		if e != "" && !stopWords[e] {
			out = append(out, e)
		}
	}
	return out
}

// wholeEntry folds one word-cloud entry typed live ("Civic Trust!") to the
// form it is counted in ("civic trust").
func wholeEntry(text string) string {
	e := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	return strings.TrimFunc(e, func(r rune) bool { return unicode.IsPunct(r) && r != '-' })
}
