package survey

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

// reportFacts is the line under a report's title: who answered, from
// which file, when.
func reportFacts(sv data.Survey, partnerName string) string {
	who := RespondentsText(sv.Respondents, sv.CountsOnly)
	if partnerName != "" {
		who = "Answers of " + partnerName + " (of " + who + ")"
	}
	facts := []string{who}
	if sv.SourceFile != "" {
		facts = append(facts, "imported from "+sv.SourceFile+" ("+sv.Format+")")
	}
	if len(sv.ImportedAt) >= 10 {
		facts = append(facts, "on "+sv.ImportedAt[:10])
	}
	return strings.Join(facts, " · ")
}

// questionHeading and QuestionFacts name a question and say how many
// answered it (and skipped it, unless the survey holds counts only).
func questionHeading(q QuestionResult) string { return fmt.Sprintf("%d. %s", q.Position, q.Prompt) }

func QuestionFacts(q QuestionResult, countsOnly bool) string {
	facts := fmt.Sprintf("%s · %d answered", KindLabel(q.Kind), q.Respondents)
	if countsOnly { // who skipped is unknown without the voters' rows
		return facts
	}
	return facts + fmt.Sprintf(" · %d skipped", q.Skipped)
}

// ReportDocument is the survey report as a document (for the DOCX): each
// question under its heading with its results as a table whose figures
// are numbers in their own right-aligned columns, or an open question's
// answers as given.
func ReportDocument(res Results, sv data.Survey, partnerName string) doc.Document {
	d := doc.Document{Title: sv.Title, Subtitle: reportFacts(sv, partnerName)}
	for i, q := range reportSections(res, sv) {
		heading, facts := questionHeading(q), QuestionFacts(q, sv.CountsOnly)
		if i == 0 && res.RespondentsByPartner != nil {
			heading, facts = q.Prompt, PartnerFacts(*res.RespondentsByPartner, sv.Respondents)
		}
		d.Blocks = append(d.Blocks, doc.Heading{Level: 2, Text: heading}, doc.Text(facts))
		if answers := openAnswerLines(q); len(answers) > 0 {
			l := doc.List{}
			for _, a := range answers {
				l.Items = append(l.Items, []doc.Run{{Text: a}})
			}
			d.Blocks = append(d.Blocks, l)
			if more := moreAnswers(q); more != "" {
				d.Blocks = append(d.Blocks, doc.Paragraph{Runs: []doc.Run{{Text: more, Italic: true}}})
			}
			continue
		}
		t := resultsTable(q)
		if len(t.Rows) == 0 {
			d.Blocks = append(d.Blocks, doc.Text("No answers."))
			continue
		}
		d.Blocks = append(d.Blocks, t)
	}
	return d
}

// openAnswerLines are an open question's answers as the report lists
// them, newest first; none for other questions.
func openAnswerLines(q QuestionResult) []string {
	if q.Kind != data.KindOpenEnded {
		return nil
	}
	var out []string
	for _, a := range q.Answers {
		out = append(out, "“"+a+"”")
	}
	return out
}

// moreAnswers says how many answers the report leaves out, "" for none:
// beyond the newest, and those the presenter hid.
func moreAnswers(q QuestionResult) string {
	var out []string
	if q.MoreAnswers > 0 {
		out = append(out, fmt.Sprintf("and %s (every answer is in the XLSX export)", text.Count(q.MoreAnswers, "more answer", "more answers")))
	}
	if q.Hidden > 0 {
		out = append(out, HiddenNote(q))
	}
	return strings.Join(out, "; ")
}

// HiddenNote says how many of q's answers the presenter hid ("" for none).
func HiddenNote(q QuestionResult) string {
	if q.Hidden == 0 {
		return ""
	}
	return text.Count(q.Hidden, "answer", "answers") + " hidden by the presenter"
}

// resultsTable is a question's results with each figure in its column.
func resultsTable(q QuestionResult) doc.Table {
	num := func(s string) doc.Cell { return doc.Cell{Text: s, Right: true} }
	var t doc.Table
	row := func(cells ...doc.Cell) {
		if len(t.Rows) < reportMaxRows {
			t.Rows = append(t.Rows, cells)
		}
	}
	switch {
	case len(q.Options) > 0:
		t.Header = []string{"Answer", "Count", "Share"}
		if isPartnerBlock(q) {
			t.Header[0] = "Partner"
		}
		for _, o := range q.Options {
			row(doc.Cell{Text: o.Label}, num(strconv.Itoa(o.Count)), num(fmt.Sprintf("%.1f %%", o.Percent)))
		}
	case len(q.Statements) > 0:
		values := statementValues(q.Statements)
		t.Header = append(append([]string{"Statement"}, values...), "Mean", "Median", "Answers")
		for _, st := range q.Statements {
			cells := []doc.Cell{{Text: st.Label}}
			for _, v := range values { // the distribution: how many gave each value
				cells = append(cells, num(strconv.Itoa(st.Values[v])))
			}
			row(append(cells, num(fmt.Sprintf("%.2f", st.Mean)), num(fmt.Sprintf("%g", st.Median)), num(strconv.Itoa(st.Count)))...)
		}
	case len(q.Items) > 0 && q.Kind == data.KindRanking:
		t.Header = []string{"Item", "Average position", "Ranked by"}
		for i, it := range q.Items {
			row(doc.Cell{Text: fmt.Sprintf("%d. %s", i+1, it.Label)}, num(fmt.Sprintf("%.2f", it.Average)), num(strconv.Itoa(it.Count)))
		}
	case len(q.Items) > 0:
		t.Header = []string{"Item", "Average points", "Answers"}
		for _, it := range q.Items {
			row(doc.Cell{Text: it.Label}, num(fmt.Sprintf("%.1f", it.Average)), num(strconv.Itoa(it.Count)))
		}
	case len(q.Audience) > 0:
		t.Header = audienceHeader
		for _, a := range q.Audience {
			row(doc.Cell{Text: a.Text}, num(strconv.Itoa(a.Upvotes)), doc.Cell{Text: answeredText(a.Answered)})
		}
	case len(q.Words) > 0:
		t.Header = []string{"Word", "Count"}
		for _, w := range q.Words {
			row(doc.Cell{Text: w.Word}, num(strconv.Itoa(w.Count)))
		}
	}
	return t
}

// audienceHeader heads the table of the audience's questions.
var audienceHeader = []string{"Question from the audience", "Upvotes", "Answered"}

func answeredText(answered bool) string {
	if answered {
		return "yes"
	}
	return "no"
}

// WriteDOCX writes the survey report (everybody's, or one partner's) as
// a Word document.
func WriteDOCX(ctx context.Context, s *data.Store, sv data.Survey, partnerID, partnerName string, w io.Writer) error {
	res, err := LoadResults(ctx, s, sv, partnerID)
	if err != nil {
		return err
	}
	return doc.WriteDOCX(w, ReportDocument(res, sv, partnerName))
}

// reportSections are what the report shows, in order: the respondents per
// partner (when they were matched to partners), then every question.
func reportSections(res Results, sv data.Survey) []QuestionResult {
	if res.RespondentsByPartner == nil {
		return res.Questions
	}
	return append([]QuestionResult{res.RespondentsByPartner.AsQuestion(sv.Respondents)}, res.Questions...)
}

// PartnerFacts is the line of figures under the respondents per partner,
// on screen, on slides and in the reports.
func PartnerFacts(b PartnerBlock, respondents int) string {
	if b.Unmatched == 0 {
		return fmt.Sprintf("%d respondents, each matched to a partner", respondents)
	}
	return fmt.Sprintf("%d respondents · %d matched to no partner", respondents, b.Unmatched)
}

// statementValues are the values any of the statements was scored on,
// lowest first (each statement's values are its scale's, so they agree).
func statementValues(statements []StatementResult) []string {
	all := StatementResult{Values: map[string]int{}}
	for _, st := range statements {
		for v := range st.Values {
			all.Values[v] = 0
		}
	}
	return scaleValues(all)
}
