package data

import "context"

// LinkSurvey records the meeting a survey was held at ("" for none), so
// that the meeting's deck shows its results. The meeting must be of the
// survey's network.
func (s *Store) LinkSurvey(ctx context.Context, surveyID, meetingID string) error {
	if meetingID != "" {
		var same bool
		if err := s.rd.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM surveys v JOIN meetings m ON m.network_id = v.network_id
			WHERE v.id = ? AND m.id = ?)`, surveyID, meetingID).Scan(&same); err != nil {
			return err
		}
		if !same {
			return &ConstraintError{Msg: "a survey can only be linked to a meeting of its own network"}
		}
	}
	return mustAffect(s.db.ExecContext(ctx, `UPDATE surveys SET meeting_id = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`,
		nullable(meetingID), now(), surveyID))
}
