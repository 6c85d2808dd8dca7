package survey

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// A Mentimeter workbook exported without voter data (or an older export)
// has only its Session sheets: each slide's figures, per session, and no
// row per voter. Such a file is imported as counts per question: the
// options with their votes, the scales' and rankings' distributions, the
// words with their counts, the open answers listed. Nothing links two
// answers of one voter, and there is no city: the survey says so
// (data.Survey.CountsOnly) rather than inventing respondents.

// CountsOnlyNote is what the preview, the results and the exports say of
// such a survey.
const CountsOnlyNote = "counts per question only, no per-respondent answers, no city"

// countsPlan plans the questions of a workbook without a Voters sheet from
// its Session sheets: one question per slide, slides of the same title
// told apart by their place, in the first session's order (then any slide
// a later session added). What cannot be imported is told in Notes.
func countsPlan(book *MentiBook) Plan {
	p := Plan{Format: "mentimeter", Menti: book, CountsOnly: true, Notes: []string{"No Voters sheet: counts per question only, no per-respondent answers, no city."}}
	index := map[SlideRef]int{}
	skipped := map[SlideRef]bool{}
	for _, s := range book.Sessions {
		nth := map[string]int{}
		for i := range s.Slides {
			sl := &s.Slides[i]
			ref := SlideRef{Title: sl.Title, Nth: nth[sl.Title]}
			nth[sl.Title]++
			kind, why := countsKind(sl)
			if kind == "" {
				if why != "" && !skipped[ref] {
					skipped[ref] = true
					p.Notes = append(p.Notes, fmt.Sprintf("Slide %q (%s) is not imported: %s.", truncate(sl.Title, 60), sl.Type, why))
				}
				continue
			}
			qi, ok := index[ref]
			if !ok {
				qi = len(p.Questions)
				index[ref] = qi
				r := ref
				q := PlannedQuestion{Kind: kind, Prompt: sl.Title, Slide: &r, Rule: countsRule(kind)}
				if heads := valueHeads(sl.Table.Head); len(heads) > 0 { // the scale's range is its value columns'
					q.ScaleMin, q.ScaleMax = heads[0].value, heads[0].value
				}
				p.Questions = append(p.Questions, q)
			}
			mergeSlide(&p.Questions[qi], sl)
		}
	}
	if len(book.QA) > 0 {
		p.Questions = append(p.Questions, PlannedQuestion{Kind: data.KindQA, Prompt: QAPrompt, QA: true,
			Rule: fmt.Sprintf("%d questions from the sheet %q, with their upvotes and whether they were answered", len(book.QA), QAPrompt)})
	}
	return p
}

// countsKind is the kind a slide is imported as from its Session sheet
// block, or "" with the reason it is not ("" for a content slide).
func countsKind(sl *MentiSlide) (kind, why string) {
	t := sl.Type
	switch {
	case t == "slide" || t == "content" || t == "heading" || t == "paragraph" || t == "bullets" || t == "image":
		return "", ""
	case strings.Contains(t, "qfa") || strings.Contains(t, "q&a"):
		return "", "the audience's questions are read from the sheet \"" + QAPrompt + "\""
	case strings.Contains(t, "scale"), strings.Contains(t, "rank"), strings.Contains(t, "point"), strings.Contains(t, "priorit"):
		kind = data.KindScales
		if strings.Contains(t, "rank") {
			kind = data.KindRanking
		} else if strings.Contains(t, "point") || strings.Contains(t, "priorit") {
			kind = data.KindPoints
		}
		if len(valueHeads(sl.Table.Head)) == 0 {
			return "", "its table gives no count per value (" + strings.Join(sl.Table.Head, ", ") + "), only averages"
		}
		return kind, ""
	case strings.Contains(t, "word"):
		return data.KindWordCloud, ""
	case strings.Contains(t, "open"):
		return data.KindOpenEnded, ""
	case len(sl.Choices) > 0: // choices, quiz, and any other slide with a table of votes
		return data.KindSingleChoice, ""
	case len(sl.Responses) > 0:
		return data.KindOpenEnded, ""
	}
	return "", "its block has no table of votes nor responses"
}

func countsRule(kind string) string {
	switch kind {
	case data.KindSingleChoice:
		return "the votes per option from the Session sheets (a quiz's scores need the Voters sheet)"
	case data.KindScales, data.KindRanking, data.KindPoints:
		return "the count per value of each row, from the Session sheets' table"
	case data.KindWordCloud:
		return "the words with their counts, from the Session sheets"
	}
	return "the responses listed in the Session sheets"
}

// mergeSlide adds what one session's block says to its planned question:
// the rows of a grid, the range of a scale, and whether its votes show
// that voters could pick several options.
func mergeSlide(q *PlannedQuestion, sl *MentiSlide) {
	switch q.Kind {
	case data.KindSingleChoice, data.KindMultipleChoice:
		votes := 0
		for _, c := range sl.Choices {
			votes += c.Votes
		}
		if votes > sl.Respondents && q.Kind == data.KindSingleChoice {
			q.Kind = data.KindMultipleChoice
			q.Rule = fmt.Sprintf("multiple choice: %d votes from %d respondents in a Session sheet; %s", votes, sl.Respondents, countsRule(data.KindSingleChoice))
		}
	case data.KindScales, data.KindRanking, data.KindPoints:
		for _, r := range sl.Table.Rows {
			if !slices.Contains(q.Statements, r.Label) {
				q.Statements = append(q.Statements, r.Label)
			}
		}
		if q.Kind == data.KindScales {
			for _, v := range valueHeads(sl.Table.Head) {
				q.ScaleMin, q.ScaleMax = min(q.ScaleMin, v.value), max(q.ScaleMax, v.value)
			}
		}
	}
}

// valueHead is a table column headed by a value: a scale's "1", a
// ranking's position, a number of points.
type valueHead struct{ cell, value int }

func valueHeads(head []string) []valueHead {
	var out []valueHead
	for i, h := range head {
		if v, err := strconv.Atoi(canonicalNumber(h)); err == nil {
			out = append(out, valueHead{i, v})
		}
	}
	return out
}

// addSessionCounts fills the tally from the Session sheets of the
// sessions imported, in place of the voters' rows: who answered each
// question, the votes per option, the distributions, the words; the open
// answers become the question's listed answers. The survey's respondents
// are, per session, the most who answered one of its questions: at least
// that many took part.
func (w *writer) addSessionCounts() {
	for _, s := range w.plan.Menti.Sessions {
		if !inScope(s.Name, w.session) {
			continue
		}
		most := 0
		for qi, q := range w.plan.Questions {
			if q.Slide == nil {
				continue
			}
			if sl := s.slide(*q.Slide); sl != nil {
				most = max(most, w.addSlideCounts(int32(qi), q, sl))
			}
		}
		w.count += most
	}
}

// addSlideCounts counts one session's block of a question and returns how
// many answered it.
func (w *writer) addSlideCounts(qi int32, q PlannedQuestion, sl *MentiSlide) int {
	t := w.tally
	switch q.Kind {
	case data.KindSingleChoice, data.KindMultipleChoice:
		for _, c := range sl.Choices {
			t.counts[[4]int32{qi, everybody, int32(w.option(int(qi), c.Label)), 0}] += c.Votes
		}
	case data.KindScales, data.KindRanking, data.KindPoints:
		heads := valueHeads(sl.Table.Head)
		for _, r := range sl.Table.Rows {
			st := int32(slices.Index(q.Statements, r.Label))
			for _, h := range heads {
				if h.cell < len(r.Cells) {
					if n := atoiFloat(r.Cells[h.cell]); n > 0 {
						t.counts[[4]int32{qi, everybody, st, int32(h.value)}] += n
					}
				}
			}
		}
	case data.KindWordCloud:
		for _, r := range sl.Table.Rows {
			n := 1
			if len(r.Cells) > 0 && r.Cells[0] != "" {
				n = atoiFloat(r.Cells[0])
			}
			if e := wholeEntry(r.Label); e != "" && n > 0 {
				t.words[[2]int32{qi, everybody}] = addWord(t.words[[2]int32{qi, everybody}], e, n)
			}
		}
		for _, text := range sl.Responses {
			if e := wholeEntry(text); e != "" {
				t.words[[2]int32{qi, everybody}] = addWord(t.words[[2]int32{qi, everybody}], e, 1)
			}
		}
	default: // open answers, listed as given
		for _, text := range listed(sl) {
			w.labels[qi] = append(w.labels[qi], text)
			eachWord(text, func(word string) { t.word(qi, everybody, word) })
		}
	}
	answered := slideAnswered(q, sl)
	t.answered[[2]int32{qi, everybody}] += answered
	return answered
}

// listed are the open answers a block lists: its responses, or the labels
// of its table.
func listed(sl *MentiSlide) []string {
	out := nonEmpty(sl.Responses)
	for _, r := range sl.Table.Rows {
		if r.Label != "" {
			out = append(out, r.Label)
		}
	}
	return out
}

// slideAnswered is how many answered a question in one session's block:
// its Respondents row, or for open answers without one, how many it lists.
func slideAnswered(q PlannedQuestion, sl *MentiSlide) int {
	if sl.Respondents == 0 && q.Kind == data.KindOpenEnded {
		return len(listed(sl))
	}
	return sl.Respondents
}

// LeastRespondents is how many took part in the sessions a choice imports
// from a file without voters, as the import will store it: per session,
// the most who answered one of its questions.
func (p Plan) LeastRespondents(session string) int {
	if !p.CountsOnly {
		return 0
	}
	total := 0
	for _, s := range p.Menti.Sessions {
		if !inScope(s.Name, session) {
			continue
		}
		most := 0
		for _, q := range p.Questions {
			if q.Slide != nil {
				if sl := s.slide(*q.Slide); sl != nil {
					most = max(most, slideAnswered(q, sl))
				}
			}
		}
		total += most
	}
	return total
}

// RespondentsText says how many respondents a survey has: "at least N"
// when it holds counts per question only.
func RespondentsText(n int, countsOnly bool) string {
	if countsOnly {
		return fmt.Sprintf("at least %d respondents (%s)", n, CountsOnlyNote)
	}
	return fmt.Sprintf("%d respondents", n)
}

func addWord(m map[string]int, word string, n int) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	m[word] += n
	return m
}

// slideLabels are what a slide's first block lists: its options, rows or
// responses (the preview's examples of a file without voters).
func (b *MentiBook) slideLabels(ref SlideRef) []string {
	sl := b.find(ref)
	if sl == nil {
		return nil
	}
	var out []string
	for _, r := range sl.Table.Rows {
		out = append(out, r.Label)
	}
	return append(out, sl.Responses...)
}
