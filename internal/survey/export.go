package survey

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/sheet"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// columnPerOption tells whether a question exports one column per option:
// the statements of a scale, the items of a ranking or of 100 points.
func columnPerOption(q data.Question) bool {
	return q.Kind == data.KindScales && len(q.Options) > 1 || q.Kind == data.KindRanking || q.Kind == data.KindPoints
}

// answerColumns are the export's columns after the respondent's own: one
// per question, or one per option where columnPerOption says so.
func answerColumns(qs []data.Question) []string {
	var cols []string
	for _, q := range qs {
		if columnPerOption(q) {
			for _, st := range q.Options {
				cols = append(cols, q.Prompt+" ["+st+"]")
			}
			continue
		}
		cols = append(cols, q.Prompt)
	}
	return cols
}

// answerCells flattens a respondent's answers to the export's columns.
func answerCells(qs []data.Question, r data.Respondent) []string {
	var cells []string
	for qi, q := range qs {
		var ans []string
		if qi < len(r.Answers) {
			ans = r.Answers[qi]
		}
		if columnPerOption(q) {
			for si := range q.Options {
				v := ""
				if si < len(ans) {
					v = ans[si]
				}
				cells = append(cells, v)
			}
			continue
		}
		cells = append(cells, strings.Join(ans, "; "))
	}
	return cells
}

// WriteCSV streams a survey as CSV, one row per respondent. Anything a
// spreadsheet would run as a formula (a respondent's "=1+1") is written as text.
//
// A survey of counts per question only has no respondent's row: its CSV
// is the counts, one row per option, value, word, listed answer or
// question from the audience (countsCSV).
func WriteCSV(ctx context.Context, s *data.Store, sv data.Survey, w io.Writer) error {
	qs, partners, err := exportContext(ctx, s, sv)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if sv.CountsOnly {
		return countsCSV(ctx, s, sv, qs, cw)
	}
	header := append([]string{"Respondent", "Partner", "Session", "Submitted"}, answerColumns(qs)...)
	if err := cw.Write(safe(header)); err != nil {
		return err
	}
	err = s.EachRespondent(ctx, sv.ID, "", func(r data.Respondent) error {
		row := append([]string{fmt.Sprint(r.Position + 1), partners[r.PartnerID], r.Session, r.Submitted}, answerCells(qs, r)...)
		return cw.Write(safe(row))
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func safe(row []string) []string {
	for i, c := range row {
		row[i] = tabular.SafeCell(c)
	}
	return row
}

func exportContext(ctx context.Context, s *data.Store, sv data.Survey) ([]data.Question, map[string]string, error) {
	qs, err := s.SurveyQuestions(ctx, sv.ID)
	if err != nil {
		return nil, nil, err
	}
	ps, err := s.Partners(ctx, sv.NetworkID)
	if err != nil {
		return nil, nil, err
	}
	names := map[string]string{}
	for _, p := range ps {
		names[p.ID] = p.Name
	}
	return qs, names, nil
}

// WriteXLSX writes a workbook: a summary sheet, one sheet per question with
// the data its chart shows (shares as percentages), and every respondent's
// answers (streamed from the store, so a large survey does not fill
// memory; scale values and points as numbers). Text is text, never a
// formula.
func WriteXLSX(ctx context.Context, s *data.Store, sv data.Survey, w io.Writer) error {
	res, err := LoadResults(ctx, s, sv, "")
	if err != nil {
		return err
	}
	qs, partners, err := exportContext(ctx, s, sv)
	if err != nil {
		return err
	}
	wb := sheet.New()
	defer wb.Close()
	above := [][]any{{sv.Title}, {"Respondents", sv.Respondents}, {"Source", sv.SourceFile}, {"Format", sv.Format}}
	if sv.CountsOnly {
		above[1] = []any{"Respondents (at least)", sv.Respondents}
		above = append(above, []any{"Counts only", CountsOnlyNote})
	}
	summary := sheet.Table{
		Name:  "Summary",
		Above: above,
		// The question (numbered, as in the report) comes first: the facts'
		// labels above stand in its wide column, their figures beside them.
		Header: []string{"Question", "Kind", "Answered", "Skipped", "Sheet"},
		Below:  partnerLines(res.RespondentsByPartner, sv.Respondents),
		Rows: func(row func(...any) error) error {
			for _, q := range res.Questions {
				var skipped any = q.Skipped
				if sv.CountsOnly {
					skipped = nil // unknown without the voters' rows
				}
				if err := row(questionHeading(q), strings.ReplaceAll(q.Kind, "_", " "), q.Respondents, skipped, questionSheet(q)); err != nil {
					return err
				}
			}
			return nil
		},
	}
	if err := wb.Add(summary); err != nil {
		return err
	}
	for _, q := range res.Questions {
		if err := wb.Add(questionTable(q)); err != nil {
			return err
		}
	}
	answers := answersTable(ctx, s, sv, qs, partners)
	if sv.CountsOnly {
		answers = listedAnswersTable(qs)
	}
	if err := wb.Add(answers); err != nil {
		return err
	}
	return wb.Write(w)
}

// questionSheet names a question's sheet: Q1, Q2…
func questionSheet(q QuestionResult) string { return fmt.Sprintf("Q%d", q.Position) }

// questionTable is the data a question's chart shows.
func questionTable(q QuestionResult) sheet.Table {
	t := sheet.Table{Name: questionSheet(q), Above: [][]any{{q.Prompt}}}
	var rows [][]any
	switch {
	case len(q.Options) > 0:
		t.Header = []string{"Option", "Count", "Share"}
		for _, o := range q.Options {
			rows = append(rows, []any{o.Label, o.Count, sheet.Percent(o.Percent / 100)})
		}
	case len(q.Statements) > 0: // with how many gave each value, as the tools chart a scale
		values := scaleValues(q.Statements[0])
		t.Header = append([]string{"Statement", "Mean", "Median", "Answers"}, values...)
		for _, st := range q.Statements {
			r := []any{st.Label, st.Mean, st.Median, st.Count}
			for _, v := range values {
				r = append(r, st.Values[v])
			}
			rows = append(rows, r)
		}
	case len(q.Audience) > 0:
		t.Header = audienceHeader
		for _, a := range q.Audience {
			rows = append(rows, []any{a.Text, a.Upvotes, answeredText(a.Answered)})
		}
	case len(q.Items) > 0:
		average := "Average position"
		if q.Kind == data.KindPoints {
			average = "Average points"
		}
		t.Header = []string{"Item", average, "Respondents", "Total"}
		for _, it := range q.Items {
			rows = append(rows, []any{it.Label, it.Average, it.Count, it.Total})
		}
	default:
		t.Header = []string{"Word", "Count"}
		for _, wd := range q.Words {
			rows = append(rows, []any{wd.Word, wd.Count})
		}
	}
	t.Rows = func(row func(...any) error) error {
		for _, r := range rows {
			if err := row(r...); err != nil {
				return err
			}
		}
		return nil
	}
	return t
}

// scaleValues are a scale's values in order ("1"…"5").
func scaleValues(st StatementResult) []string {
	var nums []int
	for k := range st.Values {
		if n, err := strconv.Atoi(k); err == nil {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	out := make([]string, len(nums))
	for i, n := range nums {
		out[i] = strconv.Itoa(n)
	}
	return out
}

// answersTable is every respondent's answers, one row each, read from the
// store as the sheet is written.
func answersTable(ctx context.Context, s *data.Store, sv data.Survey, qs []data.Question, partners map[string]string) sheet.Table {
	numeric := numericColumns(qs)
	return sheet.Table{
		Name:          "Answers",
		Header:        append([]string{"Respondent", "Partner", "Session", "Submitted"}, answerColumns(qs)...),
		FrozenColumns: 1,
		Rows: func(row func(...any) error) error {
			return s.EachRespondent(ctx, sv.ID, "", func(r data.Respondent) error {
				values := []any{r.Position + 1, partners[r.PartnerID], r.Session, sheet.When(r.Submitted)}
				for i, cell := range answerCells(qs, r) {
					values = append(values, answerValue(cell, numeric[i]))
				}
				return row(values...)
			})
		},
	}
}

// numericColumns tells, per answer column, whether it holds numbers: the
// values of scales, the positions of a ranking, the points of 100 points.
func numericColumns(qs []data.Question) []bool {
	var out []bool
	for _, q := range qs {
		if columnPerOption(q) {
			for range q.Options {
				out = append(out, true)
			}
			continue
		}
		out = append(out, q.Kind == data.KindScales)
	}
	return out
}

// answerValue is a number where the column holds numbers and the answer
// reads as one, else the answer's text.
func answerValue(cell string, numeric bool) any {
	if !numeric {
		return cell
	}
	if n, err := strconv.ParseFloat(strings.TrimSpace(cell), 64); err == nil {
		if n == float64(int(n)) {
			return int(n)
		}
		return n
	}
	if cell == "" {
		return nil
	}
	return cell
}

// partnerLines are the summary's lines of respondents per partner (none
// when the respondents were not matched to partners): each partner's
// count and share, then those matched to none.
func partnerLines(b *PartnerBlock, respondents int) [][]any {
	if b == nil {
		return nil
	}
	lines := [][]any{{"Respondents per partner", "Count", "Share"}}
	for _, p := range b.Partners {
		lines = append(lines, []any{p.Name, p.Count, sheet.Percent(p.Percent / 100)})
	}
	return append(lines, []any{unmatchedLabel, b.Unmatched, sheet.Percent(float64(b.Unmatched) / float64(max(respondents, 1)))})
}
