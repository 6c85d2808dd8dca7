package data

import "context"

// PartnerRespondents is how many of a survey's respondents one partner
// accounts for; PartnerID "" counts those matched to no partner.
type PartnerRespondents struct {
	PartnerID string
	Count     int
}

// SurveyRespondentsByPartner counts a survey's respondents per partner from
// the counts triggers keep (migration 00015): a few rows, whatever the
// number of respondents. A partner deleted since keeps its count under its
// id; callers that list the network's partners count it as no partner.
func (s *Store) SurveyRespondentsByPartner(ctx context.Context, surveyID string) ([]PartnerRespondents, error) {
	return queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (PartnerRespondents, error) {
		var pr PartnerRespondents
		err := r.Scan(&pr.PartnerID, &pr.Count)
		return pr, err
	}, `SELECT partner_key, respondents FROM survey_partner_respondents WHERE survey_id = ? AND respondents > 0`, surveyID)
}
