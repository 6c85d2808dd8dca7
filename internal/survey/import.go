package survey

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

// Options tune an import; zero values mean "detect" or "default".
type Options struct {
	Title     string
	MeetingID string // the meeting the survey belongs to; "" for none
	Format    string // auto, generic, google, msforms
	Encoding  tabular.Encoding
	Delimiter rune
	Plan      *Plan  // the user's column plan; nil to guess
	Replace   string // id of a survey this import replaces, in the same transaction
	Session   string // Mentimeter: "" or SessionsAll for every session merged, or one session's name ("2")
	Sheet     string // XLSX: the sheet holding the answers ("" for Voters or the first visible sheet)
	// PartnerColumn is the heading of the column that names each
	// respondent's partner (city), when the guess is not wanted: "" to detect.
	PartnerColumn string
	Progress      func(respondents int, fraction float64) // called every few hundred rows; fraction of the file read, 0–1
}

// SessionsAll is the session choice that merges every session.
const SessionsAll = "all"

// MaxQuestions bounds the questions of one import: real surveys have a
// few dozen, Mentimeter at most a few hundred slides; a file with 100,000
// columns is no survey, and its preview would fill the window.
const MaxQuestions = 1000

// sampleRows is how many rows the column plan is guessed from.
const sampleRows = 500

// ImportedBefore lists the network's surveys imported from a file with the
// same content (SHA-256) as path. An error — the file or the store could
// not be read — is returned, never taken for "not imported before".
func ImportedBefore(ctx context.Context, s *data.Store, networkID, path string) ([]data.Survey, error) {
	hash, err := HashFile(path)
	if err != nil {
		return nil, &tabular.FileError{File: path, Msg: "cannot be read: " + err.Error()}
	}
	same, err := s.SurveysWithHash(ctx, networkID, hash)
	if err != nil {
		return nil, fmt.Errorf("could not tell whether %s was imported before: %w", filepath.Base(path), err)
	}
	return same, nil
}

// HashFile is the SHA-256 of a file, to recognise a file imported before.
func HashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Preview reads a file's header and first rows and guesses the plan.
func Preview(ctx context.Context, s *data.Store, networkID, path string, opt Options) (plan Plan, src source, sample *Sample, err error) {
	defer tabular.Guard(path, &err)
	return preview(ctx, s, networkID, path, opt)
}

func preview(ctx context.Context, s *data.Store, networkID, path string, opt Options) (Plan, source, *Sample, error) {
	src, book, err := openSource(path, opt)
	if err != nil {
		return Plan{}, nil, nil, err
	}
	fail := func(err error) (Plan, source, *Sample, error) {
		src.Close()
		return Plan{}, nil, nil, err
	}
	if book != nil && book.NoVoters { // the Session sheets' figures, no row per voter to read
		plan := countsPlan(book)
		if opt.Plan != nil {
			plan = *opt.Plan
		}
		return plan, src, &Sample{Reading: "Excel workbook, its Session sheets (no Voters sheet)", Complete: true}, nil
	}
	// Mentimeter puts rows of notes above its header; anything else has
	// its header first. Read a few rows to tell.
	var head [][]string
	var headLines []int
	for len(head) < 5 {
		rec, line, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(err)
		}
		head, headLines = append(head, append([]string(nil), rec...)), append(headLines, line)
		if isMentiHeader(rec) {
			head, headLines = head[len(head)-1:], headLines[len(head)-1:]
			break
		}
	}
	if len(head) == 0 {
		return fail(&tabular.FileError{File: path, Msg: "is empty", Hint: "choose a file with a header row and answers"})
	}
	header, headerLine, mentimeter := head[0], headLines[0], isMentiHeader(head[0])
	sample, lines := head[1:], headLines[1:]
	for len(sample) < sampleRows {
		rec, line, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(err)
		}
		sample = append(sample, append([]string(nil), rec...))
		lines = append(lines, line)
	}
	var plan Plan
	switch {
	case mentimeter:
		plan = mentiPlan(header, sample, book)
		if opt.Plan == nil {
			partners, err := s.Partners(ctx, networkID)
			if err != nil {
				return fail(err)
			}
			if plan, err = choosePartner(path, plan, &Sample{Header: header, Rows: sample}, partners, opt.PartnerColumn); err != nil {
				return fail(err)
			}
		}
		if book != nil && len(book.Sessions) > 0 && opt.Plan == nil {
			if err := scanVoters(path, opt, &plan); err != nil {
				return fail(err)
			}
		}
	case len(sample) > 0 && (isMonkeySubheader(sample[0]) || containsCell(header, "Respondent ID") && (len(sample[0]) == 0 || strings.TrimSpace(sample[0][0]) == "")):
		partners, err := s.Partners(ctx, networkID)
		if err != nil {
			return fail(err)
		}
		plan = monkeyPlan(header, sample[0], sample[1:], partners)
		sample, lines = sample[1:], lines[1:] // the second header row holds no answers
	default:
		if len(sample) > 0 && secondHeaderRow(header, sample[0]) {
			header, sample, lines = joinHeaderRows(header, sample[0]), sample[1:], lines[1:] // two header rows: no respondent
		}
		if err := checkHeader(path, header, headerLine); err != nil {
			return fail(err)
		}
		if err := blankHeadings(path, header, sample, headerLine); err != nil {
			return fail(err)
		}
		format, err := detectFormat(path, header, sample, opt.Format)
		if err != nil {
			return fail(err)
		}
		partners, err := s.Partners(ctx, networkID)
		if err != nil {
			return fail(err)
		}
		plan = MakePlan(format, header, sample, partners)
	}
	if opt.PartnerColumn != "" && opt.Plan == nil && !mentimeter {
		if plan, err = choosePartner(path, plan, &Sample{Header: header, Rows: sample}, nil, opt.PartnerColumn); err != nil {
			return fail(err)
		}
	}
	if opt.Plan != nil {
		plan = *opt.Plan
	}
	if len(plan.Questions) > MaxQuestions {
		return fail(&tabular.FileError{File: path, Line: headerLine, Msg: fmt.Sprintf("has %d questions; a survey may have at most %d", len(plan.Questions), MaxQuestions),
			Hint: "check that the file is a survey export (one column per question), or leave out columns before importing"})
	}
	if err := checkSession(path, plan, &Sample{Header: header, Rows: sample}, opt.Session); err != nil && opt.Session != SessionsEach {
		return fail(err) // a dry run refuses a session the file lacks as the import does
	}
	return plan, src, &Sample{Header: header, Rows: sample, Lines: lines, Reading: src.Describe(), Complete: len(sample) < sampleRows}, nil
}

// checkHeader refuses a first row that holds no headings (answers without
// questions) and two columns with the same heading, whose answers the
// results could not tell apart.
func checkHeader(path string, header []string, line int) error {
	headings := 0
	seen := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		if _, err := strconv.ParseFloat(strings.ReplaceAll(h, ",", "."), 64); err != nil {
			headings++
		}
		key := strings.ToLower(h)
		if first, ok := seen[key]; ok {
			return &tabular.FileError{File: path, Line: line, Column: i + 1,
				Msg:  fmt.Sprintf("column %s has the same heading as column %s: %q", tabular.ColumnLetters(i+1), tabular.ColumnLetters(first+1), truncate(h, 60)),
				Hint: "rename one of them in the file so that their answers stay apart"}
		}
		seen[key] = i
	}
	if headings == 0 {
		return &tabular.FileError{File: path, Line: line, Msg: "starts with a row of numbers, not column headings",
			Hint: "this layout is not one the import knows: add a header row with the questions, or export the responses again from the survey tool"}
	}
	return nil
}

// Sample is the start of a file: its header and first rows with their lines.
type Sample struct {
	Header   []string
	Rows     [][]string
	Lines    []int
	Reading  string // how the file is read: "UTF-8, separated by commas"
	Complete bool   // the sample holds every row of the file
}

// ColumnExamples returns up to n different values of one column.
func (s *Sample) ColumnExamples(column, n int) []string { return firstDistinct(s.column(column), n) }

// Examples returns up to n different answers the sample holds for a
// planned question, to show beside its guessed kind.
func (s *Sample) Examples(p Plan, question, n int) []string {
	if q := p.Questions[question]; p.CountsOnly && q.Slide != nil {
		return firstDistinct(p.Menti.slideLabels(*q.Slide), n)
	}
	return firstDistinct(s.answers(p, question), n)
}

// column is a column's non-blank values, trimmed.
func (s *Sample) column(ci int) []string {
	var out []string
	for _, row := range s.Rows {
		if ci < len(row) {
			if v := strings.TrimSpace(row[ci]); v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// answers are the values of every column of a planned question.
func (s *Sample) answers(p Plan, question int) []string {
	var out []string
	for _, ci := range p.columnsOf(question) {
		out = append(out, s.column(ci)...)
	}
	return out
}

func firstDistinct(values []string, n int) []string {
	var out []string
	for _, v := range values {
		if len(out) == n {
			break
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// detectFormat names the tool that wrote the file from its header.
func detectFormat(path string, header []string, sample [][]string, asked string) (string, error) {
	if asked != "" && asked != "auto" {
		switch asked {
		case "generic", "google", "msforms":
			return asked, nil
		}
		return "", &tabular.FileError{File: path, Msg: "format " + asked + " is not one this import knows", Hint: "use auto, generic, google, msforms or template"}
	}
	first := ""
	if len(header) > 0 {
		first = strings.ToLower(strings.TrimSpace(header[0]))
	}
	switch {
	case googleTimestamps[first]:
		return "google", nil
	case first == "id" && len(header) > 2 && strings.EqualFold(strings.TrimSpace(header[1]), "start time"):
		return "msforms", nil
	}
	return "generic", nil
}

func containsCell(row []string, v string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) == v {
			return true
		}
	}
	return false
}

// Import reads a survey export and stores it in one transaction: the
// survey appears whole, or not at all (a bad row, a cancelled context or a
// failed write leaves the database as it was).
func Import(ctx context.Context, s *data.Store, networkID, path string, opt Options) (sv data.Survey, r Report, err error) {
	defer tabular.Guard(path, &err)
	hash, err := HashFile(path)
	if err != nil {
		return data.Survey{}, Report{}, &tabular.FileError{File: path, Msg: "cannot be read: " + err.Error()}
	}
	plan, st, head, err := Preview(ctx, s, networkID, path, opt)
	if err != nil {
		return data.Survey{}, Report{}, err
	}
	report := Report{Plan: plan}
	defer st.Close()
	title := defaultTitle(opt, path)
	if err := checkSession(path, plan, head, opt.Session); err != nil {
		return data.Survey{}, Report{}, err
	}
	report.Mismatches = plan.Menti.MismatchesIn(opt.Session)
	var survey data.Survey
	err = s.Update(ctx, func(tx *data.Tx) (err error) {
		defer tabular.Guard(path, &err) // inside, so that the transaction is rolled back
		if opt.Replace != "" {
			if report.ReplacedTrash, err = tx.DeleteSurvey(opt.Replace); err != nil {
				return err
			}
		}
		survey, err = importInto(ctx, tx, networkID, path, hash, title, plan, st, head, opt, &report)
		return err
	})
	return survey, report, err
}

// defaultTitle is the title asked for, or the file's name made readable
// (TitleFromFile).
func defaultTitle(opt Options, path string) string {
	if opt.Title != "" {
		return opt.Title
	}
	return TitleFromFile(path)
}

// importInto stores one survey read from st (whose first rows are head)
// inside the caller's transaction.
func importInto(ctx context.Context, tx *data.Tx, networkID, path, hash, title string, plan Plan, st source, head *Sample, opt Options, report *Report) (data.Survey, error) {
	survey, err := tx.CreateSurvey(data.Survey{NetworkID: networkID, MeetingID: opt.MeetingID, Title: title, Format: plan.Format, SourceFile: filepath.Base(path),
		SourceHash: hash, ImportedAt: time.Now().UTC().Format(time.RFC3339), CountsOnly: plan.CountsOnly})
	if err != nil {
		return survey, err
	}
	var progress func(int)
	if opt.Progress != nil {
		progress = func(n int) { opt.Progress(n, st.Fraction()) }
	}
	w, err := newWriter(ctx, tx, networkID, survey.ID, plan, path, opt.Session, progress)
	if err != nil {
		return survey, err
	}
	if plan.CountsOnly {
		w.addSessionCounts()
		if err := w.finish(); err != nil {
			return survey, err
		}
		survey.Respondents = w.count
		return survey, nil
	}
	for i, rec := range head.Rows {
		if err := w.row(rec, head.Lines[i]); err != nil {
			return survey, err
		}
	}
	for {
		rec, line, err := st.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return survey, err
		}
		if err := w.row(rec, line); err != nil {
			return survey, err
		}
	}
	if err := w.finish(); err != nil {
		return survey, err
	}
	survey.Respondents = w.count
	report.Unmatched = append(report.Unmatched, w.unmatchedPartners()...)
	return survey, nil
}

// Report is what an import did: the plan it followed and the partner
// names in the file that match no partner of the network (those
// respondents are stored without a partner).
type Report struct {
	Plan
	Unmatched []NameCount
	// Mismatches are the options the Voters sheet counts differently from
	// the Session sheets (the Voters sheet's counts are stored).
	Mismatches []Mismatch
	// ReplacedTrash is the trash entry of the survey the import replaced
	// (Options.Replace), so the replace can be undone; "" otherwise.
	ReplacedTrash string
}

// NameCount is a name and how many rows gave it.
type NameCount struct {
	Name  string
	Count int
}

// maxCellRunes bounds one answer: longer cells are refused with their
// line and column rather than stored.
const maxCellRunes = 10_000

// writer turns rows into respondents and aggregates.
type writer struct {
	ctx         context.Context
	tx          *data.Tx
	surveyID    string
	plan        Plan
	file        string
	qids        []string
	options     []map[string]int // per question: choice label → option position
	labels      [][]string       // per question: labels in first-seen order
	tally       *tally
	partnerPos  map[string]int32  // partner id → position in the tally
	partnerKeys []string          // position → partner id ("" first: everybody)
	partners    map[string]string // folded name → id
	unmatched   map[string]int    // partner names that are no partner → rows
	scaleSeen   []*[2]int         // per question: the lowest and highest scale value read
	batch       []data.Respondent
	count       int
	progress    func(int)
	session     string // Mentimeter: the session imported ("" or SessionsAll: every one)
}

func newWriter(ctx context.Context, tx *data.Tx, networkID, surveyID string, plan Plan, file, session string, progress func(int)) (*writer, error) {
	w := &writer{ctx: ctx, tx: tx, surveyID: surveyID, plan: plan, file: filepath.Base(file), tally: newTally(), partnerPos: map[string]int32{}, partnerKeys: []string{""}, progress: progress, session: session}
	for i, q := range plan.Questions {
		var lo, hi *int64
		if q.Kind == data.KindScales {
			a, b := int64(q.ScaleMin), int64(q.ScaleMax)
			lo, hi = &a, &b
		}
		stored, err := tx.CreateQuestion(data.Question{SurveyID: surveyID, Position: i, Kind: q.Kind, Prompt: q.Prompt,
			ScaleMin: lo, ScaleMax: hi, Options: q.Statements})
		if err != nil {
			return nil, err
		}
		w.qids = append(w.qids, stored.ID)
		w.scaleSeen = append(w.scaleSeen, &[2]int{q.ScaleMin, q.ScaleMax})
		w.options = append(w.options, map[string]int{})
		w.labels = append(w.labels, nil)
		if q.Kind == data.KindSingleChoice || q.Kind == data.KindMultipleChoice {
			listed := q.Listed
			if q.Slide != nil {
				listed = plan.Menti.slideOptions(*q.Slide, session)
			}
			for _, label := range listed {
				w.option(i, label) // every option the file lists, in its order, with no votes yet
			}
		}
	}
	if slices.ContainsFunc(plan.Columns, func(c Column) bool { return c.Role == RolePartner }) {
		// Read once, inside the transaction: a failed read must stop the
		// import, not store every respondent without a partner.
		ps, err := tx.Partners(networkID)
		if err != nil {
			return nil, fmt.Errorf("could not read the network's partners to match the partner column: %w", err)
		}
		w.partners, w.unmatched = make(map[string]string, len(ps)), map[string]int{}
		for _, p := range ps {
			w.partners[data.NameKey(p.Name)] = p.ID
		}
	}
	return w, nil
}

// row stores one respondent's answers.
func (w *writer) row(rec []string, line int) error {
	if blankRecord(rec) {
		return nil
	}
	if len(rec) > len(w.plan.Columns) && !blankFrom(rec, len(w.plan.Columns)) {
		return &tabular.FileError{File: w.file, Line: line, Column: len(w.plan.Columns) + 1,
			Msg: fmt.Sprintf("has %d cells but the header has %d columns", len(rec), len(w.plan.Columns)), Hint: "check for a delimiter inside an unquoted cell"}
	}
	r := data.Respondent{Position: w.count, Answers: make([][]string, len(w.plan.Questions))}
	for i, q := range w.plan.Questions {
		if IsItemGrid(q.Kind) && len(q.Statements) > 0 {
			r.Answers[i] = make([]string, len(q.Statements))
		}
	}
	for ci, col := range w.plan.Columns {
		if ci >= len(rec) {
			break
		}
		v := strings.TrimSpace(data.CleanAnswerText(rec[ci]))
		if n := utf8.RuneCountInString(v); n > maxCellRunes {
			return &tabular.FileError{File: w.file, Line: line, Column: ci + 1,
				Msg: fmt.Sprintf("holds %d characters; an answer may have at most %d", n, maxCellRunes), Hint: "check that the file is a survey export and its quotes are closed"}
		}
		switch col.Role {
		case RoleTimestamp:
			r.Submitted = v
		case RolePartner:
			r.PartnerID = w.partnerID(v)
		case RoleSession:
			r.Session = strings.TrimSuffix(v, ".0") // Mentimeter writes 1 or 1.0
		case RoleQuestion:
			if err := w.answer(&r, col, v, line, ci+1); err != nil {
				return err
			}
			if other := col.OtherOf - 1; other >= 0 && v != "" && !slices.Contains(r.Answers[other], col.OtherLabel) {
				r.Answers[other] = append(r.Answers[other], col.OtherLabel) // an "Other" written is the option Other chosen
			}
		}
	}
	if !inScope(r.Session, w.session) {
		return nil // another session's voter
	}
	w.count++
	w.tally.add(w.plan, r, w.partnerPosition(r.PartnerID), w.option)
	w.batch = append(w.batch, r)
	if len(w.batch) >= 600 {
		return w.flush()
	}
	return nil
}

func (w *writer) answer(r *data.Respondent, col Column, v string, line, column int) error {
	q := w.plan.Questions[col.Question]
	if v == "" {
		return nil
	}
	if w.plan.Format == "mentimeter" {
		v = canonicalNumber(v) // a numeric cell ("14.0") is the option "14"
	}
	switch q.Kind {
	case data.KindScales, data.KindPoints:
		n, err := strconv.Atoi(v)
		if err != nil {
			if isNoAnswer(v) {
				return nil
			}
			what := "a number on the scale of"
			if q.Kind == data.KindPoints {
				what = "a whole number of points for"
			}
			return &tabular.FileError{File: w.file, Line: line, Column: column, Msg: fmt.Sprintf("%q is not %s %q", truncate(v, 30), what, truncate(q.Prompt, 40)),
				Hint: "import this column as open text, or fix the cell"}
		}
		if q.Kind == data.KindScales {
			if err := w.onScale(col.Question, n, line, column); err != nil {
				return err
			}
		}
		if q.Kind == data.KindPoints && n < 0 {
			return &tabular.FileError{File: w.file, Line: line, Column: column, Msg: fmt.Sprintf("%d points given in %q; points cannot be negative", n, truncate(q.Prompt, 40))}
		}
		r.Answers[col.Question][col.Statement] = strconv.Itoa(n)
	case data.KindRanking:
		return w.rank(r, col, v, line, column)
	case data.KindMultipleChoice:
		if q.Separator == "" { // one chosen option per column
			if !slices.Contains(r.Answers[col.Question], v) {
				r.Answers[col.Question] = append(r.Answers[col.Question], v)
			}
			return nil
		}
		for _, part := range strings.Split(v, q.Separator) {
			if part = strings.TrimSpace(part); part != "" && !slices.Contains(r.Answers[col.Question], part) { // ticked once, counted once
				r.Answers[col.Question] = append(r.Answers[col.Question], part)
			}
		}
	default:
		r.Answers[col.Question] = append(r.Answers[col.Question], v)
	}
	return nil
}

func isNoAnswer(v string) bool {
	switch strings.ToLower(v) {
	case "-", "n/a", "na", "none", "skip", "skipped":
		return true
	}
	return false
}

// maxScaleWidth is the widest scale a column may grow to: beyond it the
// numbers are not a rating (0–100 points, years) and the import stops.
const maxScaleWidth = 10

// onScale widens a scale when a value lies outside the range guessed from
// the first rows (a 0 on row 900 of a 1–5 scale makes it 0–5), and refuses
// a value that would make it wider than a rating scale.
func (w *writer) onScale(qi, n, line, column int) error {
	q := w.plan.Questions[qi]
	seen := w.scaleSeen[qi]
	lo, hi := min(q.ScaleMin, seen[0], n), max(q.ScaleMax, seen[1], n)
	if hi-lo > maxScaleWidth {
		return &tabular.FileError{File: w.file, Line: line, Column: column, Msg: fmt.Sprintf("%d does not fit the scale %d–%d of %q", n, q.ScaleMin, q.ScaleMax, truncate(q.Prompt, 40)),
			Hint: "import this column as open text, or fix the cell"}
	}
	seen[0], seen[1] = lo, hi
	return nil
}

// rank stores a ranking answer as each item's position: from a grid
// column holding the rank of its item, or from one cell listing the items
// in order ("Masterclass; Study visit; Peer review").
func (w *writer) rank(r *data.Respondent, col Column, v string, line, column int) error {
	q := w.plan.Questions[col.Question]
	if len(q.Statements) > 0 {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > len(q.Statements) {
			if isNoAnswer(v) {
				return nil
			}
			return &tabular.FileError{File: w.file, Line: line, Column: column,
				Msg: fmt.Sprintf("%q is not a rank from 1 to %d for %q", truncate(v, 30), len(q.Statements), truncate(q.Prompt, 40))}
		}
		r.Answers[col.Question][col.Statement] = strconv.Itoa(n)
		return nil
	}
	sep := q.Separator
	if sep == "" {
		sep = ";"
	}
	pos := 0
	for _, item := range strings.Split(v, sep) {
		if item = strings.TrimSpace(item); item == "" {
			continue
		}
		pos++
		slot := w.option(col.Question, item)
		for len(r.Answers[col.Question]) <= slot {
			r.Answers[col.Question] = append(r.Answers[col.Question], "")
		}
		if r.Answers[col.Question][slot] != "" {
			return &tabular.FileError{File: w.file, Line: line, Column: column, Msg: fmt.Sprintf("ranks %q twice", truncate(item, 30))}
		}
		r.Answers[col.Question][slot] = strconv.Itoa(pos)
	}
	return nil
}

// partnerPosition numbers the partners respondents name, from 1 (0 is
// everybody), for the tally.
func (w *writer) partnerPosition(id string) int32 {
	if id == "" {
		return everybody
	}
	pos, ok := w.partnerPos[id]
	if !ok {
		pos = int32(len(w.partnerKeys))
		w.partnerPos[id] = pos
		w.partnerKeys = append(w.partnerKeys, id)
	}
	return pos
}

func answered(ans []string) bool {
	for _, a := range ans {
		if a != "" {
			return true
		}
	}
	return false
}

// option returns a choice label's position, numbering new labels as seen.
func (w *writer) option(qi int, label string) int {
	if pos, ok := w.options[qi][label]; ok {
		return pos
	}
	pos := len(w.labels[qi])
	w.options[qi][label] = pos
	w.labels[qi] = append(w.labels[qi], label)
	return pos
}

// partnerID matches a partner column's value to a partner (newWriter read
// them, since the plan has a partner column).
func (w *writer) partnerID(name string) string {
	id := w.partners[data.NameKey(name)]
	if id == "" && name != "" && (len(w.unmatched) < 100 || w.unmatched[name] > 0) {
		w.unmatched[name]++
	}
	return id
}

// unmatchedPartners lists the partner names that matched no partner, most
// frequent first.
func (w *writer) unmatchedPartners() []NameCount {
	var out []NameCount
	for name, n := range w.unmatched {
		out = append(out, NameCount{name, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func (w *writer) flush() error {
	if err := w.ctx.Err(); err != nil {
		return err // cancelled: the transaction rolls back
	}
	if err := w.tx.AddRespondents(w.surveyID, w.batch); err != nil {
		return err
	}
	w.batch = w.batch[:0]
	if w.progress != nil {
		w.progress(w.count)
	}
	return nil
}

func (w *writer) finish() error {
	if err := w.flush(); err != nil {
		return err
	}
	if w.count == 0 && w.plan.CountsOnly {
		return &tabular.FileError{File: w.file, Msg: "has Session sheets without answers and no Voters sheet", Hint: "export the presentation's results again from Mentimeter, with the voters' data"}
	}
	if w.count == 0 {
		return &tabular.FileError{File: w.file, Msg: "has a header but no answers", Hint: "choose the export with the responses"}
	}
	w.addAudienceQuestions()
	for qi, labels := range w.labels {
		if err := w.tx.AddOptions(w.qids[qi], 0, labels); err != nil {
			return err
		}
	}
	for qi, q := range w.plan.Questions {
		if seen := w.scaleSeen[qi]; q.Kind == data.KindScales && (seen[0] != q.ScaleMin || seen[1] != q.ScaleMax) {
			if err := w.tx.SetScale(w.qids[qi], seen[0], seen[1]); err != nil {
				return err
			}
		}
	}
	if err := w.tx.SaveAggregates(w.tally.aggregates(w.qids, w.partnerKeys)); err != nil {
		return err
	}
	return w.tx.SetSurveyRespondents(w.surveyID, w.count)
}

func blankRecord(rec []string) bool { return blankFrom(rec, 0) }

func blankFrom(rec []string, i int) bool {
	for _, c := range rec[min(i, len(rec)):] {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// truncate shortens text shown in messages.
func truncate(s string, n int) string { return text.Truncate(s, n) }
