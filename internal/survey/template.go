package survey

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// The question template defines a survey before it runs: one row per
// question, "kind, prompt, option, option…". Kinds: single, multiple,
// scales (or "scales 1-10"; the options are the statements), wordcloud,
// open, ranking, points, qa.
var templateKinds = map[string]string{
	"single": data.KindSingleChoice, "single choice": data.KindSingleChoice, "multiple": data.KindMultipleChoice,
	"multiple choice": data.KindMultipleChoice, "scales": data.KindScales, "scale": data.KindScales, "wordcloud": data.KindWordCloud,
	"word cloud": data.KindWordCloud, "open": data.KindOpenEnded, "open ended": data.KindOpenEnded, "ranking": data.KindRanking,
	"points": data.KindPoints, "100 points": data.KindPoints, "qa": data.KindQA, "q&a": data.KindQA,
}

var scaleRange = regexp.MustCompile(`^scales?\s+(\d+)\s*-\s*(\d+)$`)

// CleanOptions tidies a question's options as typed: control characters
// dropped (a participant's answer could never match them), blanks and
// repeats left out.
func CleanOptions(options []string) []string {
	var out []string
	for _, o := range options {
		if o = cleanText(o); o != "" && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return out
}

// IsTemplate tells whether a header row is the question template's.
func IsTemplate(header []string) bool {
	return len(header) >= 2 && strings.EqualFold(strings.TrimSpace(header[0]), "kind") && strings.EqualFold(strings.TrimSpace(header[1]), "prompt")
}

// ParseTemplate reads the template's questions, saying where a row is wrong.
func ParseTemplate(t *tabular.Table) ([]data.Question, []error) {
	var qs []data.Question
	var problems []error
	for _, row := range t.Rows[1:] {
		if len(row.Cells) < 2 || strings.TrimSpace(row.Cells[0]) == "" && strings.TrimSpace(row.Cells[1]) == "" {
			continue
		}
		kindText := strings.ToLower(strings.Join(strings.Fields(row.Cells[0]), " "))
		q := data.Question{Position: len(qs), Prompt: strings.TrimSpace(row.Cells[1])}
		if m := scaleRange.FindStringSubmatch(kindText); m != nil {
			lo, err1 := strconv.ParseInt(m[1], 10, 64)
			hi, err2 := strconv.ParseInt(m[2], 10, 64)
			if err1 != nil || err2 != nil || lo >= hi || hi-lo > 100 {
				problems = append(problems, &tabular.FileError{File: t.File, Line: row.Line, Column: 1,
					Msg: fmt.Sprintf("%q is not a scale this app can show", row.Cells[0]), Hint: "write the smaller number first, at most 100 apart: scales 1-5, scales 0-10"})
				continue
			}
			q.Kind, q.ScaleMin, q.ScaleMax = data.KindScales, &lo, &hi
		} else if k, ok := templateKinds[kindText]; ok {
			q.Kind = k
		} else {
			problems = append(problems, &tabular.FileError{File: t.File, Line: row.Line, Column: 1,
				Msg: fmt.Sprintf("unknown question kind %q", row.Cells[0]), Hint: "use single, multiple, scales, wordcloud, open, ranking, points or qa"})
			continue
		}
		if q.Prompt == "" {
			problems = append(problems, &tabular.FileError{File: t.File, Line: row.Line, Column: 2, Msg: "has no question text"})
			continue
		}
		q.Options = CleanOptions(row.Cells[2:])
		needsOptions := q.Kind == data.KindSingleChoice || q.Kind == data.KindMultipleChoice || q.Kind == data.KindRanking || q.Kind == data.KindPoints
		if needsOptions && len(q.Options) < 2 {
			problems = append(problems, &tabular.FileError{File: t.File, Line: row.Line, Column: 3, Msg: "a " + kindText + " question needs at least two options"})
			continue
		}
		if q.Kind == data.KindScales {
			if q.ScaleMin == nil {
				lo, hi := int64(1), int64(5)
				q.ScaleMin, q.ScaleMax = &lo, &hi
			}
			if len(q.Options) == 0 {
				q.Options = []string{q.Prompt}
			}
		}
		qs = append(qs, q)
	}
	if len(qs) == 0 && len(problems) == 0 {
		problems = append(problems, &tabular.FileError{File: t.File, Msg: "defines no questions", Hint: "add one row per question: kind, prompt, options…"})
	}
	return qs, problems
}

// ImportTemplate creates a survey with the template's questions and no
// answers yet, in one transaction.
func ImportTemplate(ctx context.Context, s *data.Store, networkID, path, title string) (data.Survey, error) {
	return ImportTemplateFor(ctx, s, networkID, path, title, "")
}

// ImportTemplateFor is ImportTemplate for a survey of a meeting ("" for none).
func ImportTemplateFor(ctx context.Context, s *data.Store, networkID, path, title, meetingID string) (data.Survey, error) {
	t, err := tabular.ReadFile(path, tabular.Options{})
	if err != nil {
		return data.Survey{}, err
	}
	if !IsTemplate(t.Header()) {
		return data.Survey{}, &tabular.FileError{File: path, Line: 1, Msg: "is not a question template (its header must start with kind, prompt)"}
	}
	qs, problems := ParseTemplate(t)
	if len(problems) > 0 {
		return data.Survey{}, problems[0]
	}
	hash, err := HashFile(path)
	if err != nil {
		return data.Survey{}, &tabular.FileError{File: path, Msg: "cannot be read: " + err.Error()}
	}
	if title == "" {
		title = TitleFromFile(path)
	}
	var sv data.Survey
	err = s.Update(ctx, func(tx *data.Tx) error {
		var err error
		sv, err = tx.CreateSurvey(data.Survey{NetworkID: networkID, MeetingID: meetingID, Title: title, Format: "template", SourceFile: filepath.Base(path),
			SourceHash: hash, ImportedAt: time.Now().UTC().Format(time.RFC3339)})
		if err != nil {
			return err
		}
		for _, q := range qs {
			q.SurveyID = sv.ID
			if _, err := tx.CreateQuestion(q); err != nil {
				return err
			}
		}
		return nil
	})
	return sv, err
}

// IsTemplateFile tells whether a file is a question template, reading only
// its first row.
func IsTemplateFile(path string) bool {
	st, err := tabular.OpenCSV(path, tabular.Options{})
	if err != nil {
		return false
	}
	defer st.Close()
	header, _, err := st.Next()
	return err == nil && IsTemplate(header)
}
