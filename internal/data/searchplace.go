package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// SearchPlace is where a hit's record is shown, for the kinds that live
// inside another record: a grid row in its grid (meeting, partner and
// theme key), an action or a learning need in its partner's, a study
// section in its study.
type SearchPlace struct {
	MeetingID string `json:"meeting_id,omitempty"`
	PartnerID string `json:"partner_id,omitempty"`
	ThemeKey  string `json:"theme_key,omitempty"`
	StudyID   string `json:"study_id,omitempty"`
}

// PlaceOf finds where a record of this search kind is shown; the other
// kinds are shown by their own id and have an empty place.
func (s *Store) PlaceOf(ctx context.Context, kind, id string) (SearchPlace, error) {
	var p SearchPlace
	var err error
	switch kind {
	case SearchGridRow:
		err = s.rd.QueryRowContext(ctx, `SELECT g.meeting_id, g.partner_id, g.theme_key FROM grid_rows r
			JOIN learning_grids g ON g.id = r.grid_id WHERE r.id = ?`, id).Scan(&p.MeetingID, &p.PartnerID, &p.ThemeKey)
	case SearchAction:
		err = s.rd.QueryRowContext(ctx, `SELECT partner_id FROM plan_actions WHERE id = ?`, id).Scan(&p.PartnerID)
	case SearchNeed:
		err = s.rd.QueryRowContext(ctx, `SELECT partner_id FROM learning_needs WHERE id = ?`, id).Scan(&p.PartnerID)
	case SearchSection:
		err = s.rd.QueryRowContext(ctx, `SELECT study_id FROM study_sections WHERE id = ?`, id).Scan(&p.StudyID)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("the %s %s: %w", kind, id, ErrNotFound)
	}
	return p, err
}
