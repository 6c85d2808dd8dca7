package survey

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// MentiBook is what a Mentimeter workbook says beside its Voters sheet:
// each session's slides with their options in order and Mentimeter's own
// vote counts, and the audience's questions.
type MentiBook struct {
	Sessions []MentiSession
	QA       []QAEntry // the "Questions from audience" sheet, in its order
	// Reactions counts the reactions to content slides (":" columns of
	// the Voters sheet): ignored by the import, told in the preview.
	Reactions   int
	reactionsBy map[string]int // per session, for ReactionsIn
	// Mismatches are the options whose count in the Voters sheet differs
	// from the Session sheet's; the Voters sheet wins.
	Mismatches []Mismatch
	// NoVoters: the workbook has Session sheets but no Voters sheet.
	NoVoters bool
}

// MentiSession is one "Session N" sheet.
type MentiSession struct {
	Name   string // "1", as the Voters sheet's Session column says it
	Sheet  string
	Slides []MentiSlide
}

// MentiSlide is one block of a Session sheet.
type MentiSlide struct {
	Type        string // choices, scales, open, wordcloud, quiz…, slide
	Title       string
	Respondents int           // the block's Respondents row
	Choices     []MentiChoice // choice and quiz slides: every option, in order, with its votes
	// Table is the block's table as written ("Choices | Votes", "Choices |
	// Weighted average | 1 | 2…"): what a workbook without its Voters
	// sheet is imported from.
	Table     MentiTable
	Responses []string // the block's "Responses" rows: open answers, words
}

// MentiTable is a block's table: its heading row and the rows under it.
type MentiTable struct {
	Head []string // the heading row after its first cell: "Votes", or "Weighted average", "1", "2"…
	Rows []MentiRow
}

// MentiRow is one row of a block's table: its label (an option, a
// statement, an item) and the cells after it.
type MentiRow struct {
	Label string
	Cells []string
}

// MentiChoice is an option of a slide and the votes Mentimeter counted.
type MentiChoice struct {
	Label string
	Votes int
}

// QAEntry is one question from the audience.
type QAEntry struct {
	Text     string
	Upvotes  int
	Answered bool
	Session  string
}

// Mismatch is an option the Voters and Session sheets count differently.
type Mismatch struct {
	Session, Prompt, Option string
	SessionVotes, Voters    int
}

// SlideRef names the slide a planned question comes from: its title and
// which slide of that title it is (0 for the first), so that two slides
// with the same question stay apart.
type SlideRef struct {
	Title string
	Nth   int
}

// Bounds on what the side sheets may hold: they are small in real files,
// and a hostile one must not fill the memory.
const (
	maxMentiSlides  = 2000
	maxSlideChoices = 500
	maxQAEntries    = 20_000
	maxResponses    = 100_000 // open answers and words listed in all Session sheets
)

var slideStart = regexp.MustCompile(`(?i)^(question|slide)\s*\d+$`)

// choiceHeads head a block's table of options (or of a scale's statements).
var choiceHeads = map[string]bool{"choices": true, "choice": true, "options": true, "option": true, "answers": true}

// sheetSession is the session a sheet's name gives: "Session 2" → "2".
func sheetSession(sheet string) string {
	rest := strings.TrimSpace(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(sheet)), "session"))
	if f := strings.Fields(rest); len(f) > 0 {
		return strings.TrimSuffix(f[0], ".0")
	}
	return rest
}

// readMentiBook reads the Session sheets and the audience's questions.
// A sheet that cannot be read is an error: the options it lists would
// silently be missing from the results otherwise.
func readMentiBook(file string, wb *tabular.Workbook, sheets []string) (*MentiBook, error) {
	book := &MentiBook{}
	slides := 0
	for _, name := range sheets {
		lower := strings.ToLower(strings.TrimSpace(name))
		switch {
		case strings.HasPrefix(lower, "session"):
			s, err := readSessionSheet(file, wb, name, &slides)
			if err != nil {
				return nil, err
			}
			book.Sessions = append(book.Sessions, s)
		case strings.Contains(lower, "questions from audience") || lower == "q&a":
			qa, err := readQASheet(file, wb, name)
			if err != nil {
				return nil, err
			}
			book.QA = append(book.QA, qa...)
		}
	}
	if len(book.Sessions) == 0 && len(book.QA) == 0 {
		return nil, nil
	}
	return book, nil
}

func readSessionSheet(file string, wb *tabular.Workbook, sheet string, slides *int) (MentiSession, error) {
	// The blocks' Session row names the session as the Voters sheet does;
	// the sheet's own name ("Session 2") is the fallback.
	s := MentiSession{Sheet: sheet, Name: sheetSession(sheet)}
	named := false
	responses := 0
	rows, err := wb.Rows(sheet, false)
	if err != nil {
		return s, err
	}
	defer rows.Close()
	at := func(line int) *tabular.FileError {
		return &tabular.FileError{File: file + ", sheet " + sheet, Line: line}
	}
	var cur *MentiSlide
	inTable, inChoices, inResponses := false, false, false
	for {
		r, line, err := rows.Next()
		if err != nil {
			if err == io.EOF {
				return s, nil
			}
			return s, err
		}
		first := ""
		if len(r) > 0 {
			first = strings.TrimSpace(r[0])
		}
		second := ""
		if len(r) > 1 {
			second = strings.TrimSpace(r[1])
		}
		switch {
		case slideStart.MatchString(first):
			if *slides++; *slides > maxMentiSlides {
				return s, &tabular.FileError{File: file + ", sheet " + sheet, Msg: "lists more than 2,000 slides", Hint: "export the presentation's results again from Mentimeter"}
			}
			s.Slides = append(s.Slides, MentiSlide{})
			cur, inTable, inChoices, inResponses = &s.Slides[len(s.Slides)-1], false, false, false
		case cur == nil:
		case first == "" && !(inResponses && second != ""):
			inTable, inChoices, inResponses = false, false, false // a blank row ends a block's table
		case inResponses:
			if responses++; responses > maxResponses {
				return s, &tabular.FileError{File: file + ", sheet " + sheet, Msg: "lists more than 100,000 responses", Hint: "export the presentation's results again from Mentimeter"}
			}
			cur.Responses = append(cur.Responses, cleanCell(strings.Join(nonEmpty(trimmed(r)), " ")))
		case inTable && len(cur.Table.Rows) < maxSlideChoices:
			label := canonicalNumber(cleanCell(first))
			row := MentiRow{Label: label, Cells: trimmed(r[1:])}
			if err := checkCounts(at(line), cur, row, inChoices); err != nil {
				return s, err
			}
			cur.Table.Rows = append(cur.Table.Rows, row)
			if inChoices {
				cur.Choices = append(cur.Choices, MentiChoice{Label: label, Votes: atoiFloat(second)})
			}
		case inTable:
		case first == "Type":
			cur.Type = strings.ToLower(second)
		case first == "Question":
			cur.Title = second
		case first == "Respondents":
			if err := checkCount(at(line), 2, second, "a number of respondents"); err != nil {
				return s, err
			}
			cur.Respondents = atoiFloat(second)
		case first == "Session" && !named && second != "":
			s.Name, named = strings.TrimSuffix(second, ".0"), true
		case strings.EqualFold(first, "responses"):
			inResponses = true
		case choiceHeads[strings.ToLower(first)]:
			// "Choices | Votes" lists options; "Choices | Weighted average | 1 | 2…"
			// lists a scale's statements, which the Voters columns already name.
			inTable = true
			cur.Table.Head = trimmed(r[1:])
			inChoices = isCountHead(second)
			if err := checkValueHeads(at(line), cur); err != nil {
				return s, err
			}
		}
	}
}

// Bounds on a Session sheet's figures: no presentation has more voters,
// a scale is a rating (as maxScaleWidth for the Voters sheet), and a
// value heading is a scale value, a position or a number of points.
const (
	maxSheetCount = 10_000_000
	maxHeadValue  = 1_000_000
)

// checkCount refuses a cell that should hold a count and does not: a
// blank is none, anything else must be a whole number from 0.
func checkCount(at *tabular.FileError, column int, cell, what string) error {
	if cell == "" {
		return nil
	}
	f, err := strconv.ParseFloat(cell, 64)
	if err == nil && f >= 0 && f <= maxSheetCount && f == float64(int(f)) {
		return nil
	}
	at.Column = column
	at.Msg = fmt.Sprintf("holds %q where Mentimeter writes %s", truncate(cell, 30), what)
	at.Hint = "export the presentation's results again from Mentimeter, or fix the cell"
	return at
}

// checkCounts checks a table row's counts: the votes of an option list,
// or the count under each value heading.
func checkCounts(at *tabular.FileError, sl *MentiSlide, row MentiRow, votes bool) error {
	if votes && len(row.Cells) > 0 {
		return checkCount(at, 2, row.Cells[0], "a number of votes")
	}
	for _, h := range valueHeads(sl.Table.Head) {
		if h.cell < len(row.Cells) {
			if err := checkCount(at, h.cell+2, row.Cells[h.cell], "how many gave "+strconv.Itoa(h.value)); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkValueHeads refuses value headings no tool writes: beyond the
// bound, or a scale wider than a rating.
func checkValueHeads(at *tabular.FileError, sl *MentiSlide) error {
	heads := valueHeads(sl.Table.Head)
	lo, hi := 0, 0
	for i, h := range heads {
		if h.value < -maxHeadValue || h.value > maxHeadValue {
			at.Column, at.Msg = h.cell+2, fmt.Sprintf("heads a column with %d, not a scale value, position or number of points", h.value)
			return at
		}
		if i == 0 {
			lo, hi = h.value, h.value
		}
		lo, hi = min(lo, h.value), max(hi, h.value)
	}
	if strings.Contains(sl.Type, "scale") && hi-lo > maxScaleWidth {
		at.Msg = fmt.Sprintf("heads a scale from %d to %d for %q; a rating scale spans at most %d", lo, hi, truncate(sl.Title, 40), maxScaleWidth)
		at.Hint = "export the presentation's results again from Mentimeter"
		return at
	}
	return nil
}

// isCountHead tells a table whose second column counts votes (an option
// list) from one that gives averages or a distribution.
func isCountHead(h string) bool {
	switch strings.ToLower(h) {
	case "", "votes", "vote", "count", "counts", "responses":
		return true
	}
	return false
}

func trimmed(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.TrimSpace(c)
	}
	return out
}

// cleanCell is a cell's text as an answer may be stored.
func cleanCell(s string) string { return strings.TrimSpace(data.CleanAnswerText(s)) }

// slide finds the nth question slide titled title in a session (nil when
// absent). Content slides are not counted: they write no Voters column
// of their own, so a content slide titled like the question after it
// must not shift which slide a column is.
func (s MentiSession) slide(ref SlideRef) *MentiSlide {
	n := 0
	for i := range s.Slides {
		if s.Slides[i].Title == ref.Title && !s.Slides[i].content() {
			if n == ref.Nth {
				return &s.Slides[i]
			}
			n++
		}
	}
	return nil
}

// content tells a content slide (no question, only reactions).
func (sl MentiSlide) content() bool { return sl.Type == "slide" }

// readQASheet reads "Questions from audience": a header naming the
// question and its upvotes (and whether it was answered, and the
// session), then one row per question.
func readQASheet(file string, wb *tabular.Workbook, sheet string) ([]QAEntry, error) {
	rows, err := wb.Rows(sheet, false)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	text, up, ans, sess := -1, -1, -1, -1
	var out []QAEntry
	for {
		r, line, err := rows.Next()
		if err != nil {
			if err == io.EOF {
				return out, nil
			}
			return nil, err
		}
		if text < 0 {
			for i, c := range r {
				switch strings.ToLower(strings.TrimSpace(c)) {
				case "question", "questions", "question text":
					text = i
				case "upvotes", "upvote", "votes", "likes":
					up = i
				case "answered", "status", "archived":
					ans = i
				case "session":
					sess = i
				}
			}
			if up < 0 {
				text = -1 // notes above the header
			}
			continue
		}
		cell := func(i int) string {
			if i < 0 || i >= len(r) {
				return ""
			}
			return strings.TrimSpace(r[i])
		}
		if cell(text) == "" {
			continue
		}
		if len(out) == maxQAEntries {
			return nil, &tabular.FileError{File: file + ", sheet " + sheet, Line: line, Msg: "holds more than 20,000 questions from the audience", Hint: "export the presentation's results again from Mentimeter"}
		}
		out = append(out, QAEntry{Text: cell(text), Upvotes: atoiFloat(cell(up)), Answered: truthy(cell(ans)), Session: strings.TrimSuffix(cell(sess), ".0")})
	}
}

func truthy(s string) bool {
	switch strings.ToLower(s) {
	case "yes", "true", "1", "1.0", "x", "✓", "answered", "archived":
		return true
	}
	return false
}

func atoiFloat(s string) int {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0
	}
	return int(f)
}

var plainNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,14})(\.[0-9]+)?$`)

// canonicalNumber writes a whole number the way the Voters sheet does: a
// Session sheet's numeric cell reads "14.0" where a voter's answer reads
// "14". Only a zero fraction is dropped: "1.50" is an option written so
// by the presenter, and stays as written.
func canonicalNumber(s string) string {
	s = strings.TrimSpace(s)
	if !plainNumber.MatchString(s) {
		return s
	}
	if whole, frac, ok := strings.Cut(s, "."); ok && strings.Trim(frac, "0") == "" {
		return whole
	}
	return s
}
