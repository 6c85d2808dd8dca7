package survey

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Results are a survey's answers counted per question: the stable shape
// of 'survey results --json' (documented in the README).
type Results struct {
	Survey    SurveyInfo       `json:"survey"`
	PartnerID string           `json:"partner_id"` // "" for everybody
	Questions []QuestionResult `json:"questions"`
	// RespondentsByPartner is over all respondents whatever PartnerID
	// filters; absent when no respondent is tied to a partner.
	RespondentsByPartner *PartnerBlock `json:"respondents_by_partner,omitempty"`
}

// SurveyInfo names the survey the results are of.
type SurveyInfo struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Format      string `json:"format"`
	SourceFile  string `json:"source_file"`
	Respondents int    `json:"respondents"`
	// CountsOnly: the survey holds counts per question only (a Mentimeter
	// file without its Voters sheet): respondents is then at least how
	// many took part, skipped is unknown (0), no answer is tied to a
	// person or a partner.
	CountsOnly bool `json:"counts_only,omitempty"`
}

// QuestionResult is one question's counts.
type QuestionResult struct {
	ID          string            `json:"-"`
	Position    int               `json:"position"`
	Kind        string            `json:"kind"`
	Prompt      string            `json:"prompt"`
	Respondents int               `json:"respondents"` // answered this question
	Skipped     int               `json:"skipped"`
	Options     []OptionResult    `json:"options,omitempty"`
	Statements  []StatementResult `json:"statements,omitempty"`
	Items       []ItemResult      `json:"items,omitempty"` // ranking and 100 points
	Words       []WordResult      `json:"words,omitempty"`
	Audience    []AudienceResult  `json:"audience,omitempty"` // Q&A imported from Mentimeter
	// An open question's answers as given, newest first, at most
	// openAnswers of them; MoreAnswers says how many more there are.
	Answers     []string `json:"answers,omitempty"`
	MoreAnswers int      `json:"more_answers,omitempty"`
	// Hidden is how many answers the presenter hid during a live session:
	// they are in none of Answers, MoreAnswers, the slides or the reports.
	Hidden int `json:"hidden,omitempty"`
}

// OptionResult is a choice and how many chose it.
type OptionResult struct {
	Label   string  `json:"label"`
	Count   int     `json:"count"`
	Percent float64 `json:"percent"` // of the question's respondents
}

// StatementResult is one statement of a scales question.
type StatementResult struct {
	Label  string         `json:"label"`
	Count  int            `json:"count"`
	Mean   float64        `json:"mean"`
	Median float64        `json:"median"`
	Values map[string]int `json:"values"` // scale value → how many gave it
}

// ItemResult is one item of a ranking or a 100-points question. Average
// is the mean position for a ranking (1 = first; best first) and the mean
// points per respondent of the question for 100 points (most first).
type ItemResult struct {
	Label   string  `json:"label"`
	Count   int     `json:"count"` // respondents who ranked it or gave it points
	Average float64 `json:"average"`
	Total   int     `json:"total"` // sum of positions or of points
}

// WordResult is a word and its count.
type WordResult struct {
	Word  string `json:"word"`
	Count int    `json:"count"`
}

// topWords is how many words a word cloud or open question reports.
const topWords = 30

// openAnswers is how many of an open question's answers the results
// carry (the report lists them; every answer is in the XLSX).
const openAnswers = 20

// LoadResults reads a survey's counts from the aggregates: a handful of
// small queries, whatever the number of respondents.
//
// What the room saw live is what the results show: the answers the
// presenter hid are left out (and counted in Hidden), and every cloud goes
// through the presenter's word filter (CloudFilter).
func LoadResults(ctx context.Context, s *data.Store, sv data.Survey, partnerID string) (Results, error) {
	res, err := LoadLiveResults(ctx, s, sv, partnerID)
	if err != nil {
		return res, err
	}
	f, err := CloudFilter(ctx, s, sv.ID)
	for i := range res.Questions {
		if res.Questions[i].Words != nil {
			res.Questions[i].Words = f.Words(res.Questions[i].Words, AllLanguages())
		}
	}
	return res, err
}

// LoadLiveResults is LoadResults with the clouds' words unfiltered: a live
// session filters them itself, as the presenter changes the filter.
func LoadLiveResults(ctx context.Context, s *data.Store, sv data.Survey, partnerID string) (Results, error) {
	res := Results{Survey: SurveyInfo{ID: sv.ID, Title: sv.Title, Format: sv.Format, SourceFile: sv.SourceFile, Respondents: sv.Respondents, CountsOnly: sv.CountsOnly},
		PartnerID: partnerID, Questions: []QuestionResult{}}
	qs, err := s.SurveyQuestions(ctx, sv.ID)
	if err != nil {
		return res, err
	}
	answered, err := s.SurveyAnswered(ctx, sv.ID, partnerID)
	if err != nil {
		return res, err
	}
	counts, err := s.SurveyCounts(ctx, sv.ID, partnerID)
	if err != nil {
		return res, err
	}
	byQuestion := map[string][]data.Count{}
	for _, c := range counts {
		byQuestion[c.QuestionID] = append(byQuestion[c.QuestionID], c)
	}
	total := sv.Respondents
	if partnerID != "" {
		total = 0
		for _, q := range qs { // respondents of the partner: the most who answered any question
			total = max(total, answered[q.ID])
		}
	}
	for _, q := range qs {
		qr := QuestionResult{ID: q.ID, Position: q.Position + 1, Kind: q.Kind, Prompt: q.Prompt, Respondents: answered[q.ID]}
		if !sv.CountsOnly { // who skipped a question is unknown without the voters' rows
			qr.Skipped = max(total-qr.Respondents, 0)
		}
		switch q.Kind {
		case data.KindSingleChoice, data.KindMultipleChoice:
			qr.Options = optionResults(q, byQuestion[q.ID], qr.Respondents)
		case data.KindScales:
			qr.Statements = statementResults(q, byQuestion[q.ID])
		case data.KindRanking, data.KindPoints:
			qr.Items = itemResults(q, byQuestion[q.ID], qr.Respondents)
		case data.KindOpenEnded:
			if sv.CountsOnly { // the answers the Session sheets list, stored as the question's rows
				qr.Answers = q.Options[:min(len(q.Options), openAnswers)]
				qr.MoreAnswers = max(qr.Respondents-len(qr.Answers), 0)
			}
			if err := topWordsOf(ctx, s, q.ID, partnerID, &qr); err != nil {
				return res, err
			}
		case data.KindQA:
			qr.Audience = audienceResults(q, byQuestion[q.ID])
			if len(qr.Audience) > 0 {
				qr.Skipped = 0 // the audience's questions are no respondent's answers
			}
			fallthrough // and the words of answers typed on phones
		default:
			if err := topWordsOf(ctx, s, q.ID, partnerID, &qr); err != nil {
				return res, err
			}
		}
		res.Questions = append(res.Questions, qr)
	}
	res.RespondentsByPartner, err = loadPartnerBlock(ctx, s, sv)
	if err != nil {
		return res, err
	}
	if sv.CountsOnly {
		return res, nil
	}
	return res, openAnswersOf(ctx, s, sv, partnerID, res.Questions)
}

// topWordsOf reads a question's most frequent words.
func topWordsOf(ctx context.Context, s *data.Store, questionID, partnerID string, qr *QuestionResult) error {
	words, err := s.TopWords(ctx, questionID, partnerID, topWords)
	if err != nil {
		return err
	}
	for _, w := range words {
		qr.Words = append(qr.Words, WordResult{Word: w.Word, Count: w.Count})
	}
	return nil
}

// openAnswersOf fills the open questions' answers, newest first:
// respondents are stored in the order they answered (the file's rows,
// the live votes; a file's timestamps are in its own format, not one to
// sort by). It reads back from the newest only until every open question
// has its answers, so a large survey costs no more than a small one.
func openAnswersOf(ctx context.Context, s *data.Store, sv data.Survey, partnerID string, qs []QuestionResult) error {
	wanted := 0
	for _, q := range qs {
		if q.Kind == data.KindOpenEnded && q.Respondents > 0 {
			wanted++
		}
	}
	if wanted == 0 {
		return nil
	}
	hidden, err := s.LiveHiddenAnswers(ctx, sv.ID)
	if err != nil {
		return err
	}
	isHidden := map[data.HiddenAnswer]bool{}
	for _, h := range hidden {
		isHidden[h] = true
	}
	err = s.EachRespondentNewestFirst(ctx, sv.ID, partnerID, func(r data.Respondent) error {
		for i := range qs {
			q := &qs[i]
			at := q.Position - 1
			if q.Kind != data.KindOpenEnded || len(q.Answers) == openAnswers || at >= len(r.Answers) {
				continue
			}
			if text := strings.TrimSpace(strings.Join(r.Answers[at], " ")); text != "" {
				if isHidden[data.HiddenAnswer{Question: at, Position: r.Position}] {
					q.Hidden++
					continue
				}
				if q.Answers = append(q.Answers, text); len(q.Answers) == openAnswers {
					if wanted--; wanted == 0 {
						return errEnough
					}
				}
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return err
	}
	for i := range qs {
		qs[i].MoreAnswers = max(qs[i].Respondents-len(qs[i].Answers)-qs[i].Hidden, 0)
	}
	return nil
}

// errEnough stops reading respondents once every answer wanted is read.
var errEnough = errors.New("enough answers")

// forOptions calls add with each count of one of the question's n options
// (a count for an option no longer known is skipped).
func forOptions(counts []data.Count, n int, add func(data.Count)) {
	for _, c := range counts {
		if c.Option >= 0 && c.Option < n {
			add(c)
		}
	}
}

// optionResults are a choice question's options in the order they are
// stored — the source's: a survey tool lists options as the form did, and
// sorting by count here would reorder ages 14, 15, 16 as 15, 14, 16.
func optionResults(q data.Question, counts []data.Count, respondents int) []OptionResult {
	out := make([]OptionResult, len(q.Options))
	for i, label := range q.Options {
		out[i].Label = label
	}
	forOptions(counts, len(out), func(c data.Count) { out[c.Option].Count += c.Count })
	for i := range out {
		if respondents > 0 {
			out[i].Percent = float64(out[i].Count) * 100 / float64(respondents)
		}
	}
	return out // in the source's order (the form's, the Session sheets'), the one order every screen and export shows
}

func statementResults(q data.Question, counts []data.Count) []StatementResult {
	out := make([]StatementResult, len(q.Options))
	for i, label := range q.Options {
		out[i] = StatementResult{Label: label, Values: map[string]int{}}
		if q.ScaleMin != nil && q.ScaleMax != nil {
			for v := *q.ScaleMin; v <= *q.ScaleMax; v++ {
				out[i].Values[itoa(int(v))] = 0
			}
		}
	}
	perValue := make([][]data.Count, len(out))
	for _, c := range counts {
		if c.Option < 0 || c.Option >= len(out) {
			continue
		}
		st := &out[c.Option]
		st.Count += c.Count
		st.Values[itoa(c.Value)] += c.Count
		st.Mean += float64(c.Value * c.Count)
		perValue[c.Option] = append(perValue[c.Option], c)
	}
	for i := range out {
		if out[i].Count > 0 {
			out[i].Mean /= float64(out[i].Count)
			out[i].Median = median(perValue[i], out[i].Count)
		}
	}
	return out
}

func itemResults(q data.Question, counts []data.Count, respondents int) []ItemResult {
	out := make([]ItemResult, len(q.Options))
	for i, label := range q.Options {
		out[i].Label = label
	}
	forOptions(counts, len(out), func(c data.Count) {
		out[c.Option].Count += c.Count
		out[c.Option].Total += c.Value * c.Count
	})
	ranking := q.Kind == data.KindRanking
	for i := range out {
		switch {
		case ranking && out[i].Count > 0:
			out[i].Average = float64(out[i].Total) / float64(out[i].Count)
		case !ranking && respondents > 0: // an item left out got no points
			out[i].Average = float64(out[i].Total) / float64(respondents)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ranking {
			if (a.Count == 0) != (b.Count == 0) { // never ranked goes last
				return b.Count == 0
			}
			return a.Average < b.Average
		}
		return a.Average > b.Average
	})
	return out
}

// median of values given as (value, count) pairs sorted by value.
func median(vs []data.Count, n int) float64 {
	sort.Slice(vs, func(i, j int) bool { return vs[i].Value < vs[j].Value })
	at := func(k int) int { // k-th value, 0-based
		for _, v := range vs {
			if k < v.Count {
				return v.Value
			}
			k -= v.Count
		}
		return 0
	}
	if n%2 == 1 {
		return float64(at(n / 2))
	}
	return float64(at(n/2-1)+at(n/2)) / 2
}

func itoa(n int) string { return strconv.Itoa(n) }
