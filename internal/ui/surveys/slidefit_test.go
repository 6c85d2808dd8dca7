package surveys

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit/slidetest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// stressCSV has a choice of 24 options of 80 characters each (issue 15).
func stressCSV() string {
	var b strings.Builder
	b.WriteString("Timestamp,Your city,Which of these approaches would your city like to test in its Integrated Action Plan during the next two years?\n")
	for i := range 48 {
		fmt.Fprintf(&b, "%d,Genk,%s\n", i+1, slidetest.Words(fmt.Sprintf("Option %02d:", i%24+1), 80))
	}
	return b.String()
}

// loadResults imports a CSV through the wizard, its first open question
// taken as a single choice, and loads the results.
func loadResults(t *testing.T, sh *shell.Shell, name, csv string) survey.Results {
	t.Helper()
	v := uitest.Open[*surveysView](t, sh, "surveys")
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan data.Survey, 1)
	v.imported = func(sv data.Survey) { done <- sv }
	v.importPath(path)
	if sel, ok := uitest.Find(uitest.TopOverlay(sh), func(s *widget.Select) bool { return s.Selected == "Open text" }); ok {
		sel.SetSelected("Single choice")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Import"))
	var sv data.Survey
	select {
	case sv = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not finish")
	}
	res, err := survey.LoadResults(context.Background(), sh.Store(), sv, "")
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Every survey results slide reads whole at the three sizes.
func TestSurveySlidesReadWhole(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	sets := map[string]survey.Results{"demo": loadResults(t, sh, "academy.csv", academyCSV), "stress": loadResults(t, sh, "stress.csv", stressCSV())}
	for name, res := range sets {
		slidetest.CheckPages(t, "survey-results-"+name, questionPages(res), func(qp questionPage, size fyne.Size) fyne.CanvasObject {
			return questionSlide(res, qp, size)
		})
	}
}

// roomAnswers are the ten open answers of a room of ten cities (issue 15
// review), newest first: at 1366×768 the oldest was on no slide.
var roomAnswers = []string{
	"Gdańsk może pokazać, jak Rada Mieszkańców współpracuje z urzędnikami przy budżecie obywatelskim — krok po kroku.",
	"Onze wijkraden werken met een eigen budget; leer van hoe we bewoners zelf laten kiezen welke projecten doorgaan.",
	"A two-page rule for every proposal so that residents can read it in ten minutes.",
	"Duo jobs between urban development and neighbourhood managers, so that plans and people meet early.",
	"Nothing yet, we are still learning ourselves.",
	"Participatory budgeting in neighbourhoods with low turnout — what worked and what did not.",
	"The 22: a fixed team of officials who answer residents within 22 days, with a public dashboard.",
	"Genk's youth council has a real budget — ask them how they decide.",
	"How we train civil servants as facilitators before they meet residents.",
	"Our Citizens' Assembly shows how a random sample of residents can advise the council on a hard budget question.",
}

// Every open answer is on some slide of the presenter (and so of the deck,
// drawn by the same slides) at every size: none is dropped between the
// pages decided at one size and drawn at another.
func TestSurveySlidesShowEveryAnswer(t *testing.T) {
	uitest.NewShell(t, true, Area())
	for _, n := range []int{len(roomAnswers), 3 * len(roomAnswers)} {
		var answers []string
		for i := range n {
			answers = append(answers, roomAnswers[i%len(roomAnswers)]+strings.Repeat(" again", i/len(roomAnswers)))
		}
		res := survey.Results{Survey: survey.SurveyInfo{Title: "survey-template", Respondents: n}, Questions: []survey.QuestionResult{
			{Position: 1, Kind: data.KindOpenEnded, Prompt: "What should partners learn from your city?", Respondents: n, Answers: answers}}}
		slidetest.CheckWhole(t, fmt.Sprintf("survey-answers-%d", n), answers, func(size fyne.Size) []fyne.CanvasObject {
			var out []fyne.CanvasObject
			for _, qp := range questionPages(res) {
				out = append(out, questionSlide(res, qp, size))
			}
			return out
		})
	}
}

// manyStatements is a scale question of n statements of 80 characters,
// each answered by three people.
func manyStatements(n int) survey.Results {
	q := survey.QuestionResult{Position: 1, Kind: data.KindScales, Prompt: "How far do you agree with each of these statements about the transnational meeting?", Respondents: 3}
	for i := range n {
		q.Statements = append(q.Statements, survey.StatementResult{Label: slidetest.Words(fmt.Sprintf("Statement %02d:", i+1), 80),
			Count: 3, Mean: 4, Median: 4, Values: map[string]int{"1": 0, "2": 0, "3": 1, "4": 1, "5": 1}})
	}
	return survey.Results{Survey: survey.SurveyInfo{Title: "Stress scales"}, Questions: []survey.QuestionResult{q}}
}

// A scale with many statements goes on over as many slides as it needs,
// and every statement is on one of them, whole, at the three sizes: the
// presenter and the exported slides drew its first page only (issue 15).
func TestSurveyScaleSlidesShowEveryStatement(t *testing.T) {
	res := manyStatements(30)
	pages := questionPages(res)
	if len(pages) < 2 {
		t.Fatalf("30 statements of 80 characters on %d slide", len(pages))
	}
	var want []string
	for _, st := range res.Questions[0].Statements {
		want = append(want, st.Label)
	}
	slidetest.CheckWhole(t, "survey-scales-stress", want, func(size fyne.Size) []fyne.CanvasObject {
		var out []fyne.CanvasObject
		for _, qp := range pages {
			out = append(out, questionSlide(res, qp, size))
		}
		return out
	})
	if n := len(RenderQuestionSlides(res, 0)); n != len(pages) {
		t.Errorf("the exported question has %d slides, the presenter %d", n, len(pages))
	}
}

// The slide names a question's kind as a label — "Multiple choice",
// "Q&A", "100 points" — not as the stored name in lower case.
func TestSurveySlidesNameTheKindAsALabel(t *testing.T) {
	test.NewTempApp(t)
	res := survey.Results{Survey: survey.SurveyInfo{Title: "Online Academy 4", Respondents: 3}}
	for i, kind := range []string{data.KindMultipleChoice, data.KindQA, data.KindPoints, data.KindOpenEnded} {
		res.Questions = append(res.Questions, survey.QuestionResult{Position: i + 1, Kind: kind, Prompt: "Which formats help you most?", Respondents: 3,
			Options: []survey.OptionResult{{Label: "Study visits", Count: 2, Percent: 66.7}}})
	}
	for i, want := range []string{"Multiple choice · 3 answered", "Q&A · 3 answered", "100 points · 3 answered", "Open text · 3 answered"} {
		if texts := slidefit.Texts(questionSlide(res, questionPage{question: i, pages: 1}, widgets.SlideSize)); !slices.Contains(texts, want) {
			t.Errorf("question %d: the slide says %q, want %q", i+1, texts, want)
		}
	}
	slidetest.CheckPages(t, "survey-kind-labels", questionPages(res), func(qp questionPage, size fyne.Size) fyne.CanvasObject {
		return questionSlide(res, qp, size)
	})
}

// A ranking's bar is no share of anything: the slide says how to read it.
func TestRankingSlideSaysHowToReadItsBars(t *testing.T) {
	test.NewTempApp(t)
	res := survey.Results{Survey: survey.SurveyInfo{Title: "Online Academy 4", Respondents: 3}, Questions: []survey.QuestionResult{{Position: 1,
		Kind: data.KindRanking, Prompt: "Rank the sub-themes", Respondents: 3, Items: []survey.ItemResult{{Label: "Cooperation with NGOs", Average: 1.2, Count: 3}, {Label: "Participatory budget", Average: 1.8, Count: 3}}}}}
	want := "Ranking · 3 answered · the longer the bar, the higher it was ranked"
	if texts := slidefit.Texts(questionSlide(res, questionPage{question: 0, pages: 1}, widgets.SlideSize)); !slices.Contains(texts, want) {
		t.Errorf("the ranking slide says %q, want %q", texts, want)
	}
}
