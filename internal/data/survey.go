package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Question kinds.
const (
	KindSingleChoice   = "single_choice"
	KindMultipleChoice = "multiple_choice"
	KindScales         = "scales"
	KindWordCloud      = "word_cloud"
	KindOpenEnded      = "open_ended"
	KindRanking        = "ranking"
	KindPoints         = "points"
	KindQA             = "qa"
)

// Survey is a set of questions and the respondents' answers.
type Survey struct {
	ID          string
	NetworkID   string
	MeetingID   string
	Title       string
	Format      string // where it came from: mentimeter, google, msforms, generic…
	SourceFile  string
	SourceHash  string // SHA-256 of the imported file, to recognise a re-import
	Respondents int
	ImportedAt  string
	// CountsOnly: the survey holds counts per question and no
	// respondent's answers (a Mentimeter file without its Voters sheet);
	// Respondents is then the most who answered one question of a session,
	// summed over its sessions — at least that many took part.
	CountsOnly bool
}

// Question is one question of a survey; Options are its choices, the
// statements of a scales question or the items of a ranking.
type Question struct {
	ID       string
	SurveyID string
	Position int
	Kind     string
	Prompt   string
	ScaleMin *int64
	ScaleMax *int64
	Options  []string
}

// Respondent is one person's answers, one entry per question in order;
// several values of one answer (a multiple choice) are kept apart.
type Respondent struct {
	Position  int
	PartnerID string
	Session   string
	Submitted string
	Answers   [][]string
}

// Separators of the stored answers: between questions and between the
// values of one answer. Importers remove them from the text they store.
const (
	answerSep = "\x1e"
	valueSep  = "\x1f"
)

// CleanAnswerText removes the characters the answer encoding reserves.
func CleanAnswerText(s string) string {
	if !strings.ContainsAny(s, answerSep+valueSep) {
		return s
	}
	return strings.NewReplacer(answerSep, " ", valueSep, " ").Replace(s)
}

func encodeAnswers(answers [][]string) string {
	parts := make([]string, len(answers))
	for i, a := range answers {
		parts[i] = strings.Join(a, valueSep)
	}
	return strings.Join(parts, answerSep)
}

func decodeAnswers(s string) [][]string {
	parts := strings.Split(s, answerSep)
	out := make([][]string, len(parts))
	for i, p := range parts {
		if p != "" {
			out[i] = strings.Split(p, valueSep)
		}
	}
	return out
}

// CreateSurvey stores a survey's header inside the transaction.
func (t *Tx) CreateSurvey(s Survey) (Survey, error) {
	if strings.TrimSpace(s.Title) == "" {
		return s, &ConstraintError{Msg: "a survey needs a title"}
	}
	s.ID = newID()
	ts := now()
	_, err := t.tx.ExecContext(t.ctx, `INSERT INTO surveys (id, network_id, meeting_id, title, format, source_file, source_hash,
		respondents, imported_at, counts_only, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		s.ID, s.NetworkID, nullable(s.MeetingID), s.Title, s.Format, s.SourceFile, s.SourceHash, s.Respondents, s.ImportedAt, s.CountsOnly, ts, ts)
	return s, err
}

// SetSurveyRespondents records how many respondents a survey has.
func (t *Tx) SetSurveyRespondents(surveyID string, n int) error {
	_, err := t.tx.ExecContext(t.ctx, `UPDATE surveys SET respondents = ?, updated_at = ? WHERE id = ?`, n, now(), surveyID)
	return err
}

// CreateQuestion stores a question and its options inside the transaction.
func (t *Tx) CreateQuestion(q Question) (Question, error) {
	q.ID = newID()
	if _, err := t.tx.ExecContext(t.ctx, `INSERT INTO survey_questions (id, survey_id, position, kind, prompt, scale_min, scale_max)
		VALUES (?,?,?,?,?,?,?)`, q.ID, q.SurveyID, q.Position, q.Kind, q.Prompt, q.ScaleMin, q.ScaleMax); err != nil {
		return q, err
	}
	return q, t.AddOptions(q.ID, 0, q.Options)
}

// ReplaceQuestions stores a survey's questions anew, in order. Only a
// survey nobody has answered yet can change its questions: answers are
// kept by question position and option order.
func (s *Store) ReplaceQuestions(ctx context.Context, surveyID string, qs []Question) error {
	return s.Update(ctx, func(t *Tx) error {
		var respondents int
		if err := t.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM survey_respondents WHERE survey_id = ?`, surveyID).Scan(&respondents); err != nil {
			return err
		}
		if respondents > 0 {
			return &ConstraintError{Msg: fmt.Sprintf("the survey has %d respondents; its questions can no longer change (duplicate it to ask other questions)", respondents)}
		}
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM survey_questions WHERE survey_id = ?`, surveyID); err != nil {
			return err
		}
		for i, q := range qs {
			q.SurveyID, q.Position = surveyID, i
			if _, err := t.CreateQuestion(q); err != nil {
				return err
			}
		}
		_, err := t.tx.ExecContext(ctx, `UPDATE surveys SET updated_at = ? WHERE id = ?`, now(), surveyID)
		return err
	})
}

// SetScale records the range a scales question's answers turned out to span.
func (t *Tx) SetScale(questionID string, lo, hi int) error {
	_, err := t.tx.ExecContext(t.ctx, `UPDATE survey_questions SET scale_min = ?, scale_max = ? WHERE id = ?`, lo, hi, questionID)
	return err
}

// AddOptions stores options of a question from position first on.
func (t *Tx) AddOptions(questionID string, first int, labels []string) error {
	for i, l := range labels {
		if _, err := t.tx.ExecContext(t.ctx, `INSERT INTO survey_options (question_id, position, label) VALUES (?,?,?)`, questionID, first+i, l); err != nil {
			return err
		}
	}
	return nil
}

// respondentBatch is how many respondents one INSERT carries: fewer
// statements is what makes a 100,000-respondent import take seconds.
const respondentBatch = 150

// AddRespondents stores respondents in multi-row INSERTs; the survey's
// answers are not searchable until Store.IndexSurveyAnswers has run.
func (t *Tx) AddRespondents(surveyID string, rs []Respondent) error {
	// Their text answers wait for Store.IndexSurveyAnswers, out of the
	// import's transaction (it doubled a 100,000-respondent import).
	if _, err := t.tx.ExecContext(t.ctx, `UPDATE surveys SET answers_indexed = 0 WHERE id = ? AND answers_indexed <> 0`, surveyID); err != nil {
		return err
	}
	for len(rs) > 0 {
		n := min(len(rs), respondentBatch)
		var b strings.Builder
		b.WriteString(`INSERT INTO survey_respondents (survey_id, position, partner_id, session, submitted, answers) VALUES `)
		args := make([]any, 0, n*6)
		for i, r := range rs[:n] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("(?,?,?,?,?,?)")
			args = append(args, surveyID, r.Position, nullable(r.PartnerID), r.Session, r.Submitted, encodeAnswers(r.Answers))
		}
		if _, err := t.tx.ExecContext(t.ctx, b.String(), args...); err != nil {
			return err
		}
		rs = rs[n:]
	}
	return nil
}

// CountKey addresses one aggregate count.
type CountKey struct {
	QuestionID string
	PartnerKey string // partner id, or "" for everybody
	Option     int    // option position, or -1 for a plain numeric answer
	Value      int    // scale value or points; 0 for choices
}

// Aggregates are the counts an import computed while reading the answers.
type Aggregates struct {
	Answered map[[2]string]int // (question id, partner key) → respondents who answered
	Counts   map[CountKey]int
	Words    map[[3]string]int // (question id, partner key, word) → count
}

// NewAggregates returns empty aggregates.
func NewAggregates() *Aggregates {
	return &Aggregates{Answered: map[[2]string]int{}, Counts: map[CountKey]int{}, Words: map[[3]string]int{}}
}

// SaveAggregates stores the counts of a survey inside the transaction.
func (t *Tx) SaveAggregates(a *Aggregates) error {
	ins, err := t.tx.PrepareContext(t.ctx, `INSERT INTO survey_answered (question_id, partner_key, answered) VALUES (?,?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for k, n := range a.Answered {
		if _, err := ins.ExecContext(t.ctx, k[0], k[1], n); err != nil {
			return err
		}
	}
	cnt, err := t.tx.PrepareContext(t.ctx, `INSERT INTO survey_counts (question_id, partner_key, option, value, count) VALUES (?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer cnt.Close()
	for k, n := range a.Counts {
		if _, err := cnt.ExecContext(t.ctx, k.QuestionID, k.PartnerKey, k.Option, k.Value, n); err != nil {
			return err
		}
	}
	wd, err := t.tx.PrepareContext(t.ctx, `INSERT INTO survey_words (question_id, partner_key, word, count) VALUES (?,?,?,?)`)
	if err != nil {
		return err
	}
	defer wd.Close()
	for k, n := range a.Words {
		if _, err := wd.ExecContext(t.ctx, k[0], k[1], k[2], n); err != nil {
			return err
		}
	}
	return nil
}

// DeleteSurvey moves a survey to the trash and returns the entry's id.
//
// A survey may hold 100,000 respondents: rather than copying them, the
// survey is soft deleted (deleted_at set, hidden from every survey query)
// and its trash entry points at it; restoring clears deleted_at, and only
// emptying or purging the trash deletes its rows for good.
func (t *Tx) DeleteSurvey(id string) (trashID string, err error) {
	k := trashKinds[TrashSurvey]
	var network, title string
	if err := t.tx.QueryRowContext(t.ctx, k.about, id).Scan(&network, &title); err != nil {
		return "", notFound(err)
	}
	counts := map[string]int{"surveys": 1}
	var questions, respondents int
	if err := t.tx.QueryRowContext(t.ctx, `SELECT (SELECT COUNT(*) FROM survey_questions WHERE survey_id = ?1),
		(SELECT COUNT(*) FROM survey_respondents WHERE survey_id = ?1)`, id).Scan(&questions, &respondents); err != nil {
		return "", err
	}
	for table, n := range map[string]int{"survey_questions": questions, "survey_respondents": respondents} {
		if n > 0 {
			counts[table] = n
		}
	}
	if _, err := t.tx.ExecContext(t.ctx, `UPDATE surveys SET deleted_at = ? WHERE id = ?`, now(), id); err != nil {
		return "", err
	}
	return fileTrash(t.ctx, t.tx, network, TrashSurvey, trashLabel(k.noun, title), counts, payload{}, id)
}

const surveyColumns = `id, network_id, COALESCE(meeting_id, ''), title, format, source_file, source_hash, respondents, imported_at, counts_only`

func scanSurvey(r interface{ Scan(...any) error }) (Survey, error) {
	var s Survey
	err := r.Scan(&s.ID, &s.NetworkID, &s.MeetingID, &s.Title, &s.Format, &s.SourceFile, &s.SourceHash, &s.Respondents, &s.ImportedAt, &s.CountsOnly)
	return s, err
}

// Surveys lists a network's surveys by title.
func (s *Store) Surveys(ctx context.Context, networkID string) ([]Survey, error) {
	return queryList(ctx, s.rd, scanSurvey, `SELECT `+surveyColumns+` FROM surveys WHERE network_id = ? AND deleted_at IS NULL ORDER BY title, imported_at`, networkID)
}

// SurveyByIDOrTitle finds a survey by id, or by its exact title.
func (s *Store) SurveyByIDOrTitle(ctx context.Context, networkID, key string) (Survey, error) {
	sv, err := scanSurvey(s.rd.QueryRowContext(ctx, `SELECT `+surveyColumns+` FROM surveys WHERE network_id = ? AND deleted_at IS NULL AND (id = ? OR title = ?)
		ORDER BY id = ? DESC, imported_at DESC LIMIT 1`, networkID, key, key, key))
	return sv, notFound(err)
}

// SurveysWithHash lists the surveys imported from a file with this hash.
func (s *Store) SurveysWithHash(ctx context.Context, networkID, hash string) ([]Survey, error) {
	return queryList(ctx, s.rd, scanSurvey, `SELECT `+surveyColumns+` FROM surveys WHERE network_id = ? AND source_hash = ? AND deleted_at IS NULL`, networkID, hash)
}

// SurveyQuestions lists a survey's questions in order, with their options.
func (s *Store) SurveyQuestions(ctx context.Context, surveyID string) ([]Question, error) {
	qs, err := queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (Question, error) {
		var q Question
		var lo, hi sql.NullInt64
		err := r.Scan(&q.ID, &q.SurveyID, &q.Position, &q.Kind, &q.Prompt, &lo, &hi)
		q.ScaleMin, q.ScaleMax = nullInt(lo), nullInt(hi)
		return q, err
	}, `SELECT id, survey_id, position, kind, prompt, scale_min, scale_max FROM survey_questions WHERE survey_id = ? ORDER BY position`, surveyID)
	if err != nil {
		return nil, err
	}
	err = attachLinks(ctx, s.rd, qs, func(q *Question) string { return q.ID }, func(q *Question, label string) { q.Options = append(q.Options, label) },
		`SELECT o.question_id, o.label FROM survey_options o JOIN survey_questions q ON q.id = o.question_id
		WHERE q.survey_id = ? ORDER BY o.question_id, o.position`, surveyID)
	return qs, err
}

// Count is one aggregate count of a question.
type Count struct {
	QuestionID    string
	Option, Value int
	Count         int
}

// SurveyCounts returns every count of a survey for one partner key ("" = all).
func (s *Store) SurveyCounts(ctx context.Context, surveyID, partnerKey string) ([]Count, error) {
	return queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (Count, error) {
		var c Count
		err := r.Scan(&c.QuestionID, &c.Option, &c.Value, &c.Count)
		return c, err
	}, `SELECT c.question_id, c.option, c.value, c.count FROM survey_counts c JOIN survey_questions q ON q.id = c.question_id
		WHERE q.survey_id = ? AND c.partner_key = ? ORDER BY c.question_id, c.option, c.value`, surveyID, partnerKey)
}

// SurveyAnswered returns how many respondents answered each question.
func (s *Store) SurveyAnswered(ctx context.Context, surveyID, partnerKey string) (map[string]int, error) {
	pairs, err := queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (Count, error) {
		var c Count
		err := r.Scan(&c.QuestionID, &c.Count)
		return c, err
	}, `SELECT a.question_id, a.answered FROM survey_answered a JOIN survey_questions q ON q.id = a.question_id
		WHERE q.survey_id = ? AND a.partner_key = ?`, surveyID, partnerKey)
	out := map[string]int{}
	for _, p := range pairs {
		out[p.QuestionID] = p.Count
	}
	return out, err
}

// WordCount is a word and how often it was given.
type WordCount struct {
	Word  string
	Count int
}

// TopWords returns a question's most frequent words.
func (s *Store) TopWords(ctx context.Context, questionID, partnerKey string, limit int) ([]WordCount, error) {
	return queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (WordCount, error) {
		var w WordCount
		err := r.Scan(&w.Word, &w.Count)
		return w, err
	}, `SELECT word, count FROM survey_words WHERE question_id = ? AND partner_key = ? ORDER BY count DESC, word LIMIT ?`, questionID, partnerKey, limit)
}

// EachRespondent streams a survey's respondents in order: all of them, or
// those of one partner. The stream holds one connection of the read pool
// while fn runs; fn may call the Store (reads take other connections of
// the pool, writes the writer), but not from inside an Update's function
// (see Update).
func (s *Store) EachRespondent(ctx context.Context, surveyID, partnerID string, fn func(Respondent) error) error {
	return s.eachRespondent(ctx, surveyID, partnerID, "position", fn)
}

// EachRespondentNewestFirst is EachRespondent from the last respondent
// stored back to the first; an error from fn (a sentinel, to stop early) ends it and is returned.
func (s *Store) EachRespondentNewestFirst(ctx context.Context, surveyID, partnerID string, fn func(Respondent) error) error {
	return s.eachRespondent(ctx, surveyID, partnerID, "position DESC", fn)
}

func (s *Store) eachRespondent(ctx context.Context, surveyID, partnerID, order string, fn func(Respondent) error) error {
	rows, err := s.rd.QueryContext(ctx, `SELECT position, COALESCE(partner_id, ''), session, submitted, answers FROM survey_respondents
		WHERE survey_id = ? AND (? = '' OR partner_id = ?) ORDER BY `+order, surveyID, partnerID, partnerID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r Respondent
		var answers string
		if err := rows.Scan(&r.Position, &r.PartnerID, &r.Session, &r.Submitted, &answers); err != nil {
			return err
		}
		r.Answers = decodeAnswers(answers)
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}
