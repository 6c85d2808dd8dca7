package survey

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// RoleSession marks Mentimeter's session column.
const RoleSession = "session"

// isMentiHeader recognises the header row of Mentimeter's "Voters" sheet.
func isMentiHeader(row []string) bool {
	if len(row) < 3 {
		return false
	}
	first := strings.ToLower(strings.TrimSpace(row[0]))
	return (first == "date" || first == "date (utc)") && strings.EqualFold(strings.TrimSpace(row[1]), "Session") && strings.EqualFold(strings.TrimSpace(row[2]), "Voter")
}

// mentiColumn splits "Title: suffix" (the last ": " or a trailing ":").
var mentiColumn = regexp.MustCompile(`^(.*?):\s*([^:]*)$`)

// mentiPlan maps the Voters columns to questions: multi-select answers
// spread over "Title: 1…N", a scale's statements as "Question: statement",
// open answers as "Title: 1", "Upvotes", "Title: 2"…, reactions as ":".
func mentiPlan(header []string, sample [][]string, types *mentiTypes) Plan {
	p := Plan{Format: "mentimeter"}
	byTitle := map[string]int{}
	upvotes := map[string]bool{}
	for i, h := range header { // a title followed by Upvotes columns is open text
		if strings.EqualFold(strings.TrimSpace(h), "Upvotes") && i > 0 {
			if m := mentiColumn.FindStringSubmatch(strings.TrimSpace(header[i-1])); m != nil {
				upvotes[m[1]] = true
			}
		}
	}
	for i, raw := range header {
		h := strings.TrimSpace(raw)
		col := Column{Header: h, Role: RoleIgnore}
		switch lower := strings.ToLower(h); {
		case i == 0:
			col.Role = RoleTimestamp
		case lower == "session":
			col.Role = RoleSession
		case lower == "voter", lower == "upvotes", strings.HasPrefix(h, ":"), h == "":
		default:
			m := mentiColumn.FindStringSubmatch(h)
			if m == nil || strings.TrimSpace(m[1]) == "" {
				break
			}
			title, suffix := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
			qi, seen := byTitle[title]
			if !seen {
				q, ok := mentiQuestion(title, suffix, columnValues(sample, i), types, upvotes[title])
				if !ok {
					break // a content slide
				}
				qi = len(p.Questions)
				byTitle[title] = qi
				p.Questions = append(p.Questions, q)
			}
			q := &p.Questions[qi]
			col.Role, col.Question = RoleQuestion, qi
			switch q.Kind {
			case data.KindScales:
				col.Statement = len(q.Statements)
				q.Statements = append(q.Statements, suffix)
				widenScale(q, columnValues(sample, i))
			case data.KindSingleChoice:
				if seen && isNumber(suffix) {
					q.Kind = data.KindMultipleChoice // a second "Title: 2" column
				}
			}
		}
		p.Columns = append(p.Columns, col)
	}
	return p
}

// mentiQuestion decides a question's kind from the Session sheets' Type
// when present, and from the columns otherwise.
func mentiQuestion(title, suffix string, values []string, types *mentiTypes, hasUpvotes bool) (PlannedQuestion, bool) {
	q := PlannedQuestion{Prompt: title, ScaleMin: 1, ScaleMax: 5}
	kind := ""
	if types != nil {
		kind = (*types)[title]
	}
	switch {
	case kind == "slide":
		return q, false
	case kind == "scales" || kind == "" && !isNumber(suffix) && suffix != "" && allNumeric(values):
		q.Kind = data.KindScales
	case kind == "open" || hasUpvotes:
		q.Kind = data.KindOpenEnded
	case kind == "wordcloud":
		q.Kind, q.CloudEntries = data.KindWordCloud, true
	case kind == "choices" || kind == "" && isNumber(suffix):
		q.Kind = data.KindSingleChoice // "Title: 1": choices spread over columns
	default:
		g := guessQuestion(title, values)
		q.Kind = g.Kind
		if g.Kind == data.KindWordCloud || g.Kind == data.KindOpenEnded && strings.Contains(strings.Join(values, " "), "_") {
			q.Kind, q.CloudEntries = data.KindWordCloud, true
		}
		if g.Kind == data.KindMultipleChoice {
			q.Kind = data.KindSingleChoice // Mentimeter spreads choices over columns, it does not join them
		}
	}
	return q, true
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}
