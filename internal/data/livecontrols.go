package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// LiveControls is what the presenter of a live session last set, as the
// live package wrote it (JSON); "" when the survey never ran live.
func (s *Store) LiveControls(ctx context.Context, surveyID string) (string, error) {
	var state string
	err := s.rd.QueryRowContext(ctx, `SELECT state FROM live_controls WHERE survey_id = ?`, surveyID).Scan(&state)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return state, err
}

// LiveControlsSaved is LiveControls with when they were last stored (the
// zero time when the survey never ran live).
func (s *Store) LiveControlsSaved(ctx context.Context, surveyID string) (string, time.Time, error) {
	var state, at string
	err := s.rd.QueryRowContext(ctx, `SELECT state, updated_at FROM live_controls WHERE survey_id = ?`, surveyID).Scan(&state, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, nil
	}
	if err != nil {
		return "", time.Time{}, err
	}
	saved, _ := time.Parse(time.RFC3339Nano, at) // (a time it cannot read is "long ago")
	return state, saved, nil
}

// SaveLiveControls stores what the presenter set.
func (s *Store) SaveLiveControls(ctx context.Context, surveyID, state string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO live_controls (survey_id, state, updated_at) VALUES (?,?,?)
		ON CONFLICT (survey_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`, surveyID, state, now())
	return err
}

// HiddenAnswer is an open answer the presenter hid: question index and
// respondent position.
type HiddenAnswer struct{ Question, Position int }

// LiveHiddenAnswers lists the open answers hidden in a survey's live sessions.
func (s *Store) LiveHiddenAnswers(ctx context.Context, surveyID string) ([]HiddenAnswer, error) {
	return queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (HiddenAnswer, error) {
		var h HiddenAnswer
		err := r.Scan(&h.Question, &h.Position)
		return h, err
	}, `SELECT question, position FROM live_hidden_answers WHERE survey_id = ?`, surveyID)
}

// SetLiveAnswerHidden hides an open answer from the screen and the phones
// (hidden) or shows it again; the answer itself is never changed.
func (s *Store) SetLiveAnswerHidden(ctx context.Context, surveyID string, h HiddenAnswer, hidden bool) error {
	query := `DELETE FROM live_hidden_answers WHERE survey_id = ? AND question = ? AND position = ?`
	if hidden {
		query = `INSERT INTO live_hidden_answers (survey_id, question, position) VALUES (?,?,?) ON CONFLICT DO NOTHING`
	}
	_, err := s.db.ExecContext(ctx, query, surveyID, h.Question, h.Position)
	return err
}

// OpenAnswer is one respondent's text answer to a question.
type OpenAnswer struct {
	Position  int
	Submitted string
	Text      string
}

// OpenAnswers lists the non-empty answers to question (an index) of a
// survey, the most recently changed first, at most limit of them.
func (s *Store) OpenAnswers(ctx context.Context, surveyID string, question, limit int) ([]OpenAnswer, error) {
	rows, err := s.rd.QueryContext(ctx, `SELECT position, submitted, answers FROM survey_respondents
		WHERE survey_id = ? ORDER BY submitted DESC, position DESC`, surveyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OpenAnswer
	for rows.Next() && len(out) < limit {
		var a OpenAnswer
		var answers string
		if err := rows.Scan(&a.Position, &a.Submitted, &answers); err != nil {
			return nil, err
		}
		if all := decodeAnswers(answers); question < len(all) {
			a.Text = strings.TrimSpace(strings.Join(all[question], " "))
		}
		if a.Text != "" {
			out = append(out, a)
		}
	}
	return out, rows.Err()
}

// LiveQuestion is a question the room asked in a live session's Q&A.
type LiveQuestion struct {
	ID, TokenHash, Text, CreatedAt string
	Approved, Answered, Hidden     bool
	Voters                         []string // token hashes of who upvoted it
}

// LiveQA lists a survey's Q&A questions, oldest first, with their voters.
func (s *Store) LiveQA(ctx context.Context, surveyID string) ([]LiveQuestion, error) {
	qs, err := queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (LiveQuestion, error) {
		var q LiveQuestion
		err := r.Scan(&q.ID, &q.TokenHash, &q.Text, &q.Approved, &q.Answered, &q.Hidden, &q.CreatedAt)
		return q, err
	}, `SELECT id, token_hash, text, approved, answered, hidden, created_at FROM live_qa WHERE survey_id = ? ORDER BY created_at, id`, surveyID)
	if err != nil {
		return nil, err
	}
	index := map[string]int{}
	for i, q := range qs {
		index[q.ID] = i
	}
	type vote struct{ qa, hash string }
	votes, err := queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (vote, error) {
		var v vote
		err := r.Scan(&v.qa, &v.hash)
		return v, err
	}, `SELECT v.qa_id, v.token_hash FROM live_qa_votes v JOIN live_qa q ON q.id = v.qa_id WHERE q.survey_id = ?`, surveyID)
	for _, v := range votes {
		if i, ok := index[v.qa]; ok {
			qs[i].Voters = append(qs[i].Voters, v.hash)
		}
	}
	return qs, err
}

// AskLive stores a Q&A question (its ID made here when empty) and returns it.
func (t *Tx) AskLive(surveyID string, q LiveQuestion) (LiveQuestion, error) {
	if q.ID == "" {
		q.ID = newID()
	}
	if q.CreatedAt == "" {
		q.CreatedAt = now()
	}
	_, err := t.exec(`INSERT INTO live_qa (id, survey_id, token_hash, text, approved, created_at) VALUES (?,?,?,?,?,?)`,
		q.ID, surveyID, q.TokenHash, q.Text, q.Approved, q.CreatedAt)
	return q, err
}

// UpvoteLive records a participant's upvote of a Q&A question (once).
func (t *Tx) UpvoteLive(qaID, tokenHash string) error {
	_, err := t.exec(`INSERT INTO live_qa_votes (qa_id, token_hash) VALUES (?,?) ON CONFLICT DO NOTHING`, qaID, tokenHash)
	return err
}

// ModerateLive sets what the presenter decided about a Q&A question.
func (s *Store) ModerateLive(ctx context.Context, q LiveQuestion) error {
	return mustAffect(s.db.ExecContext(ctx, `UPDATE live_qa SET approved = ?, answered = ?, hidden = ? WHERE id = ?`,
		q.Approved, q.Answered, q.Hidden, q.ID))
}
