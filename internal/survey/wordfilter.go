package survey

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live/lang"
)

// WordFilter is the word filter of clouds and the Q&A, live and after: the
// stop-words of the partners' languages and the presenter's words to hide.
type WordFilter struct {
	StopWords bool     `json:"stop_words"` // leave function words out of clouds (see Words)
	Hide      []string `json:"hide,omitempty"`
}

// Cleaned folds the words to hide to lower case, without blanks or repeats.
func (f WordFilter) Cleaned() WordFilter {
	var hide []string
	for _, w := range f.Hide {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" && !slices.Contains(hide, w) {
			hide = append(hide, w)
		}
	}
	f.Hide = hide
	return f
}

// hides tells whether an entry of a cloud contains a word to hide.
func (f WordFilter) hides(entry string) bool {
	entry = strings.ToLower(entry)
	for _, w := range f.Hide {
		if strings.Contains(entry, w) {
			return true
		}
	}
	return false
}

// Words is a cloud's words with the filter applied: the stop-words left
// out are English's and those of the languages langs (codes: the
// session's and those phones answered in, Session.WordLanguages), alone
// and at a phrase's start and end ("the library" counts as "library";
// "city of the future" keeps its inner ones). Entries that become the
// same are counted together, the most frequent first.
func (f WordFilter) Words(words []WordResult, langs []string) []WordResult {
	var out []WordResult
	at := map[string]int{} // an entry's place in out, by its lower case
	for _, w := range words {
		word := w.Word
		if f.StopWords {
			word = trimStopWords(word, langs)
		}
		if word == "" || f.hides(word) {
			continue
		}
		key := strings.ToLower(word)
		if i, ok := at[key]; ok {
			out[i].Count += w.Count
			continue
		}
		at[key] = len(out)
		out = append(out, WordResult{Word: word, Count: w.Count})
	}
	slices.SortStableFunc(out, func(a, b WordResult) int { return b.Count - a.Count })
	return out
}

// trimStopWords is an entry without the stop-words at its start and end
// ("" when it has nothing else).
func trimStopWords(entry string, langs []string) string {
	fields := strings.Fields(entry)
	stop := func(w string) bool { return isStopWord(strings.ToLower(strings.Trim(w, ".,;:!?\"'()")), langs) }
	for len(fields) > 0 && stop(fields[0]) {
		fields = fields[1:]
	}
	for len(fields) > 0 && stop(fields[len(fields)-1]) {
		fields = fields[:len(fields)-1]
	}
	return strings.Join(fields, " ")
}

// Mask replaces each word to hide in a sentence by dots of its length:
// the stored text stays whole, the room does not read it.
func (f WordFilter) Mask(text string) string {
	if len(f.Hide) == 0 {
		return text
	}
	fields := strings.Fields(text)
	for i, word := range fields {
		if f.hides(strings.Trim(word, ".,;:!?\"'()")) {
			fields[i] = strings.Repeat("•", len([]rune(word)))
		}
	}
	return strings.Join(fields, " ")
}

// isStopWord tells whether w (lower case) is an English function word or
// one of a language of langs.
func isStopWord(w string, langs []string) bool {
	if IsStopWord(w) {
		return true
	}
	for _, code := range langs {
		if lang.IsStopWord(code, w) {
			return true
		}
	}
	return false
}

// CloudFilter is the word filter the presenter last set for the survey's
// live sessions (the stop-words left out when it never ran live).
func CloudFilter(ctx context.Context, s *data.Store, surveyID string) (WordFilter, error) {
	f := WordFilter{StopWords: true}
	state, err := s.LiveControls(ctx, surveyID)
	if err != nil || state == "" {
		return f, err
	}
	var c struct {
		Filter *WordFilter `json:"filter"`
	}
	if json.Unmarshal([]byte(state), &c) == nil && c.Filter != nil {
		f = c.Filter.Cleaned()
	}
	return f, nil
}

// AllLanguages are the codes of the partners' languages: after a session
// a cloud leaves out the stop-words of every one (who answered in which
// is not kept).
func AllLanguages() []string {
	var out []string
	for _, l := range lang.All {
		out = append(out, l.Code)
	}
	return out
}
