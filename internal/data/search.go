package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"unicode"
)

// Search kinds: what a hit is. The records' own words are kept current by
// the triggers of migration 00010_search.sql; survey answers are indexed
// after they are stored (IndexSurveyAnswers), and a live vote as it changes.
const (
	SearchPartner  = "partner"
	SearchPractice = "practice"
	SearchSubTheme = "sub_theme"
	SearchMeeting  = "meeting"
	SearchNeed     = "need"
	SearchGridRow  = "grid_row"
	SearchAction   = "action"
	SearchSection  = "section"
	SearchAnswer   = "answer"
)

// SearchKinds is the order the kinds of hits are shown in.
var SearchKinds = []string{SearchPartner, SearchPractice, SearchSubTheme, SearchMeeting, SearchNeed,
	SearchGridRow, SearchAction, SearchSection, SearchAnswer}

// The matching words of a snippet are between these marks.
const (
	MarkStart = "\x02"
	MarkEnd   = "\x03"
)

// SearchHit is one record that matches a search.
type SearchHit struct {
	Kind    string `json:"kind"`
	ID      string `json:"id"`                // the record's id; an answer's survey id
	Title   string `json:"title"`             // the record's name; an answer's survey title
	Snippet string `json:"snippet"`           // the matching words in their context, between MarkStart and MarkEnd
	Context string `json:"context,omitempty"` // an answer's question
	// An answer's respondent (0-based) and question position (0-based).
	Respondent int `json:"respondent,omitempty"`
	Question   int `json:"question,omitempty"`
}

// SearchLimits: at most this many records and this many answers come back.
const (
	searchRecordLimit = 200
	searchAnswerLimit = 50
)

// MatchQuery turns what the user typed into an FTS5 query: every word must
// appear, each as the start of a word ("gdan" finds Gdańsk); case and
// accents are folded by the index's tokenizer. "" when nothing searchable
// was typed.
func MatchQuery(typed string) string {
	words := strings.FieldsFunc(typed, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " ")
}

// Search finds the network's records and survey answers whose words start
// with the typed ones, best records first, then answers in the order they
// were given; only hits of these kinds when kinds are given. more is true
// when answers were left off. The answers of a survey still being indexed
// are not found yet (none of them: a half-done index would show some and
// not others).
func (s *Store) Search(ctx context.Context, networkID, typed string, kinds ...string) (hits []SearchHit, more bool, err error) {
	q := MatchQuery(typed)
	if q == "" {
		return nil, false, nil
	}
	records, kindArgs := kindFilter(kinds)
	if records != "" {
		args := append([]any{MarkStart, MarkEnd, q, networkID}, kindArgs...)
		if hits, err = s.searchRecords(ctx, records, append(args, searchRecordLimit)); err != nil {
			return nil, false, err
		}
	}
	if len(kinds) > 0 && !slices.Contains(kinds, SearchAnswer) {
		return hits, false, nil
	}
	answers, more, err := s.searchAnswers(ctx, q, networkID)
	return append(hits, answers...), more, err
}

// kindFilter is the condition on the records' kinds ("" when no record
// kind is asked for) and its arguments; no kinds asks for all of them.
func kindFilter(kinds []string) (string, []any) {
	if len(kinds) == 0 {
		return "1", nil
	}
	var args []any
	for _, k := range kinds {
		if k != SearchAnswer {
			args = append(args, k)
		}
	}
	if len(args) == 0 {
		return "", nil
	}
	return "d.kind IN (?" + strings.Repeat(", ?", len(args)-1) + ")", args
}

func (s *Store) searchRecords(ctx context.Context, kinds string, args []any) (hits []SearchHit, err error) {
	rows, err := s.rd.QueryContext(ctx, `SELECT d.kind, d.ref_id, d.title,
			snippet(search_fts, -1, ?, ?, '…', 12)
		FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
		WHERE search_fts MATCH ? AND d.network_id = ? AND `+kinds+`
		ORDER BY rank LIMIT ?`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var h SearchHit
		if err := rows.Scan(&h.Kind, &h.ID, &h.Title, &h.Snippet); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// searchAnswers finds the survey answers, at most searchAnswerLimit of
// them; more says some were left off.
func (s *Store) searchAnswers(ctx context.Context, q, networkID string) (hits []SearchHit, more bool, err error) {
	rows, err := s.rd.QueryContext(ctx, `SELECT a.survey_id, s.title, COALESCE(sq.prompt, ''), a.position, a.question,
			snippet(search_answers_fts, 0, ?, ?, '…', 12)
		FROM search_answers_fts
		JOIN search_answers a ON a.id = search_answers_fts.rowid
		JOIN surveys s ON s.id = a.survey_id
		LEFT JOIN survey_questions sq ON sq.survey_id = a.survey_id AND sq.position = a.question
		WHERE search_answers_fts MATCH ? AND s.network_id = ? AND s.deleted_at IS NULL AND s.answers_indexed = 1
		LIMIT ?`, MarkStart, MarkEnd, q, networkID, searchAnswerLimit+1)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if n++; n > searchAnswerLimit {
			more = true
			break
		}
		h := SearchHit{Kind: SearchAnswer}
		if err := rows.Scan(&h.ID, &h.Title, &h.Context, &h.Respondent, &h.Question, &h.Snippet); err != nil {
			return nil, false, err
		}
		hits = append(hits, h)
	}
	return hits, more, rows.Err()
}

// textQuestions are the positions of a survey's questions whose answers
// are text to search (open-ended, word cloud, Q&A).
func textQuestions(ctx context.Context, q querier, surveyID string) ([]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT position FROM survey_questions WHERE survey_id = ? AND kind IN (?, ?, ?) ORDER BY position`,
		surveyID, KindOpenEnded, KindWordCloud, KindQA)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var p int
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// answerBatch is how many answers one INSERT into the search index carries.
const answerBatch = 300

// indexAnswers adds the text answers of respondents to the search index,
// in multi-row INSERTs inside the caller's transaction.
func indexAnswers(ctx context.Context, tx *sql.Tx, surveyID string, rs []Respondent, textPos []int) error {
	if len(textPos) == 0 {
		return nil
	}
	var b strings.Builder
	args := make([]any, 0, answerBatch*4)
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		_, err := tx.ExecContext(ctx, b.String(), args...)
		b.Reset()
		args, n = args[:0], 0
		return err
	}
	for _, r := range rs {
		for _, q := range textPos {
			text, ok := answerText(r.Answers, q)
			if !ok {
				continue
			}
			if n == 0 {
				b.WriteString(`INSERT INTO search_answers (survey_id, position, question, text) VALUES (?,?,?,?)`)
			} else {
				b.WriteString(",(?,?,?,?)")
			}
			args = append(args, surveyID, r.Position, q, text)
			if n++; n == answerBatch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}

// indexBatch is how many respondents one transaction of
// IndexSurveyAnswers indexes: the writer is free again between batches, so
// edits and live votes wait for one batch at most (tens of milliseconds).
var indexBatch = 5000

// IndexSurveyAnswers puts the text answers of a survey's stored
// respondents into the search index, in batches of indexBatch respondents,
// each in a transaction of its own that first takes out what an earlier,
// interrupted run left of its range; the last batch marks the survey
// indexed, and only then does Search find its answers. A survey already
// marked (or gone) is skipped, so running it twice, or after a crash, is
// safe. Live votes meanwhile re-index their respondent as always; a batch
// reaching it later indexes the same stored answers again.
func (s *Store) IndexSurveyAnswers(ctx context.Context, surveyID string) error {
	after := -1 // the last position indexed
	for {
		done := false
		err := s.Update(ctx, func(t *Tx) error {
			var indexed int
			err := t.tx.QueryRowContext(ctx, `SELECT answers_indexed FROM surveys WHERE id = ?`, surveyID).Scan(&indexed)
			if errors.Is(err, sql.ErrNoRows) || err == nil && indexed == 1 {
				done = true
				return nil
			}
			if err != nil {
				return err
			}
			textPos, err := textQuestions(ctx, t.tx, surveyID)
			if err != nil {
				return err
			}
			var rs []Respondent
			if len(textPos) > 0 {
				if rs, err = respondentsAfter(ctx, t.tx, surveyID, after, indexBatch); err != nil {
					return err
				}
			}
			done = len(rs) < indexBatch
			del, args := `DELETE FROM search_answers WHERE survey_id = ? AND position > ?`, []any{surveyID, after}
			if !done {
				del, args = del+` AND position <= ?`, append(args, rs[len(rs)-1].Position)
			}
			if _, err := t.tx.ExecContext(ctx, del, args...); err != nil {
				return err
			}
			if err := indexAnswers(ctx, t.tx, surveyID, rs, textPos); err != nil {
				return err
			}
			if len(rs) > 0 {
				after = rs[len(rs)-1].Position
			}
			if done {
				_, err = t.tx.ExecContext(ctx, `UPDATE surveys SET answers_indexed = 1 WHERE id = ?`, surveyID)
			}
			return err
		})
		if err != nil || done {
			return err
		}
	}
}

// respondentsAfter reads up to n respondents (position and answers) after
// a position, in order.
func respondentsAfter(ctx context.Context, tx *sql.Tx, surveyID string, after, n int) ([]Respondent, error) {
	rows, err := tx.QueryContext(ctx, `SELECT position, answers FROM survey_respondents WHERE survey_id = ? AND position > ?
		ORDER BY position LIMIT ?`, surveyID, after, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]Respondent, 0, n)
	for rows.Next() {
		var r Respondent
		var answers string
		if err := rows.Scan(&r.Position, &answers); err != nil {
			return nil, err
		}
		r.Answers = decodeAnswers(answers)
		out = append(out, r)
	}
	return out, rows.Err()
}

// SurveysToIndex lists the surveys whose answers are not indexed yet (an
// import just stored, or one whose indexing a crash or quit interrupted),
// those in the trash included.
func (s *Store) SurveysToIndex(ctx context.Context) ([]string, error) {
	rows, err := s.rd.QueryContext(ctx, `SELECT id FROM surveys WHERE answers_indexed = 0 ORDER BY created_at`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// IndexPendingAnswers indexes the answers of every survey SurveysToIndex
// lists (at start: an import interrupted before its answers were indexed).
func (s *Store) IndexPendingAnswers(ctx context.Context) error {
	ids, err := s.SurveysToIndex(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := s.IndexSurveyAnswers(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// answerText is the text of question q's answer as the search index holds
// it; false when there is none.
func answerText(answers [][]string, q int) (string, bool) {
	if q >= len(answers) || len(answers[q]) == 0 {
		return "", false
	}
	text := strings.Join(answers[q], " ")
	return text, strings.TrimSpace(text) != ""
}

// pendingReindex holds the respondents whose answers changed in a
// transaction, for the search index to take them at its end. FTS5 writes
// its pending terms to disk at every statement savepoint once it has been
// written in a transaction, and each vote runs statements with one (the
// sync clock's triggers, the aggregates' upserts): indexing vote by vote
// flushed the index a dozen times per vote. Indexed last, it flushes once.
type pendingReindex struct {
	order   []respondentKey
	answers map[respondentKey][][]string // the latest of each respondent
}

type respondentKey struct {
	survey   string
	position int
}

func (p *pendingReindex) add(surveyID string, position int, answers [][]string) {
	k := respondentKey{surveyID, position}
	if p.answers == nil {
		p.answers = map[respondentKey][][]string{}
	}
	if _, ok := p.answers[k]; !ok {
		p.order = append(p.order, k)
	}
	p.answers[k] = answers
}

// reindexPending replaces the search index's answers of every respondent
// changed in the transaction, once each, with their latest answers: one
// DELETE and one INSERT per survey for the whole batch (the rows passed as
// JSON), as FTS5 flushes at each statement. A respondent removed later in
// the same transaction (its delete trigger emptied its index rows) is not
// indexed again.
func (t *Tx) reindexPending() error {
	type row struct {
		P int    `json:"p"`
		Q int    `json:"q"`
		T string `json:"t"`
	}
	positions := map[string][]int{}
	rows := map[string][]row{}
	var surveys []string
	for _, k := range t.reindex.order {
		if _, ok := positions[k.survey]; !ok {
			surveys = append(surveys, k.survey)
		}
		positions[k.survey] = append(positions[k.survey], k.position)
		textPos, err := t.textQuestions(k.survey)
		if err != nil {
			return err
		}
		for _, q := range textPos {
			if text, ok := answerText(t.reindex.answers[k], q); ok {
				rows[k.survey] = append(rows[k.survey], row{k.position, q, text})
			}
		}
	}
	for _, sv := range surveys {
		ps, err := json.Marshal(positions[sv])
		if err != nil {
			return err
		}
		if _, err := t.exec(`DELETE FROM search_answers WHERE survey_id = ? AND position IN (SELECT value FROM json_each(?))`, sv, string(ps)); err != nil {
			return err
		}
		if len(rows[sv]) == 0 {
			continue
		}
		rs, err := json.Marshal(rows[sv])
		if err != nil {
			return err
		}
		if _, err := t.exec(`INSERT INTO search_answers (survey_id, position, question, text)
			SELECT ?1, value ->> 'p', value ->> 'q', value ->> 't' FROM json_each(?2)
			WHERE EXISTS (SELECT 1 FROM survey_respondents r WHERE r.survey_id = ?1 AND r.position = value ->> 'p')`, sv, string(rs)); err != nil {
			return err
		}
	}
	t.reindex = pendingReindex{}
	return nil
}

// textQuestions is the positions of a survey's text questions, read once
// per transaction through a statement kept prepared: the live vote writer
// asks in every transaction, often of one vote.
func (t *Tx) textQuestions(surveyID string) ([]int, error) {
	if textPos, ok := t.textPos[surveyID]; ok {
		return textPos, nil
	}
	textPos, err := textQuestions(t.ctx, txStmts{t}, surveyID)
	if err != nil {
		return nil, err
	}
	if t.textPos == nil {
		t.textPos = map[string][]int{}
	}
	t.textPos[surveyID] = textPos
	return textPos, nil
}

// CheckSearchIndex runs FTS5's integrity check of both indexes against
// their content tables.
func (t *Tx) CheckSearchIndex() error {
	for _, q := range []string{
		`INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)`,
		`INSERT INTO search_answers_fts (search_answers_fts, rank) VALUES ('integrity-check', 1)`,
	} {
		if _, err := t.tx.ExecContext(t.ctx, q); err != nil {
			return err
		}
	}
	return nil
}
