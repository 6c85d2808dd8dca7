package survey

import (
	"context"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// TextAnswer is one respondent's answer to a question, as text.
type TextAnswer struct {
	Respondent int    `json:"respondent"` // 1-based, as in the exports
	PartnerID  string `json:"partner_id"`
	Text       string `json:"text"`
	Hidden     bool   `json:"hidden,omitempty"` // hidden from the room in a live session
}

// AnswerPage is what a search of a question's answers found: the first
// matches and how many there are in all.
type AnswerPage struct {
	Answers []TextAnswer
	Total   int
	Hidden  int // of Total, hidden from the room
}

// SearchAnswers streams the respondents (of one partner, or all) and keeps
// the answers to question index that contain query, ignoring case and
// accents ("gdansk" finds "Gdańsk"). Only the first limit answers are kept,
// so memory stays small whatever the survey's size; Total counts them all.
func SearchAnswers(ctx context.Context, s *data.Store, sv data.Survey, index int, partnerID, query string, limit int) (AnswerPage, error) {
	var page AnswerPage
	needle := data.NameKey(query)
	hiddenOnes, err := s.LiveHiddenAnswers(ctx, sv.ID)
	if err != nil {
		return page, err
	}
	hidden := map[int]bool{}
	for _, h := range hiddenOnes {
		if h.Question == index {
			hidden[h.Position] = true
		}
	}
	err = s.EachRespondent(ctx, sv.ID, partnerID, func(r data.Respondent) error {
		if index >= len(r.Answers) || len(r.Answers[index]) == 0 {
			return nil
		}
		text := strings.Join(nonEmpty(r.Answers[index]), "; ")
		if text == "" || needle != "" && !strings.Contains(data.NameKey(text), needle) {
			return nil
		}
		page.Total++
		if hidden[r.Position] {
			page.Hidden++
		}
		if len(page.Answers) < limit {
			page.Answers = append(page.Answers, TextAnswer{Respondent: r.Position + 1, PartnerID: r.PartnerID, Text: text, Hidden: hidden[r.Position]})
		}
		return ctx.Err()
	})
	return page, err
}

func nonEmpty(values []string) []string {
	out := values[:0:0]
	for _, v := range values {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}
