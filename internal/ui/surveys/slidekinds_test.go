package surveys

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// kindsResults has an open question, a scale and a word cloud, as the
// survey presenter and the deck show them (issue 15).
func kindsResults() survey.Results {
	return survey.Results{Survey: survey.SurveyInfo{Title: "Academy"}, Questions: []survey.QuestionResult{
		{Position: 1, Kind: data.KindOpenEnded, Prompt: "What will you try at home?", Respondents: 2,
			Answers: []string{"Thirty young people on the advisory board every spring", "A forty-minute walk with the mayor"},
			Words:   []survey.WordResult{{Word: "30", Count: 2}, {Word: "forty", Count: 1}, {Word: "every", Count: 1}}},
		{Position: 2, Kind: data.KindScales, Prompt: "How useful was it?", Respondents: 3,
			Statements: []survey.StatementResult{{Label: "The site visit", Count: 3, Mean: 4, Median: 4, Values: map[string]int{"1": 0, "2": 0, "3": 1, "4": 1, "5": 1}}}},
		{Position: 3, Kind: data.KindWordCloud, Prompt: "One word for Genk", Respondents: 3,
			Words: []survey.WordResult{{Word: "green", Count: 3}, {Word: "open", Count: 1}}},
	}}
}

// slideTexts are a slide's texts in drawing order.
func slideTexts(o fyne.CanvasObject) []string {
	var out []string
	uitest.Walk(o, func(o fyne.CanvasObject) bool {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t.Text)
		}
		return true
	})
	return out
}

// Open answers are cards of their whole text, scales distributions with a
// legend and the mean, word clouds words without counts — the live
// presenter's drawing, not bars of words or means.
func TestSurveySlidesShowAnswersDistributionsAndClouds(t *testing.T) {
	res := kindsResults()
	pages := questionPages(res)
	slide := func(q int) string {
		for _, p := range pages {
			if p.question == q {
				return strings.Join(slideTexts(questionSlide(res, p, widgets.SlideSize)), " ")
			}
		}
		t.Fatalf("no slide of question %d", q)
		return ""
	}
	open := slide(0)
	for _, a := range res.Questions[0].Answers {
		if !strings.Contains(open, a) {
			t.Errorf("the open question's slide lacks the answer %q: %s", a, open)
		}
	}
	if strings.Contains(open, " forty ") {
		t.Errorf("the open question's slide shows its words as bars: %s", open)
	}
	if scale := slide(1); !strings.Contains(scale, "Answers:") || !strings.Contains(scale, "mean") || strings.Contains(scale, "mean 4.00 · median 4 · 3 answers") == false {
		t.Errorf("the scale's slide is not a distribution with its legend and figures: %s", scale)
	}
	if cloud := slide(2); !strings.Contains(cloud, "green") || strings.Contains(cloud, "green 3") {
		t.Errorf("the word cloud's slide is bars of counts, not a cloud: %s", cloud)
	}
}

// The same answer given by several is one card saying how many gave it
// (a reviewer saw one sentence on four cards of the deck).
func TestOneAnswerGivenBySeveralIsOneCard(t *testing.T) {
	res := kindsResults()
	res.Questions[0].Answers = []string{"Clear rules for how NGOs join the decisions", "A walk with the mayor",
		"clear rules for how NGOs  join the decisions", "Clear rules for how NGOs join the decisions"}
	var slide string
	for _, p := range questionPages(res) {
		if p.question == 0 {
			slide += strings.Join(slideTexts(questionSlide(res, p, widgets.SlideSize)), " ")
		}
	}
	if n := strings.Count(strings.ToLower(slide), "clear rules for how ngos"); n != 1 {
		t.Fatalf("the answer given three times is on %d cards: %s", n, slide)
	}
	if !strings.Contains(slide, "the same answer 3 times") || !strings.Contains(slide, "A walk with the mayor") {
		t.Fatalf("the slide does not say how many gave it, or lost the other answer: %s", slide)
	}
}
