package survey

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Limits on what a participant may send with one answer.
const (
	MaxAnswerRunes     = 500 // open text, Q&A
	MaxEntryRunes      = 40  // one word-cloud entry
	MaxCloudEntries    = 3
	PointsToDistribute = 100
)

// AnswerLimit is a question's limit on one answer: how many choices a
// multiple choice takes, how many points a 100-points question shares, how
// many entries a word cloud takes. The editor stores it in ScaleMax (a
// scale keeps its range there); without one the defaults apply.
func AnswerLimit(q data.Question) int {
	set := q.ScaleMax != nil && *q.ScaleMax > 0
	switch {
	case q.Kind == data.KindMultipleChoice && set:
		return int(*q.ScaleMax)
	case q.Kind == data.KindMultipleChoice:
		return len(q.Options)
	case q.Kind == data.KindPoints && set:
		return int(*q.ScaleMax)
	case q.Kind == data.KindPoints:
		return PointsToDistribute
	case q.Kind == data.KindWordCloud && set:
		return int(*q.ScaleMax)
	case q.Kind == data.KindWordCloud:
		return MaxCloudEntries
	}
	return 0
}

// LivePlan is the plan of a survey's stored questions, for counting live
// votes the way imports count answers.
func LivePlan(qs []data.Question) Plan {
	p := Plan{Format: "live"}
	for _, q := range qs {
		pq := PlannedQuestion{Kind: q.Kind, Prompt: q.Prompt, WholeEntries: q.Kind == data.KindWordCloud}
		if IsItemGrid(q.Kind) {
			pq.Statements = q.Options
		}
		p.Questions = append(p.Questions, pq)
	}
	return p
}

// VoteError says what is wrong with an answer, in words for the
// participant: Msg in English; Key and Args for the live page to say it in
// the participant's language (internal/live/lang: "vote." + Key).
type VoteError struct {
	Msg  string
	Key  string
	Args []any
}

func (e *VoteError) Error() string { return e.Msg }

func voteErr(key, format string, args ...any) error {
	return &VoteError{Msg: fmt.Sprintf(format, args...), Key: key, Args: args}
}

// CheckAnswer validates a participant's answer to q and returns it in the
// stored shape: the chosen labels of a choice, one value per statement or
// item of a scale, ranking or 100 points, the entries of a word cloud, or
// the text of an open question.
func CheckAnswer(q data.Question, values []string) ([]string, error) {
	for i, v := range values {
		values[i] = cleanText(v)
	}
	switch q.Kind {
	case data.KindSingleChoice, data.KindMultipleChoice:
		var chosen []string
		for _, v := range values {
			if v == "" || slices.Contains(chosen, v) {
				continue
			}
			if !slices.Contains(q.Options, v) {
				return nil, voteErr("not_choice", "%q is not one of the choices", truncate(v, 40))
			}
			chosen = append(chosen, v)
		}
		switch {
		case len(chosen) == 0:
			return nil, voteErr("choose", "choose an answer")
		case q.Kind == data.KindSingleChoice && len(chosen) > 1:
			return nil, voteErr("one_only", "choose one answer only")
		case q.Kind == data.KindMultipleChoice && len(chosen) > AnswerLimit(q):
			return nil, voteErr("at_most", "choose at most %d answers", AnswerLimit(q))
		}
		return chosen, nil
	case data.KindScales, data.KindRanking, data.KindPoints:
		return checkNumbers(q, values)
	case data.KindWordCloud:
		var entries, folded []string
		for _, v := range values {
			if len([]rune(v)) > MaxEntryRunes {
				return nil, voteErr("entry_long", "an entry may have at most %d characters", MaxEntryRunes)
			}
			f := wholeEntry(v)
			if f == "" || slices.Contains(folded, f) { // "Cat", "cat" and "CAT!" are one word from one person
				continue
			}
			entries, folded = append(entries, v), append(folded, f)
		}
		if len(entries) == 0 || len(entries) > AnswerLimit(q) {
			return nil, voteErr("words", "give one to %d words", AnswerLimit(q))
		}
		return entries, nil
	default: // open ended, Q&A
		text := strings.TrimSpace(strings.Join(values, " "))
		if text == "" {
			return nil, voteErr("write", "write an answer")
		}
		if len([]rune(text)) > MaxAnswerRunes {
			return nil, voteErr("answer_long", "an answer may have at most %d characters", MaxAnswerRunes)
		}
		return []string{text}, nil
	}
}

// checkNumbers validates one number per statement or item.
func checkNumbers(q data.Question, values []string) ([]string, error) {
	if len(values) != len(q.Options) {
		return nil, voteErr("each_line", "answer for each of the %d lines", len(q.Options))
	}
	out := make([]string, len(values))
	given, total := 0, 0
	var ranks []int
	for i, v := range values {
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, voteErr("not_number", "%q is not a whole number", truncate(v, 20))
		}
		switch q.Kind {
		case data.KindScales:
			lo, hi := scaleBounds(q)
			if n < lo || n > hi {
				return nil, voteErr("scale_range", "choose from %d to %d", lo, hi)
			}
		case data.KindRanking:
			if n < 1 || n > len(q.Options) || slices.Contains(ranks, n) {
				return nil, voteErr("rank", "give each item a different place from 1 to %d", len(q.Options))
			}
			ranks = append(ranks, n)
		case data.KindPoints:
			if n < 0 || n > AnswerLimit(q) { // each value bounded before adding: no overflow
				return nil, voteErr("points_range", "give each line from 0 to %d points", AnswerLimit(q))
			}
			total += n
		}
		out[i] = strconv.Itoa(n)
		given++
	}
	if given == 0 {
		return nil, voteErr("one_line", "answer at least one line")
	}
	if q.Kind == data.KindPoints && total > AnswerLimit(q) {
		return nil, voteErr("points_total", "you gave %d points; share at most %d", total, AnswerLimit(q))
	}
	return out, nil
}

func scaleBounds(q data.Question) (int, int) {
	lo, hi := 1, 5
	if q.ScaleMin != nil && q.ScaleMax != nil {
		lo, hi = int(*q.ScaleMin), int(*q.ScaleMax)
	}
	return lo, hi
}

// cleanText drops control characters and the separators the store uses.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' {
			return -1
		}
		return r
	}, data.CleanAnswerText(s))
	return strings.TrimSpace(s)
}

// RecordVote stores a participant's answer to question qi inside the
// transaction, replacing their earlier answer, and moves the counts: the
// old answer's are taken away and the new one's added. It returns the
// participant's answers as now stored (the live server shows them back).
func RecordVote(tx *data.Tx, qs []data.Question, plan Plan, surveyID string, position, qi int, answer []string) ([][]string, error) {
	r, err := tx.Respondent(surveyID, position)
	if err != nil {
		return nil, err
	}
	for len(r.Answers) < len(qs) {
		r.Answers = append(r.Answers, nil)
	}
	qids := make([]string, len(qs))
	for i, q := range qs {
		qids[i] = q.ID
	}
	partnerKeys := []string{"", r.PartnerID}
	partner := int32(everybody)
	if r.PartnerID != "" {
		partner = 1
	}
	option := func(q int, label string) int { return slices.Index(qs[q].Options, label) }
	counts := func(ans []string) *data.Aggregates {
		one := data.Respondent{PartnerID: r.PartnerID, Answers: make([][]string, len(qs))}
		one.Answers[qi] = ans
		t := newTally()
		t.add(plan, one, partner, option)
		return t.aggregates(qids, partnerKeys)
	}
	if err := tx.AddToAggregates(counts(r.Answers[qi]), -1); err != nil {
		return nil, err
	}
	if err := tx.AddToAggregates(counts(answer), 1); err != nil {
		return nil, err
	}
	r.Answers[qi] = answer
	return r.Answers, tx.SetRespondentAnswers(surveyID, position, r.Answers)
}
