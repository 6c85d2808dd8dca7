package data

import (
	"context"
	"database/sql"
	"strings"
)

// Learning-need priorities.
const (
	PriorityHigh   = 1
	PriorityMedium = 2
	PriorityLow    = 3
)

// Where a learning need came from.
const (
	NeedTyped  = "typed"
	NeedSurvey = "survey"
)

// LearningNeed is what one partner wants to learn on one sub-theme.
type LearningNeed struct {
	ID          string
	NetworkID   string
	PartnerID   string
	SubThemeID  string
	Text        string
	Priority    int
	Source      string // NeedTyped or NeedSurvey
	SurveyID    string // for NeedSurvey: the survey, question and answers it came from
	QuestionID  string
	Respondents string // respondent numbers, "3,17"; empty for a whole question
	MeetingID   string // the meeting it is to be answered at, if known
	CreatedAt   string
}

func (n LearningNeed) check() error {
	switch {
	case strings.TrimSpace(n.Text) == "":
		return &ConstraintError{Msg: "a learning need needs a text"}
	case n.PartnerID == "":
		return &ConstraintError{Msg: "a learning need belongs to a partner"}
	case n.SubThemeID == "":
		return &ConstraintError{Msg: "a learning need is about a sub-theme"}
	case n.Priority < PriorityHigh || n.Priority > PriorityLow:
		return &ConstraintError{Msg: "a learning need's priority is high, medium or low"}
	}
	return nil
}

// CreateLearningNeed stores a learning need and, when markMatrix is set,
// marks the knowledge need in the partner's matrix cell for the sub-theme
// (a good practice there stays: the cell becomes "good practice and
// knowledge need"). Both happen or neither.
func (s *Store) CreateLearningNeed(ctx context.Context, n LearningNeed, markMatrix bool) (LearningNeed, error) {
	if n.Source == "" {
		n.Source = NeedTyped
	}
	if err := n.check(); err != nil {
		return n, err
	}
	n.ID, n.CreatedAt = newID(), now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO learning_needs (id, network_id, partner_id, sub_theme_id, text, priority, source,
			survey_id, question_id, respondents, meeting_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			n.ID, n.NetworkID, n.PartnerID, n.SubThemeID, strings.TrimSpace(n.Text), n.Priority, n.Source,
			nullable(n.SurveyID), nullable(n.QuestionID), n.Respondents, nullable(n.MeetingID), n.CreatedAt, n.CreatedAt); err != nil {
			return err
		}
		if !markMatrix {
			return nil
		}
		return markKnowledgeNeed(ctx, tx, n.PartnerID, n.SubThemeID)
	})
	return n, err
}

// markKnowledgeNeed adds a knowledge need to a matrix cell, keeping its
// good practices: empty → kn, gp → gp_kn, and kn or gp_kn stay.
func markKnowledgeNeed(ctx context.Context, tx *sql.Tx, partnerID, subThemeID string) error {
	t := now()
	_, err := tx.ExecContext(ctx, `INSERT INTO matrix_cells (id, partner_id, sub_theme_id, state, noted, created_at, updated_at)
		VALUES (?,?,?,'kn','kn',?,?) ON CONFLICT (partner_id, sub_theme_id) DO UPDATE
		SET state = CASE state WHEN 'gp' THEN 'gp_kn' ELSE state END,
			noted = CASE noted WHEN '' THEN 'kn' WHEN 'gp' THEN 'gp_kn' ELSE noted END, updated_at = excluded.updated_at`,
		newID(), partnerID, subThemeID, t, t)
	return err
}

const needColumns = `id, network_id, partner_id, COALESCE(sub_theme_id, ''), text, priority, source, COALESCE(survey_id, ''),
	COALESCE(question_id, ''), respondents, COALESCE(meeting_id, ''), created_at`

func scanNeed(r interface{ Scan(...any) error }) (LearningNeed, error) {
	var n LearningNeed
	err := r.Scan(&n.ID, &n.NetworkID, &n.PartnerID, &n.SubThemeID, &n.Text, &n.Priority, &n.Source, &n.SurveyID, &n.QuestionID,
		&n.Respondents, &n.MeetingID, &n.CreatedAt)
	return n, err
}

// LearningNeeds lists a network's learning needs, most urgent first.
func (s *Store) LearningNeeds(ctx context.Context, networkID string) ([]LearningNeed, error) {
	return queryList(ctx, s.rd, scanNeed, `SELECT `+needColumns+` FROM learning_needs WHERE network_id = ? ORDER BY priority, created_at`, networkID)
}

// DeleteLearningNeed moves one learning need to the trash (the matrix keeps
// its mark) and returns the trash entry's id.
func (s *Store) DeleteLearningNeed(ctx context.Context, id string) (trashID string, err error) {
	return s.trashOne(ctx, TrashLearningNeed, id)
}

// nullable stores "" as NULL, for optional references.
func nullable(id string) any {
	if id == "" {
		return nil
	}
	return id
}
