package survey

import (
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

func TestGuessSubTheme(t *testing.T) {
	themes := []data.Theme{{SubThemes: []data.SubTheme{
		{ID: "budget", Title: "Participatory budget"},
		{ID: "youth", Title: "Involving young people"},
		{ID: "ngo", Title: "Cooperation with NGOs"},
	}}}
	cases := map[string]string{
		"How do we run a participatory budgeting round?": "budget",
		"More ways of involving YOUNG people":            "youth",
		"Cooperating with the ngos of our city":          "ngo",
		"Nothing in common here":                         "",
	}
	for text, want := range cases {
		if got := GuessSubTheme(text, themes); got != want {
			t.Errorf("GuessSubTheme(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestNeedText(t *testing.T) {
	choice := QuestionResult{Prompt: "Which theme next?", Respondents: 9, Options: []OptionResult{{Label: "Budgets", Count: 6}, {Label: "Youth", Count: 3}}}
	if got := NeedText(choice); got != "Which theme next: Budgets (6 of 9)" {
		t.Errorf("choice: %q", got)
	}
	scales := QuestionResult{Prompt: "How confident are you…", Statements: []StatementResult{{Label: "a", Count: 3, Mean: 4}, {Label: "b", Count: 3, Mean: 2.5}, {Label: "c"}}}
	if got := NeedText(scales); got != "How confident are you: b (mean 2.5)" {
		t.Errorf("scales: %q", got)
	}
	words := QuestionResult{Prompt: "Three words", Words: []WordResult{{"trust", 4}, {"youth", 3}, {"budget", 2}, {"x", 1}}}
	if got := NeedText(words); got != "Three words: trust, youth, budget" {
		t.Errorf("words: %q", got)
	}
	if got := NeedText(QuestionResult{Prompt: "Empty?"}); got != "Empty?" {
		t.Errorf("empty: %q", got)
	}
}
