package data

import "context"

// PartnerRespondents is how many of a survey's respondents one partner
// accounts for; PartnerID "" counts those matched to no partner.
type PartnerRespondents struct {
	PartnerID string
	Count     int
}

// SurveyRespondentsByPartner counts a survey's respondents per partner in
// one grouped query over the survey's rows (its primary key's prefix).
func (s *Store) SurveyRespondentsByPartner(ctx context.Context, surveyID string) ([]PartnerRespondents, error) {
	return queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (PartnerRespondents, error) {
		var pr PartnerRespondents
		err := r.Scan(&pr.PartnerID, &pr.Count)
		return pr, err
	}, `SELECT COALESCE(partner_id, ''), COUNT(*) FROM survey_respondents WHERE survey_id = ? GROUP BY COALESCE(partner_id, '')`, surveyID)
}
