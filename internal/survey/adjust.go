package survey

import (
	"cmp"
	"fmt"
	"strconv"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Choice is one row of the import preview and what the user chose for it:
// a question (Question ≥ 0; Column is -1) or a column that is no question
// (Column ≥ 0; Question is -1), to be imported as a question of Kind, or
// as a column of Role (RoleIgnore, RoleTimestamp, RoleEmail, RolePartner).
// Exactly one of Kind and Role is set.
type Choice struct {
	Question, Column int
	Kind, Role       string
}

// Choices are the preview's rows in the file's column order, as planned.
func (p Plan) Choices() []Choice {
	var out []Choice
	listed := map[int]bool{}
	// Questions held by no column (a slide nobody answered, the audience's
	// questions) are listed at their place among the others.
	held := make([]bool, len(p.Questions))
	for _, c := range p.Columns {
		if c.Role == RoleQuestion {
			held[c.Question] = true
		}
	}
	next := 0 // the questions before it are listed or held by a column
	columnless := func(upTo int) {
		for ; next < upTo; next++ {
			if !held[next] {
				listed[next] = true
				out = append(out, Choice{Question: next, Column: -1, Kind: p.Questions[next].Kind})
			}
		}
	}
	for ci, c := range p.Columns {
		switch {
		case c.Role == RoleSession: // Mentimeter's session of each voter: not the user's to change, kept by Apply
		case c.Role != RoleQuestion:
			out = append(out, Choice{Question: -1, Column: ci, Role: c.Role})
		case !listed[c.Question]:
			columnless(c.Question)
			listed[c.Question] = true
			out = append(out, Choice{Question: c.Question, Column: -1, Kind: p.Questions[c.Question].Kind})
		}
	}
	columnless(len(p.Questions))
	return out
}

// Apply returns the plan changed as the user chose: kinds changed,
// questions left out, columns turned into questions or into the
// timestamp, e-mail or partner column. The sample gives the values a new
// question's kind and a multiple choice's separator are read from.
func (p Plan) Apply(choices []Choice, s *Sample) (Plan, error) {
	out := Plan{Format: p.Format, Menti: p.Menti, CountsOnly: p.CountsOnly, Notes: p.Notes}
	columns := append([]Column(nil), p.Columns...)
	newIndex := make([]int, len(p.Questions))
	for i := range newIndex {
		newIndex[i] = -1
	}
	partners := 0
	fromColumn := map[int]int{} // column → the new question made of it
	for _, ch := range choices {
		if ch.Role == RolePartner {
			partners++
		}
		switch {
		case ch.Question >= 0 && ch.Kind != "" && p.CountsOnly: // the Session sheet's figures fix the kind
			out.Questions = append(out.Questions, p.Questions[ch.Question])
			newIndex[ch.Question] = len(out.Questions) - 1
		case ch.Question >= 0 && ch.Kind != "":
			q := p.Questions[ch.Question]
			out.Questions = append(out.Questions, adjustKind(q, ch.Kind, s.answers(p, ch.Question)))
			newIndex[ch.Question] = len(out.Questions) - 1
		case ch.Question >= 0 && ch.Role != RoleIgnore: // a one-column question becomes the timestamp, e-mail or partner column
			cols := p.columnsOf(ch.Question)
			if len(cols) != 1 {
				return p, fmt.Errorf("%q spans %d columns: import it as a question, or ignore it", p.Questions[ch.Question].Prompt, len(cols))
			}
			columns[cols[0]].Role = ch.Role
		case ch.Question >= 0: // ignored: its columns are dropped below
		case ch.Kind != "": // a column becomes a question
			values := s.column(ch.Column)
			q := adjustKind(guessQuestion(p.Columns[ch.Column].Header, values), ch.Kind, values)
			out.Questions = append(out.Questions, q)
			fromColumn[ch.Column] = len(out.Questions) - 1
		default:
			columns[ch.Column].Role = ch.Role
		}
	}
	if partners > 1 {
		return p, fmt.Errorf("%d columns are marked as the partner: choose one", partners)
	}
	for ci, c := range columns {
		q, isNew := fromColumn[ci]
		switch {
		case isNew:
			c.Role, c.Question, c.Statement = RoleQuestion, q, 0
		case c.Role != RoleQuestion:
		case newIndex[c.Question] < 0:
			c.Role = RoleIgnore
		default:
			c.Question = newIndex[c.Question]
		}
		if c.OtherOf > 0 && (isNew || newIndex[c.OtherOf-1] < 0) {
			c.OtherOf = 0 // its choice is left out: the text alone is imported
		} else if c.OtherOf > 0 {
			c.OtherOf = newIndex[c.OtherOf-1] + 1
		}
		out.Columns = append(out.Columns, c)
	}
	return out, nil
}

// columnsOf lists the columns that hold a question.
func (p Plan) columnsOf(question int) []int {
	var out []int
	for ci, c := range p.Columns {
		if c.Role == RoleQuestion && c.Question == question {
			out = append(out, ci)
		}
	}
	return out
}

// adjustKind gives a planned question another kind, with what that kind
// needs: statements and a range for a scale, items for 100 points, the
// separator of a multiple choice or ranking written in one cell.
func adjustKind(q PlannedQuestion, kind string, values []string) PlannedQuestion {
	changed := q.Kind != kind
	q.Kind = kind
	switch {
	case kind == data.KindScales && len(q.Statements) == 0:
		q.Statements, q.ScaleMin, q.ScaleMax = []string{q.Prompt}, 1, 5
		widenScale(&q, numeric(values))
	case kind == data.KindScales && changed:
		q.ScaleMin, q.ScaleMax = 1, 5
		widenScale(&q, numeric(values))
	case kind == data.KindPoints && len(q.Statements) == 0:
		q.Statements = []string{q.Prompt}
	case changed && (kind == data.KindMultipleChoice || kind == data.KindRanking) && len(q.Statements) == 0 && q.Separator == "":
		q.Separator = cmp.Or(GuessSeparator(values), ";") // options or items joined in one cell
	}
	return q
}

func numeric(values []string) []string {
	var out []string
	for _, v := range values {
		if _, err := strconv.Atoi(v); err == nil {
			out = append(out, v)
		}
	}
	return out
}
