package survey

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
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
// the data its chart shows, and every respondent's answers (streamed, so a
// large survey does not fill memory). Cells are text, never formulas.
func WriteXLSX(ctx context.Context, s *data.Store, sv data.Survey, w io.Writer) error {
	res, err := LoadResults(ctx, s, sv, "")
	if err != nil {
		return err
	}
	qs, partners, err := exportContext(ctx, s, sv)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: tabular.Font(true, 0, "")})
	if err != nil {
		return err
	}
	const summary = "Summary"
	f.SetSheetName("Sheet1", summary)
	put := func(sheet string, row int, bolded bool, values ...any) error {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := f.SetSheetRow(sheet, cell, &values); err != nil {
			return err
		}
		if bolded {
			end, _ := excelize.CoordinatesToCellName(len(values), row)
			return f.SetCellStyle(sheet, cell, end, bold)
		}
		return nil
	}
	rows := [][]any{{sv.Title}, {"Respondents", sv.Respondents}, {"Source", sv.SourceFile}, {"Format", sv.Format}, {}, {"#", "Question", "Kind", "Answered", "Skipped"}}
	for i, r := range rows {
		if err := put(summary, i+1, i == 0 || i == 5, r...); err != nil {
			return err
		}
	}
	for i, q := range res.Questions {
		if err := put(summary, 7+i, false, q.Position, q.Prompt, strings.ReplaceAll(q.Kind, "_", " "), q.Respondents, q.Skipped); err != nil {
			return err
		}
		sheet := fmt.Sprintf("Q%d", q.Position)
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		if err := writeQuestionSheet(put, sheet, q); err != nil {
			return err
		}
	}
	if b := res.RespondentsByPartner; b != nil {
		if err := writePartnerBlock(put, summary, 8+len(res.Questions), *b); err != nil {
			return err
		}
	}
	f.SetColWidth(summary, "B", "B", 60)
	return writeAnswersSheet(ctx, f, s, sv, qs, partners, w)
}

// writePartnerBlock writes, from row on, the respondents of each partner
// and those of none, under the summary's questions.
func writePartnerBlock(put func(string, int, bool, ...any) error, sheet string, row int, b PartnerBlock) error {
	if err := put(sheet, row, true, "", "Respondents per partner", "Count", "Percent"); err != nil {
		return err
	}
	for _, p := range b.Partners {
		row++
		if err := put(sheet, row, false, "", p.Name, p.Count, p.Percent); err != nil {
			return err
		}
	}
	return put(sheet, row+1, false, "", unmatchedLabel, b.Unmatched)
}

func writeQuestionSheet(put func(string, int, bool, ...any) error, sheet string, q QuestionResult) error {
	if err := put(sheet, 1, true, q.Prompt); err != nil {
		return err
	}
	row := 3
	switch {
	case len(q.Options) > 0:
		put(sheet, row, true, "Option", "Count", "Percent")
		for _, o := range q.Options {
			row++
			if err := put(sheet, row, false, o.Label, o.Count, o.Percent); err != nil {
				return err
			}
		}
	case len(q.Statements) > 0:
		put(sheet, row, true, "Statement", "Mean", "Median", "Answers")
		for _, st := range q.Statements {
			row++
			if err := put(sheet, row, false, st.Label, st.Mean, st.Median, st.Count); err != nil {
				return err
			}
		}
	case len(q.Items) > 0:
		average := "Average position"
		if q.Kind == data.KindPoints {
			average = "Average points"
		}
		put(sheet, row, true, "Item", average, "Respondents", "Total")
		for _, it := range q.Items {
			row++
			if err := put(sheet, row, false, it.Label, it.Average, it.Count, it.Total); err != nil {
				return err
			}
		}
	default:
		put(sheet, row, true, "Word", "Count")
		for _, wd := range q.Words {
			row++
			if err := put(sheet, row, false, wd.Word, wd.Count); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeAnswersSheet(ctx context.Context, f *excelize.File, s *data.Store, sv data.Survey, qs []data.Question, partners map[string]string, w io.Writer) error {
	const sheet = "Answers"
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	header := append([]string{"Respondent", "Partner", "Session", "Submitted"}, answerColumns(qs)...)
	if err := sw.SetRow("A1", toAny(header)); err != nil {
		return err
	}
	row := 1
	err = s.EachRespondent(ctx, sv.ID, "", func(r data.Respondent) error {
		row++
		cell, _ := excelize.CoordinatesToCellName(1, row)
		values := append([]string{fmt.Sprint(r.Position + 1), partners[r.PartnerID], r.Session, r.Submitted}, answerCells(qs, r)...)
		return sw.SetRow(cell, toAny(values))
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = excelize.Cell{Value: s} // a string cell: "=1+1" stays text
	}
	return out
}
