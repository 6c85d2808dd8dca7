package survey

import (
	"context"
	"fmt"
	"sort"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// PartnerBlock says how many respondents answered from each partner: the
// 'respondents_by_partner' of the results. Every partner of the network is
// listed (nobody answering from a city is a finding too), most first.
type PartnerBlock struct {
	Partners  []PartnerCount `json:"partners"`
	Unmatched int            `json:"unmatched"` // respondents matched to no partner
}

// PartnerCount is one partner's respondents.
type PartnerCount struct {
	PartnerID string  `json:"partner_id"`
	Name      string  `json:"name"`
	Count     int     `json:"count"`
	Percent   float64 `json:"percent"` // of all the survey's respondents
}

// partnersPrompt heads the respondents per partner wherever they show.
const partnersPrompt = "Respondents per partner"

// isPartnerBlock tells the respondents per partner drawn as a question.
func isPartnerBlock(q QuestionResult) bool { return q.Position == 0 && q.Prompt == partnersPrompt }

// unmatchedLabel names the respondents of no partner in charts and tables.
const unmatchedLabel = "No partner"

// loadPartnerBlock counts respondents per partner; nil when no respondent
// is tied to a partner (the survey had no partner column, or none matched).
func loadPartnerBlock(ctx context.Context, s *data.Store, sv data.Survey) (*PartnerBlock, error) {
	counts, err := s.SurveyRespondentsByPartner(ctx, sv.ID)
	if err != nil {
		return nil, fmt.Errorf("could not count the respondents per partner: %w", err)
	}
	byID, total := map[string]int{}, 0
	for _, c := range counts {
		byID[c.PartnerID] = c.Count
		total += c.Count
	}
	if len(byID) == 0 || len(byID) == 1 && byID[""] > 0 {
		return nil, nil
	}
	ps, err := s.Partners(ctx, sv.NetworkID)
	if err != nil {
		return nil, err
	}
	percent := func(n int) float64 { return float64(n) * 100 / float64(max(total, 1)) }
	b := &PartnerBlock{Partners: make([]PartnerCount, 0, len(ps)), Unmatched: total}
	for _, p := range ps {
		n := byID[p.ID]
		b.Partners = append(b.Partners, PartnerCount{PartnerID: p.ID, Name: p.Name, Count: n, Percent: percent(n)})
		b.Unmatched -= n // what no partner of the network accounts for is unmatched
	}
	sort.SliceStable(b.Partners, func(i, j int) bool { return b.Partners[i].Count > b.Partners[j].Count })
	return b, nil
}

// AsQuestion gives the block the shape of a choice question's results, so
// that the screen, the PDF and the slides draw it with the same bars.
func (b PartnerBlock) AsQuestion(respondents int) QuestionResult {
	q := QuestionResult{Kind: data.KindSingleChoice, Prompt: partnersPrompt, Respondents: respondents} // Position 0: no question of the survey
	for _, p := range b.Partners {
		q.Options = append(q.Options, OptionResult{Label: p.Name, Count: p.Count, Percent: p.Percent})
	}
	if b.Unmatched > 0 {
		q.Options = append(q.Options, OptionResult{Label: unmatchedLabel, Count: b.Unmatched, Percent: float64(b.Unmatched) * 100 / float64(max(respondents, 1))})
	}
	return q
}
