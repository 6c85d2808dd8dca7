package survey

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// figureLines writes each question as "prompt [kind] answered: label count, …"
// with its options in the order the results give them.
func figureLines(r Results) []string {
	var out []string
	for _, q := range r.Questions {
		var opts []string
		for _, o := range q.Options {
			opts = append(opts, fmt.Sprintf("%s %d", o.Label, o.Count))
		}
		out = append(out, fmt.Sprintf("%s [%s] %d: %s", q.Prompt, q.Kind, q.Respondents, strings.Join(opts, ", ")))
	}
	return out
}

// Files a reviewer built by hand from the formats' edges (testdata/review):
// the figures the source tool shows, every question, every option, in the
// source's order.
func TestReviewedExports(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string
	}{
		// A content slide with the title of the choice slide after it; a
		// single choice and a multiple choice of the same title side by
		// side; a text option "1.50".
		{"menti-edge.xlsx", []string{
			"Where do you come from? [single_choice] 3: North 2, South 1, Nowhere 0",
			"Pick one [single_choice] 3: Red 2, Blue 1",
			"Pick one [multiple_choice] 3: Cats 2, Dogs 2, Fish 0",
			"Hours per week [single_choice] 3: 1.50 1, 2 2, 0.5 0",
		}},
		// A slide nobody answered that has no Voters column.
		{"menti-unanswered.xlsx", []string{
			"Coffee or tea? [single_choice] 2: Coffee 2, Tea 0",
			"Skipped slide [single_choice] 0: Yes 0, No 0",
			"Nobody answered [single_choice] 0: A 0, B 0",
		}},
		// SurveyMonkey lists every option in its second header row, those
		// nobody ticked too; a respondent who only wrote an "Other" answered.
		{"surveymonkey.csv", monkeyFigures},
		{"surveymonkey.xlsx", monkeyFigures},
	} {
		t.Run(tc.file, func(t *testing.T) {
			s, n := demoStore(t)
			ctx := context.Background()
			sv, _, err := Import(ctx, s, n.ID, "testdata/review/"+tc.file, Options{Title: tc.file})
			if err != nil {
				t.Fatal(err)
			}
			res, err := LoadResults(ctx, s, sv, "")
			if err != nil {
				t.Fatal(err)
			}
			if got := figureLines(res); !slices.Equal(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

var monkeyFigures = []string{
	"Which topics interest you? (select all that apply) [multiple_choice] 26: Co-creation 11, Facilitation 11, Open data 12, Youth work 13, Budgeting 0, Other (please specify) 13",
	"Which topics interest you? (select all that apply) — other [open_ended] 13: ",
	// a single "Response" column names no options: they come in the order first answered
	"How useful was CNM 3? [single_choice] 30: Useful 11, Not useful 13, Very useful 6",
	"Any other comments? [open_ended] 16: ",
}

// The preview's choices keep a slide nobody answered at its place, and
// applying them (as the GUI does) keeps it and SurveyMonkey's "Other".
func TestChoicesKeepColumnlessQuestions(t *testing.T) {
	for file, want := range map[string]string{"menti-unanswered.xlsx": "Coffee or tea?|Skipped slide|Nobody answered",
		"surveymonkey.csv": monkeyFigures[0]} {
		s, n := demoStore(t)
		ctx := context.Background()
		plan, src, head, err := Preview(ctx, s, n.ID, "testdata/review/"+file, Options{})
		if err != nil {
			t.Fatal(err)
		}
		src.Close()
		applied, err := plan.Apply(plan.Choices(), head)
		if err != nil {
			t.Fatal(err)
		}
		sv, _, err := Import(ctx, s, n.ID, "testdata/review/"+file, Options{Title: file, Plan: &applied})
		if err != nil {
			t.Fatal(err)
		}
		res, err := LoadResults(ctx, s, sv, "")
		if err != nil {
			t.Fatal(err)
		}
		var prompts []string
		for _, q := range res.Questions {
			prompts = append(prompts, q.Prompt)
		}
		if got := strings.Join(prompts, "|"); strings.Contains(want, "|") && got != want {
			t.Errorf("%s: questions %s, want %s", file, got, want)
		}
		if !strings.Contains(want, "|") && figureLines(res)[0] != want {
			t.Errorf("%s: %s, want %s", file, figureLines(res)[0], want)
		}
	}
}

// A hidden first sheet (a lookup list) is not read as the answers; a
// sheet can be asked for by name, and a missing one is refused naming those there are.
func TestHiddenSheetIsNotTheAnswers(t *testing.T) {
	s, n := demoStore(t)
	ctx := context.Background()
	plan, src, sample, err := Preview(ctx, s, n.ID, "testdata/review/hidden.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	src.Close()
	if !strings.HasSuffix(sample.Reading, "Form responses 1") || plan.Format != "google" {
		t.Fatalf("read %s as %s", sample.Reading, plan.Format)
	}
	_, src, sample, err = Preview(ctx, s, n.ID, "testdata/review/hidden.xlsx", Options{Sheet: "lookup"})
	if err != nil {
		t.Fatal(err)
	}
	src.Close()
	if !strings.HasSuffix(sample.Reading, "Lookup") {
		t.Fatalf("asked for Lookup, read %s", sample.Reading)
	}
	if _, _, _, err := Preview(ctx, s, n.ID, "testdata/review/hidden.xlsx", Options{Sheet: "Answers"}); err == nil || !strings.Contains(err.Error(), "Lookup, Form responses 1") {
		t.Fatalf("a missing sheet: %v", err)
	}
}

// A Mentimeter slide answered with the network's cities is the
// respondents' partner, as a column of any other format is; a heading
// named by the user (--partner-column) is taken instead of the guess.
func TestMentimeterCitySlideIsThePartner(t *testing.T) {
	s, n := demoStore(t)
	ctx := context.Background()
	file := "testdata/review/menti-real.xlsx"
	sv, rep, err := Import(ctx, s, n.ID, file, Options{Title: "real"})
	if err != nil {
		t.Fatal(err)
	}
	if got := rep.Plan.PartnerColumn(); got != "Which city do you represent?:" {
		t.Fatalf("partner column %q", got)
	}
	res, err := LoadResults(ctx, s, sv, "")
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	if res.RespondentsByPartner == nil {
		t.Fatal("no respondents_by_partner")
	}
	for _, p := range res.RespondentsByPartner.Partners {
		counts[p.Name] = p.Count
	}
	if counts["Genk"] != 6 || counts["Gdańsk"] != 12 || res.RespondentsByPartner.Unmatched != 40-6-12-5-5 {
		t.Errorf("by partner %+v", res.RespondentsByPartner)
	}
	plan, src, _, err := Preview(ctx, s, n.ID, file, Options{PartnerColumn: "How old are you?"})
	if err != nil {
		t.Fatal(err)
	}
	src.Close()
	if got := plan.PartnerColumn(); got != "How old are you?:" {
		t.Errorf("asked for the age column, partner is %q", got)
	}
	if _, _, _, err := Preview(ctx, s, n.ID, file, Options{PartnerColumn: "Town"}); err == nil || !strings.Contains(err.Error(), `no column headed "Town"`) {
		t.Errorf("a heading the file lacks: %v", err)
	}
}

// A file with more questions than a survey has is refused, naming the
// limit and the file, in the preview and the import.
func TestTooManyQuestionsRefused(t *testing.T) {
	s, n := demoStore(t)
	var b strings.Builder
	for i := range MaxQuestions + 1 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "Q%d", i)
	}
	b.WriteString("\n" + strings.Repeat("x,", MaxQuestions) + "x\n")
	path := writeFile(t, "wide.csv", []byte(b.String()))
	want := "wide.csv, line 1: has 1001 questions; a survey may have at most 1000"
	if _, _, _, err := Preview(context.Background(), s, n.ID, path, Options{}); err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("preview: %v", err)
	}
	if _, _, err := Import(context.Background(), s, n.ID, path, Options{}); err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("import: %v", err)
	}
}

// Open text with a different word in every answer holds at most
// maxWordEntries words; the frequent words keep their exact counts.
func TestTallyBoundsTheWordsHeld(t *testing.T) {
	tl := newTally()
	for i := range 3 * maxWordEntries {
		tl.word(0, everybody, fmt.Sprintf("w%d", i))
		tl.word(0, everybody, "walkshop")
	}
	held := 0
	for _, m := range tl.words {
		held += len(m)
	}
	if held > maxWordEntries || held != tl.entries {
		t.Fatalf("%d words held (%d counted), at most %d wanted", held, tl.entries, maxWordEntries)
	}
	if n := tl.words[[2]int32{0, everybody}]["walkshop"]; n != 3*maxWordEntries {
		t.Fatalf("the frequent word counted %d, want %d", n, 3*maxWordEntries)
	}
}

// A header on two rows with merged cells is one header: its second row is
// no respondent, and the merged heading's columns are one grid question.
// A column of answers under no heading is refused, naming it.
func TestMergedTwoRowHeader(t *testing.T) {
	s, n := demoStore(t)
	ctx := context.Background()
	sv, _, err := Import(ctx, s, n.ID, "testdata/review/merged.xlsx", Options{Title: "merged"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := LoadResults(ctx, s, sv, "")
	if err != nil {
		t.Fatal(err)
	}
	if sv.Respondents != 2 || len(res.Questions) != 2 || res.Questions[0].Prompt != "Rate the sessions" || len(res.Questions[0].Statements) != 2 ||
		res.Questions[0].Statements[1].Label != "Afternoon" || res.Questions[0].Statements[1].Mean != 3.5 {
		t.Fatalf("%d respondents, questions %+v", sv.Respondents, res.Questions)
	}
	path := writeFile(t, "blank.csv", []byte("Timestamp,Need,\n1,Trust,more\n2,Youth,less\n"))
	if _, _, err := Import(ctx, s, n.ID, path, Options{}); err == nil || !strings.Contains(err.Error(), "column C holds answers but has no heading") {
		t.Fatalf("a column without heading: %v", err)
	}
}

// The respondents per partner are headed "Partner" in the reports' tables.
func TestPartnerTableHeadedPartner(t *testing.T) {
	block := PartnerBlock{Partners: []PartnerCount{{Name: "Genk", Count: 2, Percent: 100}}}
	if h := resultsTable(block.AsQuestion(2)).Header; h[0] != "Partner" {
		t.Fatalf("partner table headed %q", h)
	}
	if h := resultsTable(QuestionResult{Position: 1, Options: []OptionResult{{Label: "Yes"}}}).Header; h[0] != "Answer" {
		t.Fatalf("a question's table headed %q", h)
	}
}
