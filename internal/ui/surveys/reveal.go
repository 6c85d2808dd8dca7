package surveys

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Reveal shows a survey answer found by the search (shell.Revealer): id
// is "survey/respondent/question" (0-based). The survey's results open
// scrolled to the question, its answers searched for the words that found
// the answer.
func (v *surveysView) Reveal(kind, id string) bool {
	surveyID, rest, _ := strings.Cut(id, "/")
	_, q, _ := strings.Cut(rest, "/")
	question, err := strconv.Atoi(q)
	if kind != data.SearchAnswer || err != nil {
		return false
	}
	v.selected = surveyID
	v.selectID(surveyID)
	if v.results.sv.ID != surveyID {
		return false
	}
	return v.results.revealQuestion(question, v.sh.SearchWords())
}

// revealQuestion scrolls to the card of the question at this position
// (0-based) and searches its answers for words.
func (r *surveyResults) revealQuestion(position int, words string) bool {
	for i, q := range r.res.Questions {
		if q.Position-1 != position || i >= len(r.body.Objects) {
			continue
		}
		for _, p := range r.panels {
			if p.q.Position == q.Position {
				p.search.SetText(words)
			}
		}
		r.scroll.Refresh() // lays the cards out: they were just drawn
		r.scroll.ScrollToOffset(fyne.NewPos(0, r.body.Objects[i].Position().Y))
		return true
	}
	return false
}
