package data

import (
	"context"
	"database/sql"
	"errors"
)

// rowQuerier is what both *sql.DB and *sql.Tx offer for one row.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// NoRespondent is the position of a participant who has not voted yet.
const NoRespondent = -1

// LiveParticipant finds a live participant by the hash of their token (a
// restarted session recognising a participant's cookie): their
// respondent's position (NoRespondent before the first vote); ok is false
// for an unknown token.
func (s *Store) LiveParticipant(ctx context.Context, surveyID, tokenHash string) (int, bool, error) {
	var position sql.NullInt64
	err := s.rd.QueryRowContext(ctx, `SELECT position FROM live_participants WHERE survey_id = ? AND token_hash = ?`, surveyID, tokenHash).Scan(&position)
	if errors.Is(err, sql.ErrNoRows) {
		return NoRespondent, false, nil
	}
	if !position.Valid {
		return NoRespondent, err == nil, err
	}
	return int(position.Int64), err == nil, err
}

// JoinLive records a participant joining a live session (with their city,
// if they gave one). They become a respondent with their first vote.
func (t *Tx) JoinLive(surveyID, tokenHash, partnerID string) error {
	_, err := t.exec(`INSERT INTO live_participants (survey_id, token_hash, partner_id, created_at) VALUES (?,?,?,?)
		ON CONFLICT (survey_id, token_hash) DO NOTHING`, surveyID, tokenHash, nullable(partnerID), now())
	return err
}

// LiveRespondent returns the respondent of a joined participant, making
// it (with no answers yet) at their first vote and counting it in the survey.
func (t *Tx) LiveRespondent(surveyID, tokenHash, session string, questions int) (int, error) {
	var position sql.NullInt64
	var partner sql.NullString
	if err := t.queryRow(`SELECT position, partner_id FROM live_participants WHERE survey_id = ? AND token_hash = ?`,
		surveyID, tokenHash).Scan(&position, &partner); err != nil {
		return NoRespondent, notFound(err)
	}
	if position.Valid {
		return int(position.Int64), nil
	}
	var next int
	if err := t.queryRow(`SELECT COALESCE(MAX(position) + 1, 0) FROM survey_respondents WHERE survey_id = ?`, surveyID).Scan(&next); err != nil {
		return NoRespondent, err
	}
	ts := now()
	if _, err := t.exec(`INSERT INTO survey_respondents (survey_id, position, partner_id, session, submitted, answers) VALUES (?,?,?,?,?,?)`,
		surveyID, next, partner, session, ts, encodeAnswers(make([][]string, questions))); err != nil {
		return NoRespondent, err
	}
	if _, err := t.exec(`UPDATE live_participants SET position = ? WHERE survey_id = ? AND token_hash = ?`, next, surveyID, tokenHash); err != nil {
		return NoRespondent, err
	}
	_, err := t.exec(`UPDATE surveys SET respondents = respondents + 1, updated_at = ? WHERE id = ?`, ts, surveyID)
	return next, err
}

// AddLiveParticipant joins a participant and makes their respondent at
// once (what a first vote does).
func (t *Tx) AddLiveParticipant(surveyID, tokenHash, partnerID, session string, questions int) (int, error) {
	if err := t.JoinLive(surveyID, tokenHash, partnerID); err != nil {
		return NoRespondent, err
	}
	return t.LiveRespondent(surveyID, tokenHash, session, questions)
}

// Respondent reads one respondent inside the transaction.
func (t *Tx) Respondent(surveyID string, position int) (Respondent, error) {
	return respondent(t.ctx, txStmts{t}, surveyID, position)
}

// Respondent reads one respondent.
func (s *Store) Respondent(ctx context.Context, surveyID string, position int) (Respondent, error) {
	return respondent(ctx, s.rd, surveyID, position)
}

func respondent(ctx context.Context, q rowQuerier, surveyID string, position int) (Respondent, error) {
	r := Respondent{Position: position}
	var answers string
	err := q.QueryRowContext(ctx, `SELECT COALESCE(partner_id, ''), session, submitted, answers FROM survey_respondents
		WHERE survey_id = ? AND position = ?`, surveyID, position).Scan(&r.PartnerID, &r.Session, &r.Submitted, &answers)
	r.Answers = decodeAnswers(answers)
	return r, notFound(err)
}

// SetRespondentAnswers replaces a respondent's answers (a changed vote).
func (t *Tx) SetRespondentAnswers(surveyID string, position int, answers [][]string) error {
	if err := mustAffect(t.exec(`UPDATE survey_respondents SET answers = ?, submitted = ? WHERE survey_id = ? AND position = ?`,
		encodeAnswers(answers), now(), surveyID, position)); err != nil {
		return err
	}
	t.reindex.add(surveyID, position, answers)
	return nil
}

// AddToAggregates adds (sign 1) or takes away (sign -1) counts, keeping
// the aggregate tables up to date as live votes arrive and change; a count
// that falls to zero is removed, as if never given. The changes are summed
// in the transaction and stored at its end: a batch of votes for the same
// few options then writes each count once, not once per vote, and a vote
// changed back and forth writes nothing.
func (t *Tx) AddToAggregates(a *Aggregates, sign int) error {
	if t.aggregates == nil {
		t.aggregates = NewAggregates()
	}
	p := t.aggregates
	for k, n := range a.Answered {
		p.Answered[k] += sign * n
	}
	for k, n := range a.Counts {
		p.Counts[k] += sign * n
	}
	for k, n := range a.Words {
		p.Words[k] += sign * n
	}
	return nil
}

// storeAggregates writes the summed changes of AddToAggregates.
func (t *Tx) storeAggregates() error {
	p := t.aggregates
	if p == nil {
		return nil
	}
	t.aggregates = nil
	for k, n := range p.Answered {
		if err := t.bump(`survey_answered`, `answered`, []string{"question_id", "partner_key"}, []any{k[0], k[1]}, n); err != nil {
			return err
		}
	}
	for k, n := range p.Counts {
		if err := t.bump(`survey_counts`, `count`, []string{"question_id", "partner_key", "option", "value"},
			[]any{k.QuestionID, k.PartnerKey, k.Option, k.Value}, n); err != nil {
			return err
		}
	}
	for k, n := range p.Words {
		if err := t.bump(`survey_words`, `count`, []string{"question_id", "partner_key", "word"}, []any{k[0], k[1], k[2]}, n); err != nil {
			return err
		}
	}
	return nil
}

// bump adds delta to one aggregate row, creating it or removing it at zero.
// Table and column names come from AddToAggregates only, never from input.
func (t *Tx) bump(table, column string, keys []string, values []any, delta int) error {
	if delta == 0 {
		return nil
	}
	cols, marks, where := "", "", ""
	for i, k := range keys {
		if i > 0 {
			cols, marks, where = cols+", ", marks+", ", where+" AND "
		}
		cols, marks, where = cols+k, marks+"?", where+k+" = ?"
	}
	args := append(append([]any{}, values...), delta)
	if _, err := t.exec(`INSERT INTO `+table+` (`+cols+`, `+column+`) VALUES (`+marks+`, ?)
		ON CONFLICT (`+cols+`) DO UPDATE SET `+column+` = `+column+` + excluded.`+column, args...); err != nil {
		return err
	}
	if delta > 0 { // counts are never below zero: an addition leaves nothing to remove
		return nil
	}
	_, err := t.exec(`DELETE FROM `+table+` WHERE `+where+` AND `+column+` <= 0`, values...)
	return err
}
