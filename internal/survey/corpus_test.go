package survey

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey/corpus"
)

// TestCorpus imports every synthetic export of testdata/corpus (written by
// corpusgen: go generate ./internal/survey/) and compares the results with
// its sidecar, the figures the source tool would show: respondents, every
// option in the source's order with its count (those nobody chose too),
// who answered, the audience's questions, quiz scores, and what the
// preview tells about reactions and disagreeing sheets.
func TestCorpus(t *testing.T) {
	sidecars, err := filepath.Glob("testdata/corpus/*.json")
	if err != nil || len(sidecars) < 10 {
		t.Fatalf("corpus sidecars: %v (%d); run go generate ./internal/survey/", err, len(sidecars))
	}
	s, n := demoStore(t)
	ctx := context.Background()
	for _, sc := range sidecars {
		t.Run(strings.TrimSuffix(filepath.Base(sc), ".json"), func(t *testing.T) {
			var want corpus.Figures
			raw, err := os.ReadFile(sc)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			sv, rep, err := Import(ctx, s, n.ID, filepath.Join("testdata/corpus", want.File), Options{Title: filepath.Base(sc), Session: want.Session})
			if err != nil {
				t.Fatal(err)
			}
			res, err := LoadResults(ctx, s, sv, "")
			if err != nil {
				t.Fatal(err)
			}
			stored, err := s.SurveyQuestions(ctx, sv.ID)
			if err != nil {
				t.Fatal(err)
			}
			if sv.Format != want.Format || sv.Respondents != want.Respondents || res.Survey.CountsOnly != want.CountsOnly {
				t.Errorf("%s format with %d respondents (counts only %v), want %s with %d (%v)", sv.Format, sv.Respondents, res.Survey.CountsOnly, want.Format, want.Respondents, want.CountsOnly)
			}
			if want.CountsOnly && !slices.ContainsFunc(rep.Plan.Notes, func(n string) bool { return strings.Contains(n, CountsOnlyNote) }) {
				t.Errorf("the preview's notes %q do not say %q", rep.Plan.Notes, CountsOnlyNote)
			}
			if len(res.Questions) != len(want.Questions) {
				t.Fatalf("%d questions, want %d: %v", len(res.Questions), len(want.Questions), prompts(res))
			}
			for i, wq := range want.Questions {
				compareQuestion(t, res.Questions[i], stored[i].Options, wq)
			}
			if got := rep.Plan.PartnerColumn(); got != want.Partner {
				t.Errorf("partner column %q, want %q", got, want.Partner)
			}
			if want.Format == "mentimeter" {
				if got := rep.Plan.Menti.ReactionsIn(want.Session); got != want.Reactions {
					t.Errorf("%d reactions counted, want %d", got, want.Reactions)
				}
				if len(rep.Mismatches) != want.Mismatches {
					t.Errorf("disagreements %+v, want %d", rep.Mismatches, want.Mismatches)
				}
			}
		})
	}
}

func compareQuestion(t *testing.T, got QuestionResult, storedOptions []string, want corpus.QFigures) {
	t.Helper()
	if got.Prompt != want.Prompt || got.Kind != want.Kind || got.Respondents != want.Answered {
		t.Errorf("question %d: %q %s answered by %d, want %q %s by %d", got.Position, got.Prompt, got.Kind, got.Respondents, want.Prompt, want.Kind, want.Answered)
	}
	if len(want.Options) > 0 {
		var labels []string
		for _, o := range want.Options {
			labels = append(labels, o.Label)
			if c := option(got, o.Label); c != o.Count {
				t.Errorf("%q: option %q counted %d, want %d", want.Prompt, o.Label, c, o.Count)
			}
		}
		if !want.Ordered {
			slices.Sort(labels)
			storedOptions = slices.Sorted(slices.Values(storedOptions))
		}
		if !slices.Equal(storedOptions, labels) { // every option, in the source's order, and no other
			t.Errorf("%q: options %q, want %q", want.Prompt, storedOptions, labels)
		}
	}
	if len(want.Audience) > 0 {
		var audience []corpus.AudFigures
		for _, a := range got.Audience {
			audience = append(audience, corpus.AudFigures{Text: a.Text, Upvotes: a.Upvotes, Answered: a.Answered})
		}
		if !slices.Equal(audience, want.Audience) {
			t.Errorf("audience %+v, want %+v", audience, want.Audience)
		}
	}
	compareCountsOnly(t, got, want)
	if want.Total > 0 && (len(got.Items) != 1 || got.Items[0].Total != want.Total) {
		t.Errorf("%q: scores %+v, want a total of %d", want.Prompt, got.Items, want.Total)
	}
}

func prompts(r Results) []string {
	var out []string
	for _, q := range r.Questions {
		out = append(out, q.Kind+" "+q.Prompt)
	}
	return out
}

// The preview tells the rule that decided each question: a free text with
// commas in a file whose checkboxes use ";" is one answer, and says why.
func TestPreviewSaysTheSeparatorRule(t *testing.T) {
	s, n := demoStore(t)
	plan, src, _, err := Preview(context.Background(), s, n.ID, "testdata/corpus/google-semicolon.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	src.Close()
	rules := map[string]string{}
	for _, q := range plan.Questions {
		rules[q.Prompt] = q.Rule
	}
	if r := rules["Which topics interest you?"]; !strings.HasPrefix(r, `multiple choice:`) || !strings.Contains(r, `";"`) {
		t.Errorf("checkbox rule %q", r)
	}
	if r := rules["What kind of support do you need?"]; !strings.Contains(r, `", " is no separator in this file`) {
		t.Errorf("free text rule %q", r)
	}
}

// Each session its own survey: three surveys from one file, in one
// transaction — cancelled after the first, none is stored.
func TestEachSessionItsOwnSurvey(t *testing.T) {
	s, n := demoStore(t)
	ctx := context.Background()
	path := "testdata/corpus/menti-sessions.xlsx"
	svs, _, err := ImportEachSession(ctx, s, n.ID, path, Options{Title: "Masterclass"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sv := range svs {
		got = append(got, sv.Title+" "+itoa(sv.Respondents))
	}
	if want := []string{"Masterclass — session 1 12", "Masterclass — session 2 12", "Masterclass — session 3 12"}; !slices.Equal(got, want) {
		t.Fatalf("surveys %q, want %q", got, want)
	}
	before, err := s.Surveys(ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	_, _, err = ImportEachSession(cctx, s, n.ID, path, Options{Title: "Cancelled", Progress: func(int, float64) { cancel() }})
	after, _ := s.Surveys(ctx, n.ID)
	if err == nil || len(after) != len(before) {
		t.Fatalf("a cancelled import gave %v and %d surveys, had %d", err, len(after), len(before))
	}
}

// A Session sheet's blocks name the session; without a Session row, the
// sheet's name does ("Session 2 (morning)" is session 2).
func TestSheetSession(t *testing.T) {
	for sheet, want := range map[string]string{"Session 1": "1", "Session 2 (morning)": "2", "session 3.0": "3", "Session": ""} {
		if got := sheetSession(sheet); got != want {
			t.Errorf("sheetSession(%q) = %q, want %q", sheet, got, want)
		}
	}
}

// The audience's questions are charted (screen, slides, PDF) by upvotes.
func TestAudienceChartRows(t *testing.T) {
	rows := ChartRows(QuestionResult{Kind: "qa", Audience: []AudienceResult{{"Who pays?", 11, true}, {"When?", 0, false}}})
	if len(rows) != 2 || rows[0].Figures.English() != "11 upvotes · answered" || rows[0].Share != 1 || rows[1].Share != 0 {
		t.Fatalf("rows %+v", rows)
	}
}

// A voter's answer the Session sheet does not list is a disagreement too.
func TestUnlistedAnswerIsADisagreement(t *testing.T) {
	s, n := demoStore(t)
	_, rep, err := Import(context.Background(), s, n.ID, writeFile(t, "menti.xlsx", mentiXLSX(t, true)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range rep.Mismatches {
		got = append(got, m.String())
	}
	want := []string{`session 1, "Which topics?", "Budget": 0 in the Session sheet, 1 voters (+1)`,
		`session 1, "Which topics?", "Trust": 0 in the Session sheet, 2 voters (+2)`, `session 1, "Which topics?", "Youth": 0 in the Session sheet, 2 voters (+2)`}
	if !slices.Equal(got, want) {
		t.Fatalf("disagreements %q, want %q", got, want)
	}
}

// compareCountsOnly compares what a file without its Voters sheet gives
// beside the options: a scale's distributions, a word cloud's words, a
// ranking's or 100 points' items, the open answers listed.
func compareCountsOnly(t *testing.T, got QuestionResult, want corpus.QFigures) {
	t.Helper()
	if len(want.Statements) > 0 {
		var stmts []corpus.StmtFigures
		for _, st := range got.Statements {
			stmts = append(stmts, corpus.StmtFigures{Label: st.Label, Values: st.Values})
		}
		if !reflect.DeepEqual(stmts, want.Statements) {
			t.Errorf("%q: statements %v, want %v", want.Prompt, stmts, want.Statements)
		}
	}
	if len(want.Words) > 0 {
		words := map[string]int{}
		for _, w := range got.Words {
			words[w.Word] = w.Count
		}
		for _, w := range want.Words {
			if words[w.Label] != w.Count {
				t.Errorf("%q: word %q counted %d, want %d (%v)", want.Prompt, w.Label, words[w.Label], w.Count, got.Words)
			}
		}
		if len(words) != len(want.Words) {
			t.Errorf("%q: words %v, want %v", want.Prompt, got.Words, want.Words)
		}
	}
	if len(want.Items) > 0 {
		items := map[string]corpus.ItemFigures{}
		for _, it := range got.Items {
			items[it.Label] = corpus.ItemFigures{Label: it.Label, Count: it.Count, Total: it.Total}
		}
		for _, it := range want.Items {
			if items[it.Label] != it {
				t.Errorf("%q: item %+v, want %+v", want.Prompt, items[it.Label], it)
			}
		}
	}
	if want.Listed > 0 && len(got.Answers)+got.MoreAnswers != want.Listed {
		t.Errorf("%q: %d answers listed and %d more, want %d", want.Prompt, len(got.Answers), got.MoreAnswers, want.Listed)
	}
}

// A 100-points item's bar is its share of all the points given: 42.6 of
// 100 points fills 42.6 % of the bar, not all of it for being the most.
func TestPointsChartRowsAreSharesOfThePoints(t *testing.T) {
	rows := ChartRows(QuestionResult{Kind: data.KindPoints, Items: []ItemResult{{Label: "Digital platform", Average: 42.6}, {Label: "Citizen panels", Average: 37.4}, {Label: "Staff training", Average: 20}}})
	for i, want := range []float64{0.426, 0.374, 0.2} {
		if d := rows[i].Share - want; d > 1e-9 || d < -1e-9 {
			t.Errorf("%s: share %.3f, want %.3f", rows[i].Label, rows[i].Share, want)
		}
	}
}
