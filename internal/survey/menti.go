package survey

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// RoleSession marks Mentimeter's session column.
const RoleSession = "session"

// QAPrompt is the prompt of the question made of the audience's questions.
const QAPrompt = "Questions from audience"

//go:generate go run ./corpusgen testdata/corpus

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

// quizSuffixes are the columns Mentimeter writes for a quiz slide.
var quizSuffixes = map[string]bool{"name": true, "emoji": true, "answer": true, "score": true}

// mentiGroup is the run of Voters columns one slide writes.
type mentiGroup struct {
	question int             // -1: a content slide's columns
	score    int             // quiz: the question holding the scores, -1 until its column
	title    string          // the slide's title
	suffixes map[string]bool // suffixes seen, to tell the next slide of the same title
	last     int             // the highest "Title: N" seen
}

// starts tells whether a column headed "title: suffix" begins another
// slide: another title, or a suffix the current slide already had (two
// slides with the same question, one after the other).
func (g *mentiGroup) starts(title, suffix string) bool {
	// A bare "Title:" is a whole single-choice slide: any column after it
	// is another slide, even "Title: 1" of a multiple choice.
	if g == nil || title != g.title || g.suffixes[strings.ToLower(suffix)] || g.suffixes[""] {
		return true
	}
	n, err := strconv.Atoi(suffix)
	return err == nil && n <= g.last
}

// mentiPlan maps the Voters columns to questions, slide by slide in
// column order: multi-select answers spread over "Title: 1…N", a scale's
// statements as "Question: statement", open answers as "Title: 1",
// "Upvotes", "Title: 2"…, a quiz as "Title: Name", "Emoji", "Answer",
// "Score", reactions to content slides as ":". Slides with the same title
// are told apart by their place; the Session sheets (book, nil for a
// Voters sheet saved as CSV) give each slide's kind and options.
func mentiPlan(header []string, sample [][]string, book *MentiBook) Plan {
	p := Plan{Format: "mentimeter", Menti: book}
	nth := map[string]int{}              // title → slides of that title so far
	groups := map[SlideRef]*mentiGroup{} // the slides the Voters columns hold
	var g *mentiGroup
	for i, raw := range header {
		h := strings.TrimSpace(raw)
		col := Column{Header: h, Role: RoleIgnore}
		switch lower := strings.ToLower(h); {
		case i == 0:
			col.Role = RoleTimestamp
		case lower == "session":
			col.Role = RoleSession
		case lower == "voter", lower == "upvotes", h == "":
		case strings.HasPrefix(h, ":"):
			g = nil // a reaction to a content slide: counted by the scan, never imported
		default:
			m := mentiColumn.FindStringSubmatch(h)
			if m == nil || strings.TrimSpace(m[1]) == "" {
				break
			}
			title, suffix := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
			if g.starts(title, suffix) {
				ref := SlideRef{Title: title, Nth: nth[title]}
				nth[title]++
				hasUpvotes := i+1 < len(header) && strings.EqualFold(strings.TrimSpace(header[i+1]), "Upvotes")
				g = &mentiGroup{question: -1, score: -1, title: title, suffixes: map[string]bool{}}
				groups[ref] = g
				if q, ok := mentiQuestion(ref, suffix, columnValues(sample, i), book, hasUpvotes); ok {
					g.question = len(p.Questions)
					p.Questions = append(p.Questions, q)
				}
			}
			g.suffixes[strings.ToLower(suffix)] = true
			if n, err := strconv.Atoi(suffix); err == nil {
				g.last = max(g.last, n)
			}
			if g.question < 0 {
				break // a content slide
			}
			mentiColumnRole(&p, g, &col, suffix, columnValues(sample, i))
		}
		p.Columns = append(p.Columns, col)
	}
	addUnansweredSlides(&p, book, groups)
	if book != nil && len(book.QA) > 0 {
		p.Questions = append(p.Questions, PlannedQuestion{Kind: data.KindQA, Prompt: QAPrompt, QA: true,
			Rule: fmt.Sprintf("%d questions from the sheet %q, with their upvotes and whether they were answered", len(book.QA), QAPrompt)})
	}
	return p
}

// addUnansweredSlides adds the question slides of the Session sheets that
// have no Voters column (nobody answered them: Mentimeter writes no
// column) as questions with no answers, each after the slide before it,
// so that the results list every slide the presenter showed.
func addUnansweredSlides(p *Plan, book *MentiBook, groups map[SlideRef]*mentiGroup) {
	if book == nil {
		return
	}
	after := map[int][]PlannedQuestion{} // question index (-1: before all) → the slides to add after it
	added := map[SlideRef]bool{}
	for _, s := range book.Sessions {
		prev, nth := -1, map[string]int{}
		for _, sl := range s.Slides {
			if sl.content() {
				continue
			}
			ref := SlideRef{Title: sl.Title, Nth: nth[sl.Title]}
			nth[sl.Title]++
			if g := groups[ref]; g != nil {
				prev = max(prev, g.question, g.score)
				continue
			}
			q, ok := unansweredSlide(ref, sl)
			if !ok || added[ref] {
				continue
			}
			added[ref] = true
			after[prev] = append(after[prev], q)
		}
	}
	if len(added) == 0 {
		return
	}
	renumber := make([]int, len(p.Questions))
	qs := append([]PlannedQuestion(nil), after[-1]...)
	for i, q := range p.Questions {
		renumber[i] = len(qs)
		qs = append(qs, q)
		qs = append(qs, after[i]...)
	}
	for i := range p.Columns {
		if p.Columns[i].Role == RoleQuestion {
			p.Columns[i].Question = renumber[p.Columns[i].Question]
		}
	}
	p.Questions = qs
}

// unansweredSlide is the question of a slide without Voters columns.
func unansweredSlide(ref SlideRef, sl MentiSlide) (PlannedQuestion, bool) {
	q := PlannedQuestion{Prompt: ref.Title, Rule: "no column in the Voters sheet: nobody answered this slide"}
	switch {
	case sl.Type == "choices" || strings.Contains(sl.Type, "quiz"):
		q.Kind, q.Slide = data.KindSingleChoice, &ref
		q.Rule += fmt.Sprintf("; its %d options from the Session sheets", len(sl.Choices))
	case sl.Type == "open":
		q.Kind = data.KindOpenEnded
	case sl.Type == "wordcloud":
		q.Kind, q.CloudEntries = data.KindWordCloud, true
	default:
		return q, false // a scale or ranking's statements are not in the Session sheet: nothing to show
	}
	return q, ref.Title != ""
}

// mentiColumnRole makes a column part of its slide's question.
func mentiColumnRole(p *Plan, g *mentiGroup, col *Column, suffix string, values []string) {
	q := &p.Questions[g.question]
	col.Role, col.Question = RoleQuestion, g.question
	switch {
	case q.Quiz:
		switch strings.ToLower(suffix) {
		case "answer":
		case "score":
			if g.score < 0 {
				g.score = len(p.Questions)
				p.Questions = append(p.Questions, PlannedQuestion{Kind: data.KindPoints, Prompt: q.Prompt + " — score", Statements: []string{"Score"},
					Rule: "the quiz's score of each player (Mentimeter's Score column)"})
			}
			col.Question = g.score
		default: // the player's name and emoji: not stored
			col.Role = RoleIgnore
		}
	case q.Kind == data.KindScales:
		col.Statement = len(q.Statements)
		q.Statements = append(q.Statements, suffix)
		widenScale(q, values)
	case q.Kind == data.KindSingleChoice && len(p.columnsOf(g.question)) > 0 && isNumber(suffix):
		q.Kind = data.KindMultipleChoice // a second "Title: 2" column
		q.Rule = "multiple choice: options spread over the columns \"" + g.title + ": 1\"…, one option per cell, never split"
	}
}

// mentiQuestion decides a question's kind from the Session sheets' Type
// when present, and from the columns otherwise.
func mentiQuestion(ref SlideRef, suffix string, values []string, book *MentiBook, hasUpvotes bool) (PlannedQuestion, bool) {
	q := PlannedQuestion{Prompt: ref.Title, ScaleMin: 1, ScaleMax: 5}
	slide := book.find(ref)
	kind := ""
	if slide != nil {
		kind = slide.Type
	}
	switch {
	case kind == "slide":
		return q, false
	case strings.Contains(kind, "quiz") || quizSuffixes[strings.ToLower(suffix)]:
		q.Kind, q.Quiz = data.KindSingleChoice, true
		q.Rule = "quiz: the Answer column is the choice, Score the points; names and emoji are not stored"
	case kind == "scales" || kind == "" && !isNumber(suffix) && suffix != "" && allNumeric(values):
		q.Kind = data.KindScales
	case kind == "open" || hasUpvotes:
		q.Kind = data.KindOpenEnded
	case kind == "wordcloud":
		q.Kind, q.CloudEntries = data.KindWordCloud, true
	case kind == "choices" || kind == "" && isNumber(suffix):
		q.Kind = data.KindSingleChoice // "Title: 1": choices spread over columns
	default:
		g := guessQuestionWith(ref.Title, values, nil)
		q.Kind = g.Kind
		if g.Kind == data.KindWordCloud || g.Kind == data.KindOpenEnded && strings.Contains(strings.Join(values, " "), "_") {
			q.Kind, q.CloudEntries = data.KindWordCloud, true
		}
	}
	if q.Kind == data.KindSingleChoice || q.Kind == data.KindMultipleChoice {
		q.Slide = &ref
		if q.Rule == "" {
			q.Rule = "one option per cell (Mentimeter spreads choices over columns, never joins them)"
		}
		if slide != nil {
			q.Rule += fmt.Sprintf("; its %d options, in order and with those nobody chose, from the Session sheets", len(slide.Choices))
		}
	}
	return q, true
}

// find is the first session's slide a reference names (nil without one).
func (b *MentiBook) find(ref SlideRef) *MentiSlide {
	if b == nil {
		return nil
	}
	for _, s := range b.Sessions {
		if sl := s.slide(ref); sl != nil {
			return sl
		}
	}
	return nil
}

// inScope tells whether a session is imported under a session choice
// ("" or "all": every session).
func inScope(session, choice string) bool {
	return choice == "" || choice == SessionsAll || choice == session
}

// slideOptions are a slide's options in the order the Session sheets list
// them, over the sessions imported: the first session's order, then any
// option a later session added.
func (b *MentiBook) slideOptions(ref SlideRef, session string) []string {
	if b == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, s := range b.Sessions {
		if !inScope(s.Name, session) {
			continue
		}
		if sl := s.slide(ref); sl != nil {
			for _, c := range sl.Choices {
				if !seen[c.Label] {
					seen[c.Label] = true
					out = append(out, c.Label)
				}
			}
		}
	}
	return out
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}
