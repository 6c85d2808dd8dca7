package survey

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

// reportFacts is the line under a report's title: who answered, from
// which file, when.
func reportFacts(sv data.Survey, partnerName string) string {
	who := fmt.Sprintf("%d respondents", sv.Respondents)
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

// questionHeading and questionFacts name a question and say how many answered it.
func questionHeading(q QuestionResult) string { return fmt.Sprintf("%d. %s", q.Position, q.Prompt) }

func questionFacts(q QuestionResult) string {
	return fmt.Sprintf("%s · %d answered · %d skipped", strings.ReplaceAll(q.Kind, "_", " "), q.Respondents, q.Skipped)
}

// ReportDocument is the survey report as a document (for the DOCX): each
// question under its heading with the rows its chart shows — answer and
// figures, right-aligned — as a table.
func ReportDocument(res Results, sv data.Survey, partnerName string) doc.Document {
	d := doc.Document{Title: sv.Title, Subtitle: reportFacts(sv, partnerName)}
	for i, q := range reportSections(res, sv) {
		heading, facts := questionHeading(q), questionFacts(q)
		if i == 0 && res.RespondentsByPartner != nil {
			heading, facts = q.Prompt, partnerFacts(*res.RespondentsByPartner, sv.Respondents)
		}
		d.Blocks = append(d.Blocks, doc.Heading{Level: 2, Text: heading}, doc.Text(facts))
		rows := ChartRows(q)
		if len(rows) > reportMaxRows {
			rows = rows[:reportMaxRows]
		}
		if len(rows) == 0 {
			d.Blocks = append(d.Blocks, doc.Text("No answers."))
			continue
		}
		t := doc.Table{Header: []string{"Answer", "Result"}}
		for _, r := range rows {
			t.Rows = append(t.Rows, []doc.Cell{{Text: r.Label}, {Text: r.Figures, Right: true}})
		}
		d.Blocks = append(d.Blocks, t)
	}
	return d
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

// partnerFacts is the line of figures under the respondents per partner.
func partnerFacts(b PartnerBlock, respondents int) string {
	return fmt.Sprintf("%d respondents · %d matched to no partner", respondents, b.Unmatched)
}
