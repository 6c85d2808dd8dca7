package survey

import (
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// isMonkeySubheader recognises SurveyMonkey's second header row.
func isMonkeySubheader(row []string) bool {
	return containsCell(row, "Response") || containsCell(row, "Open-Ended Response")
}

// monkeyPlan reads SurveyMonkey's two header rows: row 1 names metadata and
// each question (over the first of its columns), row 2 says "Response",
// "Open-Ended Response", or one option (or statement) per column.
func monkeyPlan(header, sub []string, sample [][]string, partners []data.Partner) Plan {
	p := Plan{Format: "surveymonkey"}
	partnerKeys := map[string]bool{}
	for _, pt := range partners {
		partnerKeys[data.NameKey(pt.Name)] = true
	}
	current := -1 // question of the current column group
	for i, raw := range header {
		h := strings.TrimSpace(raw)
		s := ""
		if i < len(sub) {
			s = strings.TrimSpace(sub[i])
		}
		col := Column{Header: strings.TrimSpace(h + " " + s), Role: RoleIgnore}
		values := columnValues(sample, i)
		switch {
		case h != "" && metaHeaders[strings.ToLower(h)] != "":
			col.Role, current = metaHeaders[strings.ToLower(h)], -1
		case h != "" && s == "Response" && mostlyPartners(values, partnerKeys):
			col.Role, current = RolePartner, -1
		case h != "": // a new question
			current = len(p.Questions)
			var q PlannedQuestion
			switch s {
			case "Response":
				q = guessQuestionWith(h, values, nil) // SurveyMonkey spreads options over columns: a Response cell is one answer
			case "Open-Ended Response":
				q = PlannedQuestion{Prompt: h, Kind: data.KindOpenEnded}
			default: // options or statements, one per column
				q = PlannedQuestion{Prompt: h, Kind: data.KindMultipleChoice}
				if allNumeric(values) {
					q = PlannedQuestion{Prompt: h, Kind: data.KindScales, ScaleMin: 1, ScaleMax: 5}
				}
			}
			p.Questions = append(p.Questions, q)
			fallthrough
		case current >= 0:
			q := &p.Questions[current]
			col.Role, col.Question = RoleQuestion, current
			switch {
			case q.Kind == data.KindScales:
				col.Statement = len(q.Statements)
				q.Statements = append(q.Statements, s)
				widenScale(q, values)
			case h == "" && (s == "Open-Ended Response" || strings.HasPrefix(strings.ToLower(s), "other (please specify)")):
				// the free text of a choice's "Other": an open question of its own
				col.OtherOf, col.OtherLabel = current+1, s
				if q.Kind == data.KindMultipleChoice {
					q.Listed = append(q.Listed, s)
				}
				p.Questions = append(p.Questions, PlannedQuestion{Prompt: q.Prompt + " — other", Kind: data.KindOpenEnded})
				col.Question = len(p.Questions) - 1
			case q.Kind == data.KindMultipleChoice && s != "":
				q.Listed = append(q.Listed, s) // one option per column, named by the second header row
			case q.Kind == data.KindSingleChoice && h == "":
				q.Kind = data.KindMultipleChoice // several option columns
			}
		}
		p.Columns = append(p.Columns, col)
	}
	for i := range p.Questions { // options spread over columns hold one label each
		if p.Questions[i].Kind == data.KindMultipleChoice {
			p.Questions[i].Separator = ""
		}
	}
	return p
}
