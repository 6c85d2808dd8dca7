package survey

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// checkSession refuses a session the file does not hold, naming those it
// holds, rather than importing a survey without answers.
func checkSession(path string, p Plan, head *Sample, session string) error {
	if session == "" || session == SessionsAll {
		return nil
	}
	if session == SessionsEach {
		return &tabular.FileError{File: path, Msg: "cannot make each session its own survey in one import", Hint: "import it with ImportEachSession"}
	}
	known := p.Sessions()
	if ci := slices.IndexFunc(p.Columns, func(c Column) bool { return c.Role == RoleSession }); ci >= 0 {
		for _, v := range head.column(ci) {
			if v = strings.TrimSuffix(v, ".0"); !slices.Contains(known, v) {
				known = append(known, v)
			}
		}
	}
	if slices.Contains(known, session) {
		return nil
	}
	if len(known) == 0 {
		return &tabular.FileError{File: path, Msg: "has no sessions to choose from", Hint: "leave out --session"}
	}
	return &tabular.FileError{File: path, Msg: fmt.Sprintf("has no session %q", session),
		Hint: fmt.Sprintf("its sessions are %s; or use --session all", strings.Join(known, ", "))}
}

// MismatchesIn are the disagreements of the sessions a choice imports.
func (b *MentiBook) MismatchesIn(session string) []Mismatch {
	if b == nil {
		return nil
	}
	var out []Mismatch
	for _, m := range b.Mismatches {
		if inScope(m.Session, session) {
			out = append(out, m)
		}
	}
	return out
}

// ReactionsIn are the reactions of the sessions a choice imports.
func (b *MentiBook) ReactionsIn(session string) int {
	if b == nil || session == "" || session == SessionsAll || session == SessionsEach {
		return b.totalReactions()
	}
	return b.reactionsBy[session]
}

func (b *MentiBook) totalReactions() int {
	if b == nil {
		return 0
	}
	return b.Reactions
}

// Values of the counts that store an audience question: its upvotes are
// the value of a count of 1; a count at answeredValue says it was answered.
const answeredValue = -1

// addAudienceQuestions stores the Q&A sheet's questions of the sessions
// imported as the options of the Q&A question, each with its upvotes and
// whether it was answered. Two equal questions stay two.
func (w *writer) addAudienceQuestions() {
	for qi, q := range w.plan.Questions {
		if !q.QA || q.Kind != data.KindQA || w.plan.Menti == nil {
			continue
		}
		n := 0
		for _, e := range w.plan.Menti.QA {
			if e.Session != "" && !inScope(e.Session, w.session) {
				continue
			}
			pos := int32(len(w.labels[qi]))
			w.labels[qi] = append(w.labels[qi], e.Text)
			w.tally.counts[[4]int32{int32(qi), everybody, pos, int32(e.Upvotes)}]++
			if e.Answered {
				w.tally.counts[[4]int32{int32(qi), everybody, pos, answeredValue}]++
			}
			n++
		}
		if n > 0 {
			w.tally.answered[[2]int32{int32(qi), everybody}] = n
		}
	}
}

// AudienceResult is one question from the audience: its upvotes and
// whether the presenter marked it answered.
type AudienceResult struct {
	Text     string `json:"text"`
	Upvotes  int    `json:"upvotes"`
	Answered bool   `json:"answered"`
}

// audienceResults reads a Q&A question's stored questions, most upvoted
// first (the order Mentimeter shows them in), file order among equals.
func audienceResults(q data.Question, counts []data.Count) []AudienceResult {
	out := make([]AudienceResult, len(q.Options))
	for i, label := range q.Options {
		out[i].Text = label
	}
	forOptions(counts, len(out), func(c data.Count) {
		if c.Value == answeredValue {
			out[c.Option].Answered = true
		} else {
			out[c.Option].Upvotes = c.Value
		}
	})
	slices.SortStableFunc(out, func(a, b AudienceResult) int { return b.Upvotes - a.Upvotes })
	return out
}

// String tells a disagreement: "session 1, "Where?", "Genk": 6 in the
// Session sheet, 5 voters (-1)".
func (m Mismatch) String() string {
	return fmt.Sprintf("session %s, %q, %q: %d in the Session sheet, %d voters (%+d)", m.Session, m.Prompt, m.Option, m.SessionVotes, m.Voters, m.Voters-m.SessionVotes)
}

// CountOptions is "1 option" or "N options".
func CountOptions(n int) string {
	if n == 1 {
		return "1 option"
	}
	return fmt.Sprintf("%d options", n)
}
