package survey

import (
	"fmt"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// GuessSubTheme picks the sub-theme whose title shares the most words
// with a learning need's text (stems compared by their first five
// letters, so "participatory" meets "participation"); "" when none does.
func GuessSubTheme(text string, themes []data.Theme) string {
	stems := map[string]bool{}
	for _, w := range Words(data.NameKey(text)) {
		stems[stem(w)] = true
	}
	best, bestScore := "", 0
	for _, th := range themes {
		for _, st := range th.SubThemes {
			score := 0
			for _, w := range Words(data.NameKey(st.Title)) {
				if stems[stem(w)] {
					score++
				}
			}
			if score > bestScore {
				best, bestScore = st.ID, score
			}
		}
	}
	return best
}

func stem(w string) string {
	if r := []rune(w); len(r) > 5 {
		return string(r[:5])
	}
	return w
}

// NeedText drafts a learning need from a whole question: its prompt and
// what most respondents answered.
func NeedText(q QuestionResult) string {
	var top []string
	switch {
	case len(q.Options) > 0:
		top = append(top, fmt.Sprintf("%s (%d of %d)", q.Options[0].Label, q.Options[0].Count, q.Respondents))
	case len(q.Items) > 0:
		top = append(top, q.Items[0].Label)
	case len(q.Statements) > 0:
		low := q.Statements[0] // the statement rated lowest is where help is needed
		for _, st := range q.Statements[1:] {
			if st.Count > 0 && (low.Count == 0 || st.Mean < low.Mean) {
				low = st
			}
		}
		top = append(top, fmt.Sprintf("%s (mean %.1f)", low.Label, low.Mean))
	default:
		for i, w := range q.Words {
			if i == 3 {
				break
			}
			top = append(top, w.Word)
		}
	}
	if len(top) == 0 {
		return q.Prompt
	}
	return strings.TrimRight(q.Prompt, " ?:…") + ": " + strings.Join(top, ", ")
}
