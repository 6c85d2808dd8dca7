package survey

import (
	"fmt"
	"regexp"
	"slices"
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
	// OtherOf is, for the free text of a choice's "Other" (SurveyMonkey),
	// the choice question's index + 1 (0: none): a filled cell also ticks
	// the choice's option OtherLabel, as the source counts it.
	OtherOf    int
	OtherLabel string
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
	Listed       []string  // the options the file's header lists, in order, those nobody chose too (SurveyMonkey)
	Slide        *SlideRef // Mentimeter: the slide whose options (zero votes included) the question lists first
	Quiz         bool      // Mentimeter quiz: the Answer column; the scores are the next question
	QA           bool      // the audience's questions of the Mentimeter workbook (no column)
	Rule         string    // why the question has its kind (and separator), for the preview
}

// Plan is how a file's columns map to questions; the GUI lets the user
// override each column's role and kind before importing.
type Plan struct {
	Format    string
	Columns   []Column
	Questions []PlannedQuestion
	Menti     *MentiBook // a Mentimeter workbook's Session and Q&A sheets; nil otherwise
	// CountsOnly: a Mentimeter workbook without its Voters sheet, imported
	// from its Session sheets' figures (no column, no respondent's row).
	CountsOnly bool
	Notes      []string // what the import leaves aside, for the preview
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

// googleTimestamps are the heading of a Google Forms export's first column
// in the languages of the network's cities: Google writes it in the form
// owner's language.
var googleTimestamps = map[string]bool{
	"timestamp": true, "zeitstempel": true, "horodateur": true, "marca temporal": true, "informazioni cronologiche": true,
	"tijdstempel": true, "sygnatura czasowa": true, "carimbo de data/hora": true, "marcaj de timp": true, "marcă temporală": true,
	"időbélyeg": true, "časová značka": true, "časová pečiatka": true, "χρονική σήμανση": true, "tidsstämpel": true,
	"tidsstempel": true, "aikaleima": true, "časovni žig": true, "vremenska oznaka": true, "клеймо за време": true,
	"laiko žymė": true, "laikspiedols": true, "ajatempel": true, "marca de temps": true,
}

// dateTime matches a moment as survey tools and spreadsheets write it,
// date and time: "2026/12/01 10:15:00 AM GMT+1", "01.12.2026 10:15",
// "1/12/2026 10:15:00", "2026-12-01T10:15:00Z".
var dateTime = regexp.MustCompile(`^\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([AaPp]\.?\s?[Mm]\.?)?\s*(Z|(GMT|UTC)?\s*[+-]\d{1,2}(:?\d{2})?|GMT|UTC)?$`)

// allDateTimes tells a column of moments: every value is a date and time.
func allDateTimes(values []string) bool {
	for _, v := range values {
		if !dateTime.MatchString(v) {
			return false
		}
	}
	return len(values) > 0
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
	seps := fileSeparators(format, header, sample)
	partnerTaken := false
	for i, h := range header {
		col := Column{Header: strings.TrimSpace(h), Role: RoleQuestion}
		key := strings.ToLower(col.Header)
		values := columnValues(sample, i)
		switch {
		case col.Header == "" && len(values) == 0: // an empty column a spreadsheet left at the side
			col.Role = RoleIgnore
		case metaHeaders[key] != "":
			col.Role = metaHeaders[key]
		case googleTimestamps[key] || !timestampTaken(p.Columns) && allDateTimes(values):
			col.Role = RoleTimestamp
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
		p.Questions = append(p.Questions, guessQuestionWith(col.Header, values, seps))
		p.Columns = append(p.Columns, col)
	}
	return p
}

func timestampTaken(cols []Column) bool {
	return slices.ContainsFunc(cols, func(c Column) bool { return c.Role == RoleTimestamp })
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

// guessQuestion reads a question's kind from its answers, allowing either
// separator a generic file may join checkbox answers with.
func guessQuestion(prompt string, values []string) PlannedQuestion {
	return guessQuestionWith(prompt, values, genericSeparators)
}

// guessQuestionWith reads a question's kind from its answers: small whole
// numbers are a scale, answers joined by one of seps whose parts recur as
// a small set of options a multiple choice, few distinct answers a single
// choice, a few words a word cloud, and anything else open text. Rule
// says which of these decided.
func guessQuestionWith(prompt string, values []string, seps []string) PlannedQuestion {
	q := PlannedQuestion{Prompt: prompt, Kind: data.KindOpenEnded}
	distinct := map[string]bool{}
	words := 0
	for _, v := range values {
		distinct[v] = true
		words += len(strings.Fields(v))
	}
	sep, why := separatorEvidence(values, seps)
	switch {
	case len(values) == 0:
		q.Kind, why = data.KindOpenEnded, "no answers in the first rows"
	case allNumeric(values) && len(distinct) >= 2:
		q.Kind, q.ScaleMin, q.ScaleMax = data.KindScales, 1, 5
		widenScale(&q, values)
		why = fmt.Sprintf("whole numbers from %d to %d: a scale", q.ScaleMin, q.ScaleMax)
		if q.ScaleMax-q.ScaleMin > 10 || q.ScaleMin < 0 {
			q.Kind, why = data.KindOpenEnded, "numbers, but not a rating scale" // numbers, but not a rating scale
		}
		q.Statements = []string{prompt}
	case sep != "" && strings.Contains(strings.ToLower(prompt), "rank"): // items in order of preference
		q.Kind, q.Separator = data.KindRanking, sep
	case sep != "":
		q.Kind, q.Separator = data.KindMultipleChoice, sep
	case strings.Contains(strings.ToLower(prompt), "word"):
		q.Kind, why = data.KindWordCloud, why+"; the question asks for words"
	case len(distinct) <= 20 && float64(words)/float64(len(values)) <= 6 && (len(distinct)*2 <= len(values) || len(distinct) < len(values) && float64(words)/float64(len(values)) <= 4):
		q.Kind = data.KindSingleChoice // few short answers, given again and again (sentences are open text even when repeated)
		why += fmt.Sprintf("; %d different short answers given again and again: a single choice", len(distinct))
	case float64(words)/float64(len(values)) <= 3:
		q.Kind, why = data.KindWordCloud, why+"; a few words each: a word cloud"
	default:
		why += "; different sentences: open text"
	}
	q.Rule = why
	return q
}

// Separators each format joins a checkbox question's options with. Google
// Forms' CSV download joins them with ";" and a response sheet saved from
// Google Sheets with ", "; Microsoft Forms with ";" (and a trailing ";");
// SurveyMonkey and Mentimeter spread them over columns and join nothing.
var (
	genericSeparators = []string{";", ", "}
	msformsSeparators = []string{";"}
)

// fileSeparators are the separators a file's columns may be split on:
// one file is written by one tool in one way, so once a column's parts
// recur as options joined by ";", ", " joins no options in that file.
func fileSeparators(format string, header []string, sample [][]string) []string {
	switch format {
	case "msforms":
		return msformsSeparators
	case "surveymonkey", "mentimeter":
		return nil
	}
	for i := range header {
		if sep, _ := separatorEvidence(columnValues(sample, i), []string{";"}); sep != "" {
			return []string{";"}
		}
	}
	return genericSeparators
}

// GuessSeparator tells what joins the options of a multiple choice in a
// column's values (";" or ", "), "" when the values are not joined options.
func GuessSeparator(values []string) string {
	sep, _ := separatorEvidence(values, genericSeparators)
	return sep
}

// separatorEvidence decides whether values are options joined by one of
// seps: some answers must be joined, every part short (a few words), the
// parts few (at most 40), and most of them must recur across respondents
// in different company — alone, or beside different other options. A
// sentence with a comma ("Facilitation, step by step") has parts that do
// not recur; a repeated phrase ("Yes, definitely") has parts that always
// come together. It returns the separator, or "", and why, in words.
func separatorEvidence(values []string, seps []string) (string, string) {
	why := "one answer per cell: no separator joins options in this format"
	if len(seps) > 0 {
		why = "one answer per cell: no " + quoteSeps(seps) + " in the answers"
		if !slices.Contains(seps, ", ") && slices.ContainsFunc(values, func(v string) bool { return strings.Contains(v, ", ") }) {
			why += `; ", " is no separator in this file (its checkboxes are joined by ";")`
		}
	}
	for _, sep := range seps {
		answers := map[string]map[string]bool{} // part → the different answers it is in
		joined := 0
		long := false
		for _, v := range values {
			if strings.Contains(strings.TrimSuffix(v, sep), sep) {
				joined++
			}
			for _, t := range strings.Split(v, sep) {
				if t = strings.TrimSpace(t); t != "" {
					if answers[t] == nil {
						answers[t] = map[string]bool{}
					}
					answers[t][v] = true
					long = long || len(strings.Fields(t)) > 8
				}
			}
		}
		if joined == 0 {
			continue
		}
		recurring := 0
		for _, in := range answers {
			if len(in) >= 2 {
				recurring++
			}
		}
		switch {
		case long:
			why = fmt.Sprintf("one answer per cell: split on %q, some parts are sentences, not options", sep)
		case len(answers) > 40:
			why = fmt.Sprintf("one answer per cell: split on %q, the answers give %d different parts, too many for options", sep, len(answers))
		case len(answers) < 2 || recurring*2 < len(answers):
			why = fmt.Sprintf("one answer per cell: split on %q, only %d of %d parts recur in other answers", sep, recurring, len(answers))
		default:
			return sep, fmt.Sprintf("multiple choice: %d answers join options with %q; %d of its %d options recur across respondents", joined, sep, recurring, len(answers))
		}
	}
	return "", why
}

func quoteSeps(seps []string) string {
	q := make([]string, len(seps))
	for i, s := range seps {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, " or ")
}
