package live

import (
	"context"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live/lang"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// questionView is the current question as the participant page shows it,
// with the participant's own answer filled in.
type questionView struct {
	Index, Number, Total int
	Limit                int // points to share, choices or entries at most
	Kind, Prompt, Hint   string
	Open                 bool
	Locked               bool         // closed by the presenter for good (or by the countdown)
	Countdown            bool         // a countdown runs: the page shows the time left
	Results              *resultsView // when the presenter shows the results on the phones
	Given                string       // the answer so far, as text; "" before answering
	InputType            string       // radio or checkbox
	Choices              []choiceView
	Rows                 []rowView // scales, ranking, 100 points
	Entries              []string  // word cloud
	TextArea             bool
	Text                 string
	given                []string // the stored answer the view shows (the page cache's key)
}

type choiceView struct {
	Value   string
	Checked bool
}

type rowView struct {
	Label, Name, Value string
	Values             []choiceView
}

// question builds the view of the current question for a participant;
// justVoted asks for results that count the participant's vote.
func (sv *Server) question(ctx context.Context, tr *lang.Table, st State, position int, justVoted bool) (*questionView, error) {
	var given []string
	if position != data.NoRespondent { // a participant who has voted before
		var err error
		if given, err = sv.se.given(ctx, position, st.Question); err != nil {
			return nil, err
		}
	}
	q := sv.se.Questions[st.Question]
	v := &questionView{Index: st.Question, Number: st.Question + 1, Total: len(sv.se.Questions), Kind: q.Kind, Prompt: q.Prompt,
		Open: st.Open, Locked: st.Locked, Countdown: !st.Deadline.IsZero() && st.Open}
	if st.PhoneResults {
		var err error
		if v.Results, err = sv.se.resultsFor(ctx, st, justVoted); err != nil {
			return nil, err
		}
	}
	v.Limit = survey.AnswerLimit(q)
	v.build(q, tr)
	v.fill(given)
	v.given = given
	if len(given) > 0 {
		v.Given = describe(q, given)
	}
	return v, nil
}

// build lays out the inputs of a question's kind.
func (v *questionView) build(q data.Question, tr *lang.Table) {
	switch q.Kind {
	case data.KindSingleChoice, data.KindMultipleChoice:
		v.InputType, v.Hint = "radio", tr.T("hint.one")
		if q.Kind == data.KindMultipleChoice {
			v.InputType, v.Hint = "checkbox", tr.T("hint.all")
			if n := survey.AnswerLimit(q); n < len(q.Options) {
				v.Hint = tr.T("hint.up_to", n)
			}
		}
		for _, o := range q.Options {
			v.Choices = append(v.Choices, choiceView{Value: o})
		}
	case data.KindScales, data.KindRanking:
		lo, hi := 1, len(q.Options)
		v.Hint = tr.T("hint.ranking")
		if q.Kind == data.KindScales {
			lo, hi = 1, 5
			if q.ScaleMin != nil && q.ScaleMax != nil {
				lo, hi = int(*q.ScaleMin), int(*q.ScaleMax)
			}
			v.Hint = tr.T("hint.scale", lo, hi)
		}
		for i, o := range q.Options {
			row := rowView{Label: o, Name: "v" + strconv.Itoa(i)}
			for n := lo; n <= hi; n++ {
				row.Values = append(row.Values, choiceView{Value: strconv.Itoa(n)})
			}
			v.Rows = append(v.Rows, row)
		}
	case data.KindPoints:
		v.Hint = tr.T("hint.points", survey.AnswerLimit(q))
		for i, o := range q.Options {
			v.Rows = append(v.Rows, rowView{Label: o, Name: "v" + strconv.Itoa(i)})
		}
	case data.KindWordCloud:
		v.Hint = tr.T("hint.words", survey.AnswerLimit(q))
		v.Entries = make([]string, survey.AnswerLimit(q))
	default:
		v.TextArea, v.Hint, v.Limit = true, tr.T("hint.text", survey.MaxAnswerRunes), survey.MaxAnswerRunes
	}
}

// fill marks the given answer (stored, or just sent and refused) in the inputs.
func (v *questionView) fill(values []string) {
	for i := range v.Choices {
		for _, g := range values {
			if v.Choices[i].Value == g {
				v.Choices[i].Checked = true
			}
		}
	}
	for i := range v.Rows {
		if i >= len(values) {
			break
		}
		v.Rows[i].Value = values[i]
		for j := range v.Rows[i].Values {
			v.Rows[i].Values[j].Checked = v.Rows[i].Values[j].Value == values[i]
		}
	}
	if v.Entries != nil {
		for i := range v.Entries {
			v.Entries[i] = ""
			if i < len(values) {
				v.Entries[i] = values[i]
			}
		}
	}
	if v.TextArea && len(values) > 0 {
		v.Text = strings.Join(values, " ")
	}
}

// describe says a stored answer in words.
func describe(q data.Question, given []string) string {
	if !survey.IsItemGrid(q.Kind) {
		return strings.Join(given, "; ")
	}
	var parts []string
	for i, g := range given {
		if g != "" && i < len(q.Options) {
			parts = append(parts, q.Options[i]+": "+g)
		}
	}
	return strings.Join(parts, "; ")
}
