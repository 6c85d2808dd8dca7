package survey

import (
	"context"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/sheet"
)

// countsCSVHeader heads the CSV of a survey of counts per question only.
var countsCSVHeader = []string{"Question", "Kind", "Answer", "Value", "Count", "Upvotes", "Answered"}

// countsCSV writes the counts of a survey imported without voters' rows:
// each option with its votes (those nobody chose too), each statement's
// or item's count per value, each word, each listed answer, each question
// from the audience with its upvotes — what the source tool showed.
func countsCSV(ctx context.Context, s *data.Store, sv data.Survey, qs []data.Question, cw *csv.Writer) error {
	res, err := LoadResults(ctx, s, sv, "")
	if err != nil {
		return err
	}
	if err := cw.Write(countsCSVHeader); err != nil {
		return err
	}
	counts, err := s.SurveyCounts(ctx, sv.ID, "")
	if err != nil {
		return err
	}
	byQuestion := map[string][]data.Count{}
	for _, c := range counts {
		byQuestion[c.QuestionID] = append(byQuestion[c.QuestionID], c)
	}
	for i, q := range res.Questions {
		heading, kind := questionHeading(q), strings.ReplaceAll(q.Kind, "_", " ")
		write := func(answer, value, count, upvotes, answered string) error {
			return cw.Write(safe([]string{heading, kind, answer, value, count, upvotes, answered}))
		}
		var err error
		switch {
		case len(q.Options) > 0:
			for _, o := range q.Options {
				if err = write(o.Label, "", itoa(o.Count), "", ""); err != nil {
					break
				}
			}
		case len(q.Statements) > 0 || len(q.Items) > 0: // the count of each value (scale value, position, points) per row
			err = valueRows(qs[i], byQuestion[q.ID], write)
		case len(q.Audience) > 0:
			for _, a := range q.Audience {
				if err = write(a.Text, "", "", itoa(a.Upvotes), answeredText(a.Answered)); err != nil {
					break
				}
			}
		case q.Kind == data.KindOpenEnded:
			for _, a := range qs[i].Options { // every answer listed, not only the report's first
				if err = write(a, "", "", "", ""); err != nil {
					break
				}
			}
		default:
			for _, w := range q.Words {
				if err = write(w.Word, "", itoa(w.Count), "", ""); err != nil {
					break
				}
			}
		}
		if err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// valueRows writes a grid question's counts: per row (statement or item,
// in the question's order) each value with how many gave it.
func valueRows(q data.Question, counts []data.Count, write func(answer, value, count, upvotes, answered string) error) error {
	per := make([]map[int]int, len(q.Options))
	for i := range per {
		per[i] = map[int]int{}
	}
	forOptions(counts, len(q.Options), func(c data.Count) { per[c.Option][c.Value] += c.Count })
	for i, label := range q.Options {
		for _, v := range sortedKeys(per[i]) {
			if err := write(label, strconv.Itoa(v), itoa(per[i][v]), "", ""); err != nil {
				return err
			}
		}
	}
	return nil
}

func sortedKeys(m map[int]int) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// listedAnswersTable is, for a survey of counts only, the open answers
// the source listed, in its order: the XLSX's sheet in place of the
// respondents' answers.
func listedAnswersTable(qs []data.Question) sheet.Table {
	return sheet.Table{
		Name:   "Answers",
		Above:  [][]any{{"Answers listed in the file (" + CountsOnlyNote + ")"}},
		Header: []string{"Question", "Answer"},
		Rows: func(row func(...any) error) error {
			for _, q := range qs {
				if q.Kind != data.KindOpenEnded {
					continue
				}
				for _, a := range q.Options {
					if err := row(questionHeading(QuestionResult{Position: q.Position + 1, Prompt: q.Prompt}), a); err != nil {
						return err
					}
				}
			}
			return nil
		},
	}
}
