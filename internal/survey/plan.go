package survey

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// FormatName is how a format is named to the user.
func FormatName(format string) string {
	switch format {
	case "google":
		return "Google Forms"
	case "msforms":
		return "Microsoft Forms"
	case "mentimeter":
		return "Mentimeter"
	case "surveymonkey":
		return "SurveyMonkey"
	case "template":
		return "question template"
	}
	return format
}

// Column roles.
const (
	RoleIgnore    = "ignore"
	RoleTimestamp = "timestamp"
	RolePartner   = "partner"
	RoleEmail     = "email"
	RoleQuestion  = "question"
)

// Column is what one column of the file holds.
type Column struct {
	Header    string
	Role      string
	Question  int // index into Plan.Questions, for RoleQuestion
	Statement int // statement of a scales question (grid columns)
}

// PlannedQuestion is a question as the import will store it.
type PlannedQuestion struct {
	Kind         string
	Prompt       string
	Statements   []string // scales: one per grid row; otherwise empty
	Separator    string   // multiple choice: what joins the chosen options ("" = one per column)
	CloudEntries bool     // word cloud written as Mentimeter entries ("civic_trust youth")
	WholeEntries bool     // word cloud whose every value is one entry (live votes)
	ScaleMin     int
	ScaleMax     int
}

// Plan is how a file's columns map to questions; the GUI lets the user
// override each column's role and kind before importing.
type Plan struct {
	Format    string
	Columns   []Column
	Questions []PlannedQuestion
}

var gridHeader = regexp.MustCompile(`^(.*\S)\s*\[(.+)\]\s*$`)

// metaHeaders are the columns survey tools add around the questions.
var metaHeaders = map[string]string{
	"timestamp": RoleTimestamp, "start time": RoleTimestamp, "completion time": RoleTimestamp, "last modified time": RoleTimestamp,
	"date": RoleTimestamp, "date (utc)": RoleTimestamp, "submitted": RoleTimestamp, "id": RoleIgnore, "email": RoleEmail,
	"email address": RoleEmail, "e-mail": RoleEmail, "name": RoleIgnore, "total points": RoleIgnore, "quiz feedback": RoleIgnore,
	"respondent id": RoleIgnore, "collector id": RoleIgnore, "start date": RoleTimestamp, "end date": RoleTimestamp,
	"ip address": RoleIgnore, "first name": RoleIgnore, "last name": RoleIgnore, "custom data 1": RoleIgnore,
	"session": RoleIgnore, "voter": RoleIgnore,
}

// MakePlan guesses each column's role and question kind from the header
// and a sample of rows (the first few hundred are plenty).
func MakePlan(format string, header []string, sample [][]string, partners []data.Partner) Plan {
	p := Plan{Format: format}
	partnerKeys := map[string]bool{}
	for _, pt := range partners {
		partnerKeys[data.NameKey(pt.Name)] = true
	}
	grids := map[string]int{} // grid prompt → question index
	partnerTaken := false
	for i, h := range header {
		col := Column{Header: strings.TrimSpace(h), Role: RoleQuestion}
		key := strings.ToLower(col.Header)
		values := columnValues(sample, i)
		switch {
		case metaHeaders[key] != "":
			col.Role = metaHeaders[key]
		case strings.HasPrefix(key, "points - ") || strings.HasPrefix(key, "feedback - "):
			col.Role = RoleIgnore
		case !partnerTaken && len(partnerKeys) > 0 && mostlyPartners(values, partnerKeys):
			col.Role, partnerTaken = RolePartner, true
		}
		if col.Role != RoleQuestion {
			p.Columns = append(p.Columns, col)
			continue
		}
		if m := gridHeader.FindStringSubmatch(col.Header); m != nil && allNumeric(values) {
			qi, ok := grids[m[1]]
			if !ok {
				qi = len(p.Questions)
				grids[m[1]] = qi
				p.Questions = append(p.Questions, PlannedQuestion{Kind: gridKind(m[1]), Prompt: m[1], ScaleMin: 1, ScaleMax: 5})
			}
			q := &p.Questions[qi]
			col.Question, col.Statement = qi, len(q.Statements)
			q.Statements = append(q.Statements, strings.TrimSpace(m[2]))
			widenScale(q, values)
			p.Columns = append(p.Columns, col)
			continue
		}
		col.Question = len(p.Questions)
		p.Questions = append(p.Questions, guessQuestion(col.Header, values))
		p.Columns = append(p.Columns, col)
	}
	return p
}

// gridKind tells a grid of numbers apart: "Rank …" is a ranking, "…
// points …" a 100-points question, anything else a scale per statement.
func gridKind(prompt string) string {
	p := strings.ToLower(prompt)
	switch {
	case strings.Contains(p, "rank"):
		return data.KindRanking
	case strings.Contains(p, "points"):
		return data.KindPoints
	}
	return data.KindScales
}

// IsItemGrid tells whether a kind stores one number per option (statement
// or item): the scale value, the rank or the points.
func IsItemGrid(kind string) bool {
	return kind == data.KindScales || kind == data.KindRanking || kind == data.KindPoints
}

func columnValues(sample [][]string, i int) []string {
	var out []string
	for _, row := range sample {
		if i < len(row) && strings.TrimSpace(row[i]) != "" {
			out = append(out, strings.TrimSpace(row[i]))
		}
	}
	return out
}

func mostlyPartners(values []string, keys map[string]bool) bool {
	if len(values) == 0 {
		return false
	}
	hits := 0
	for _, v := range values {
		if keys[data.NameKey(v)] {
			hits++
		}
	}
	return hits*10 >= len(values)*6
}

func allNumeric(values []string) bool {
	if len(values) == 0 {
		return false
	}
	for _, v := range values {
		if _, err := strconv.Atoi(v); err != nil {
			return false
		}
	}
	return true
}

func widenScale(q *PlannedQuestion, values []string) {
	for _, v := range values {
		n, _ := strconv.Atoi(v)
		q.ScaleMin, q.ScaleMax = min(q.ScaleMin, n), max(q.ScaleMax, n)
	}
}

// guessQuestion reads a question's kind from its answers: small whole
// numbers are a scale, answers joined by ";" from a small set are a
// multiple choice, few distinct answers a single choice, a few words a word
// cloud, and anything else open text.
func guessQuestion(prompt string, values []string) PlannedQuestion {
	q := PlannedQuestion{Prompt: prompt, Kind: data.KindOpenEnded}
	distinct := map[string]bool{}
	words := 0
	for _, v := range values {
		distinct[v] = true
		words += len(strings.Fields(v))
	}
	sep := GuessSeparator(values)
	switch {
	case len(values) == 0:
		q.Kind = data.KindOpenEnded
	case allNumeric(values) && len(distinct) >= 2:
		q.Kind, q.ScaleMin, q.ScaleMax = data.KindScales, 1, 5
		widenScale(&q, values)
		if q.ScaleMax-q.ScaleMin > 10 || q.ScaleMin < 0 {
			q.Kind = data.KindOpenEnded // numbers, but not a rating scale
		}
		q.Statements = []string{prompt}
	case sep != "" && strings.Contains(strings.ToLower(prompt), "rank"): // items in order of preference
		q.Kind, q.Separator = data.KindRanking, sep
	case sep != "":
		q.Kind, q.Separator = data.KindMultipleChoice, sep
	case strings.Contains(strings.ToLower(prompt), "word"):
		q.Kind = data.KindWordCloud
	case len(distinct) <= 20 && float64(words)/float64(len(values)) <= 6 && (len(distinct)*2 <= len(values) || len(distinct) < len(values) && float64(words)/float64(len(values)) <= 4):
		q.Kind = data.KindSingleChoice // few short answers, given again and again (sentences are open text even when repeated)
	case float64(words)/float64(len(values)) <= 3:
		q.Kind = data.KindWordCloud
	}
	return q
}

// GuessSeparator tells what joins the options of a multiple choice in a
// column's values: ";" as Google Forms and Microsoft Forms download them,
// or ", " as Google Sheets saves them; "" when the values are not joined
// options. The parts must recur and be short; for ", " they must also be
// answers on their own somewhere, so that "Yes, definitely" stays whole.
func GuessSeparator(values []string) string {
	for _, sep := range []string{";", ", "} {
		tokens := map[string]bool{}
		whole := map[string]bool{}
		joined, occurrences := 0, 0
		for _, v := range values {
			if !strings.Contains(v, sep) {
				whole[strings.TrimSpace(v)] = true
			} else {
				joined++
			}
			for _, t := range strings.Split(v, sep) {
				if t = strings.TrimSpace(t); t != "" {
					tokens[t] = true
					occurrences++
				}
			}
		}
		if joined == 0 || len(tokens) > 40 || occurrences <= len(tokens) || !shortTokens(tokens) {
			continue
		}
		if sep == ", " {
			alone := 0
			for t := range tokens {
				if whole[t] {
					alone++
				}
			}
			if alone*2 < len(tokens) {
				continue
			}
		}
		return sep
	}
	return ""
}

// shortTokens tells whether ";"-joined parts look like option labels (a
// few words each) rather than sentences that happen to contain ";".
func shortTokens(tokens map[string]bool) bool {
	for t := range tokens {
		if len(strings.Fields(t)) > 8 {
			return false
		}
	}
	return true
}
