package main

import (
	"github.com/aoce-desktop/aoce-desktop/internal/survey/corpus"

	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// mentiSlide is one slide of a synthetic presentation.
type mentiSlide struct {
	Type    string // choices, multi, scales, open, quiz, slide (content); without voters also wordcloud, ranking, points
	Title   string
	Options []string // choices, multi, quiz: in order, the last never chosen; scales: statements
	Numeric bool     // the options are numbers: numeric cells ("14.0") in the Session sheets
	Partner bool     // the voter's own city: imported as the respondent's partner, no question
}

// mentiFile is one synthetic Mentimeter export.
type mentiFile struct {
	Name       string
	Case       string
	DateHeader string   // "Date" or "Date (UTC)"
	Sessions   []string // session names, one Session sheet each
	Voters     int      // voters per session
	Slides     []mentiSlide
	QA         []qaEntry
	// OffBy makes a Session sheet count one option one vote more than
	// the Voters sheet (it happens in real files): slide, option.
	OffBy *[2]int
	Seed  uint64
	// NoVoters leaves the Voters sheet out (an export without voter
	// data, or an older one): only the Session sheets' figures remain.
	NoVoters bool
}

type qaEntry struct {
	Session  string
	Text     string
	Upvotes  int
	Answered bool
}

// vote is one voter's answers, per slide.
type vote struct {
	Session string
	Chosen  map[int][]string // choices, multi, quiz: the options picked
	Scales  map[int][]int
	Open    map[int]string
	Score   map[int]int
	React   map[int]string
	Words   map[int][]string // word cloud entries
	Ranks   map[int][]int    // ranking: each option's position, 1 first
	Points  map[int][]int    // 100 points: each option's points
}

var cloudWords = []string{"trust", "youth", "co-design", "public space", "budget", "walkshop"}

var openIdeas = []string{"More walkshops with residents", "Peer visits between cities", "Shorter talks, more exchange",
	"A toolkit for co-design", "Meet the youth council", "Visit the market hall project"}

// votes draws every voter's answers; the last option of a choice slide
// is never chosen (an option nobody chose), and about one voter in
// seven skips a choice slide.
func (m mentiFile) votes() []vote {
	rng := rand.New(rand.NewPCG(m.Seed, 17))
	var out []vote
	for _, s := range m.Sessions {
		for range m.Voters {
			v := vote{Session: s, Chosen: map[int][]string{}, Scales: map[int][]int{}, Open: map[int]string{}, Score: map[int]int{}, React: map[int]string{},
				Words: map[int][]string{}, Ranks: map[int][]int{}, Points: map[int][]int{}}
			for si, sl := range m.Slides {
				var pool []string // the options voters pick from: all but the last
				if len(sl.Options) > 1 {
					pool = sl.Options[:len(sl.Options)-1]
				}
				switch sl.Type {
				case "choices", "quiz":
					if rng.IntN(7) > 0 {
						v.Chosen[si] = []string{pool[rng.IntN(len(pool))]}
					}
					if sl.Type == "quiz" && len(v.Chosen[si]) > 0 {
						v.Score[si] = 0
						if v.Chosen[si][0] == sl.Options[0] { // the first option is the right one
							v.Score[si] = 600 + 50*rng.IntN(9)
						}
					}
				case "multi":
					n := rng.IntN(4) // 0 to 3 options
					for _, i := range rng.Perm(len(pool))[:min(n, len(pool))] {
						v.Chosen[si] = append(v.Chosen[si], pool[i])
					}
				case "scales":
					for range sl.Options {
						v.Scales[si] = append(v.Scales[si], 1+rng.IntN(5))
					}
				case "open":
					if rng.IntN(3) > 0 {
						v.Open[si] = openIdeas[rng.IntN(len(openIdeas))]
					}
				case "wordcloud":
					for _, i := range rng.Perm(len(cloudWords))[:rng.IntN(4)] {
						v.Words[si] = append(v.Words[si], cloudWords[i])
					}
				case "ranking":
					if rng.IntN(7) > 0 {
						for _, p := range rng.Perm(len(sl.Options)) {
							v.Ranks[si] = append(v.Ranks[si], p+1)
						}
					}
				case "points":
					if rng.IntN(7) > 0 {
						pts := make([]int, len(sl.Options))
						for range 10 { // ten tens spread over the items
							pts[rng.IntN(len(pts))] += 10
						}
						v.Points[si] = pts
					}
				case "slide":
					if rng.IntN(2) == 0 {
						v.React[si] = []string{"👍", "❤️", "😂"}[rng.IntN(3)]
					}
				}
			}
			out = append(out, v)
		}
	}
	return out
}

// write writes the workbook: notes, the Voters sheet, one Session sheet
// per session and, when there are any, the audience's questions.
func (m mentiFile) write(path string) error {
	votes := m.votes()
	f := excelize.NewFile()
	defer f.Close()
	if m.NoVoters {
		return m.writeWithoutVoters(f, path, votes)
	}
	f.SetSheetName("Sheet1", "Voters")
	rows := [][]any{{"Results of the synthetic presentation " + m.Name}, {"Exported from Mentimeter (synthetic corpus)"}}
	header := []any{m.DateHeader, "Session", "Voter"}
	for _, sl := range m.Slides {
		switch sl.Type {
		case "choices":
			header = append(header, sl.Title+":")
		case "multi":
			header = append(header, sl.Title+": 1", sl.Title+": 2", sl.Title+": 3")
		case "scales":
			for _, st := range sl.Options {
				header = append(header, sl.Title+": "+st)
			}
		case "open":
			header = append(header, sl.Title+": 1", "Upvotes")
		case "quiz":
			header = append(header, sl.Title+": Name", sl.Title+": Emoji", sl.Title+": Answer", sl.Title+": Score")
		case "slide":
			header = append(header, ":")
		default:
			return fmt.Errorf("slide %q: the Voters sheet of a %s slide is not generated", sl.Title, sl.Type)
		}
	}
	rows = append(rows, header)
	for vi, v := range votes {
		row := []any{fmt.Sprintf("2026-11-%02d 10:%02d:%02d", 10+slices.Index(m.Sessions, v.Session), vi%60, (vi*7)%60), v.Session + ".0", fmt.Sprintf("voter-%03d", vi+1)}
		for si, sl := range m.Slides {
			switch sl.Type {
			case "choices":
				row = append(row, first(v.Chosen[si]))
			case "multi":
				for i := range 3 {
					if i < len(v.Chosen[si]) {
						row = append(row, v.Chosen[si][i])
					} else {
						row = append(row, "")
					}
				}
			case "scales":
				for _, n := range v.Scales[si] {
					row = append(row, n)
				}
			case "open":
				up := ""
				if v.Open[si] != "" {
					up = strconv.Itoa(vi % 4)
				}
				row = append(row, v.Open[si], up)
			case "quiz":
				if len(v.Chosen[si]) == 0 {
					row = append(row, "", "", "", "")
				} else {
					row = append(row, fmt.Sprintf("Player %d", vi+1), "🦊", v.Chosen[si][0], strconv.Itoa(v.Score[si]))
				}
			case "slide":
				row = append(row, v.React[si])
			}
		}
		rows = append(rows, row)
	}
	if err := setRows(f, "Voters", rows); err != nil {
		return err
	}
	if err := m.writeSessions(f, votes); err != nil {
		return err
	}
	return m.writeQA(f, path)
}

// writeWithoutVoters writes the Session sheets (the first in place of
// the default sheet) and the audience's questions.
func (m mentiFile) writeWithoutVoters(f *excelize.File, path string, votes []vote) error {
	f.SetSheetName("Sheet1", "Session "+m.Sessions[0])
	if err := m.writeSessions(f, votes); err != nil {
		return err
	}
	return m.writeQA(f, path)
}

func (m mentiFile) writeSessions(f *excelize.File, votes []vote) error {
	oneDecimal := "0.0"
	numStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &oneDecimal})
	if err != nil {
		return err
	}
	for _, s := range m.Sessions {
		if err := m.writeSession(f, s, votes, numStyle); err != nil {
			return err
		}
	}
	return nil
}

// writeQA writes the "Questions from audience" sheet, when there are any,
// and saves the workbook.
func (m mentiFile) writeQA(f *excelize.File, path string) error {
	if len(m.QA) > 0 {
		qa := [][]any{{"Questions from audience"}, {}, {"Session", "Question", "Upvotes", "Answered"}}
		for _, e := range m.QA {
			answered := "No"
			if e.Answered {
				answered = "Yes"
			}
			qa = append(qa, []any{e.Session, e.Text, e.Upvotes, answered})
		}
		if _, err := f.NewSheet("Questions from audience"); err != nil {
			return err
		}
		if err := setRows(f, "Questions from audience", qa); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

// writeSession writes a "Session N" sheet: one block per slide.
func (m mentiFile) writeSession(f *excelize.File, session string, votes []vote, numStyle int) error {
	sheet := "Session " + session
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
	}
	var rows [][]any
	var numericRows []int
	for si, sl := range m.Slides {
		kind := map[string]string{"multi": "choices", "points": "100 points"}[sl.Type]
		if kind == "" {
			kind = sl.Type
		}
		label := "Question"
		if sl.Type == "slide" {
			label = "Slide"
		}
		counts, answered := m.counts(votes, session, si)
		rows = append(rows, []any{fmt.Sprintf("%s %d", label, si+1)}, []any{"Date", "2026-11-10"}, []any{"Session", session},
			[]any{"Type", kind}, []any{"Question", sl.Title}, []any{"Respondents", answered})
		switch sl.Type {
		case "choices", "multi", "quiz":
			rows = append(rows, []any{"Choices", "Votes"})
			for oi, o := range sl.Options {
				n := counts[o]
				if m.OffBy != nil && m.OffBy[0] == si && m.OffBy[1] == oi {
					n++
				}
				var cell any = o
				if sl.Numeric {
					x, _ := strconv.ParseFloat(o, 64)
					cell = x
					numericRows = append(numericRows, len(rows)+1)
				}
				rows = append(rows, []any{cell, n})
			}
		case "scales":
			rows = append(rows, []any{"Choices", "Weighted average", 1, 2, 3, 4, 5})
			for sti, st := range sl.Options {
				per := make([]int, 5)
				sum, n := 0, 0
				for _, v := range votes {
					if v.Session == session && sti < len(v.Scales[si]) {
						per[v.Scales[si][sti]-1]++
						sum += v.Scales[si][sti]
						n++
					}
				}
				avg := 0.0
				if n > 0 {
					avg = float64(sum) / float64(n)
				}
				rows = append(rows, []any{st, avg, per[0], per[1], per[2], per[3], per[4]})
			}
		case "open":
			rows = append(rows, []any{"Responses"})
			for _, v := range votes {
				if v.Session == session && v.Open[si] != "" {
					rows = append(rows, []any{v.Open[si]})
				}
			}
		case "wordcloud": // each entry on a row of its own
			rows = append(rows, []any{"Responses"})
			for _, v := range votes {
				if v.Session == session {
					for _, w := range v.Words[si] {
						rows = append(rows, []any{w})
					}
				}
			}
		case "ranking", "points": // per option, how many put it at each position or gave it each number of points
			values := m.itemValues(sl)
			head := []any{"Choices"}
			for _, x := range values {
				head = append(head, x)
			}
			rows = append(rows, head)
			for oi, o := range sl.Options {
				dist := m.itemDistribution(votes, session, si, oi)
				row := []any{o}
				for _, x := range values {
					row = append(row, dist[x])
				}
				rows = append(rows, row)
			}
		}
		rows = append(rows, []any{})
	}
	if err := setRows(f, sheet, rows); err != nil {
		return err
	}
	for _, r := range numericRows {
		if err := f.SetCellStyle(sheet, "A"+strconv.Itoa(r), "A"+strconv.Itoa(r), numStyle); err != nil {
			return err
		}
	}
	return nil
}

// itemValues are the columns of a ranking's or 100 points' table: the
// positions, or the numbers of points 0, 10… 100.
func (m mentiFile) itemValues(sl mentiSlide) []int {
	var out []int
	if sl.Type == "ranking" {
		for i := range sl.Options {
			out = append(out, i+1)
		}
		return out
	}
	for x := 0; x <= 100; x += 10 {
		out = append(out, x)
	}
	return out
}

// itemDistribution is, for one option of a ranking or 100 points slide,
// how many voters of a session ("all": every one) gave it each position
// or number of points.
func (m mentiFile) itemDistribution(votes []vote, session string, si, oi int) map[int]int {
	out := map[int]int{}
	for _, v := range votes {
		if session != "all" && v.Session != session {
			continue
		}
		if r := v.Ranks[si]; len(r) > 0 {
			out[r[oi]]++
		}
		if p := v.Points[si]; len(p) > 0 {
			out[p[oi]]++
		}
	}
	return out
}

// counts are a slide's votes per option in a session ("all": every
// session) and how many voters picked anything.
func (m mentiFile) counts(votes []vote, session string, si int) (map[string]int, int) {
	counts := map[string]int{}
	answered := 0
	for _, v := range votes {
		if session != "all" && v.Session != session {
			continue
		}
		if v.answered(si) {
			answered++
		}
		for _, o := range v.Chosen[si] {
			counts[o]++
		}
	}
	return counts, answered
}

// answered tells whether the voter answered slide si.
func (v vote) answered(si int) bool {
	return len(v.Chosen[si]) > 0 || len(v.Scales[si]) > 0 || v.Open[si] != "" || len(v.Words[si]) > 0 || len(v.Ranks[si]) > 0 || len(v.Points[si]) > 0
}

// figures are what Mentimeter shows for a session ("all": merged); where
// the sheets disagree, the Voters sheet's counts.
func (m mentiFile) figures(session string) corpus.Figures {
	votes := m.votes()
	fig := corpus.Figures{File: m.Name, Format: "mentimeter", Session: session, Case: m.Case}
	for _, v := range votes {
		if session == "all" || v.Session == session {
			fig.Respondents++
			fig.Reactions += len(v.React)
		}
	}
	if m.NoVoters { // no voter to count: at least the most who answered a slide, per session
		fig.Respondents, fig.Reactions, fig.CountsOnly = 0, 0, true
		for _, s := range m.Sessions {
			if session != "all" && s != session {
				continue
			}
			most := 0
			for si, sl := range m.Slides {
				if sl.Type != "slide" {
					_, n := m.counts(votes, s, si)
					most = max(most, n)
				}
			}
			fig.Respondents += most
		}
	}
	if m.OffBy != nil { // every Session sheet counts that option one too many
		fig.Mismatches = 1
		if session == "all" {
			fig.Mismatches = len(m.Sessions)
		}
	}
	for si, sl := range m.Slides {
		counts, answered := m.counts(votes, session, si)
		switch {
		case sl.Partner:
			fig.Partner = sl.Title + ":"
		case sl.Type == "choices" || sl.Type == "multi" || sl.Type == "quiz":
			q := corpus.QFigures{Prompt: sl.Title, Kind: "single_choice", Answered: answered, Ordered: true}
			if sl.Type == "multi" {
				q.Kind = "multiple_choice"
			}
			for _, o := range sl.Options {
				q.Options = append(q.Options, corpus.OptFigures{Label: o, Count: counts[o]})
			}
			fig.Questions = append(fig.Questions, q)
			if sl.Type == "quiz" && !m.NoVoters { // the scores are in the Voters sheet only
				score := corpus.QFigures{Prompt: sl.Title + " — score", Kind: "points", Answered: answered}
				for _, v := range votes {
					if session == "all" || v.Session == session {
						score.Total += v.Score[si]
					}
				}
				fig.Questions = append(fig.Questions, score)
			}
		case sl.Type == "scales" || sl.Type == "open":
			n := 0
			for _, v := range votes {
				if (session == "all" || v.Session == session) && (len(v.Scales[si]) > 0 || v.Open[si] != "") {
					n++
				}
			}
			kind := "scales"
			if sl.Type == "open" {
				kind = "open_ended"
			}
			q := corpus.QFigures{Prompt: sl.Title, Kind: kind, Answered: n}
			if m.NoVoters {
				q.Statements = m.statementFigures(votes, session, si)
				if sl.Type == "open" {
					q.Listed = n
				}
			}
			fig.Questions = append(fig.Questions, q)
		case sl.Type == "wordcloud":
			q := corpus.QFigures{Prompt: sl.Title, Kind: "word_cloud", Answered: answered}
			words := map[string]int{}
			for _, v := range votes {
				if session == "all" || v.Session == session {
					for _, w := range v.Words[si] {
						words[w]++
					}
				}
			}
			for _, w := range cloudWords {
				if words[w] > 0 {
					q.Words = append(q.Words, corpus.OptFigures{Label: w, Count: words[w]})
				}
			}
			fig.Questions = append(fig.Questions, q)
		case sl.Type == "ranking" || sl.Type == "points":
			q := corpus.QFigures{Prompt: sl.Title, Kind: sl.Type, Answered: answered}
			for oi, o := range sl.Options {
				item := corpus.ItemFigures{Label: o}
				for x, n := range m.itemDistribution(votes, session, si, oi) {
					item.Count += n
					item.Total += x * n
				}
				q.Items = append(q.Items, item)
			}
			fig.Questions = append(fig.Questions, q)
		}
	}
	if len(m.QA) > 0 {
		q := corpus.QFigures{Prompt: "Questions from audience", Kind: "qa"}
		for _, e := range m.QA {
			if session == "all" || e.Session == session {
				q.Audience = append(q.Audience, corpus.AudFigures{Text: e.Text, Upvotes: e.Upvotes, Answered: e.Answered})
			}
		}
		slices.SortStableFunc(q.Audience, func(a, b corpus.AudFigures) int { return b.Upvotes - a.Upvotes })
		q.Answered = len(q.Audience)
		fig.Questions = append(fig.Questions, q)
	}
	return fig
}

// statementFigures are a scales slide's counts per value, per statement
// (nil for other slides).
func (m mentiFile) statementFigures(votes []vote, session string, si int) []corpus.StmtFigures {
	sl := m.Slides[si]
	if sl.Type != "scales" {
		return nil
	}
	var out []corpus.StmtFigures
	for sti, st := range sl.Options {
		f := corpus.StmtFigures{Label: st, Values: map[string]int{}}
		for x := 1; x <= 5; x++ {
			f.Values[strconv.Itoa(x)] = 0
		}
		for _, v := range votes {
			if (session == "all" || v.Session == session) && sti < len(v.Scales[si]) {
				f.Values[strconv.Itoa(v.Scales[si][sti])]++
			}
		}
		out = append(out, f)
	}
	return out
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// setRows writes rows from the sheet's first cell.
func setRows(f *excelize.File, sheet string, rows [][]any) error {
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := r
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	return nil
}
