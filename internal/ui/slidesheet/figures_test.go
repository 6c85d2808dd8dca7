package slidesheet

import (
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest" // the app's translations, and German
)

// In English the screens and slides say a result's figures as the exports
// do, a count of one in the singular.
func TestFiguresInEnglishAreTheExports(t *testing.T) {
	for want, f := range map[string]survey.Figures{
		"mean 5.00 · median 5 · 1 answer":    {Kind: survey.ScaleFigures, Count: 1, Mean: 5, Median: 5},
		"mean 3.86 · median 4 · 7 answers":   {Kind: survey.ScaleFigures, Count: 7, Mean: 3.857, Median: 4},
		"mean 4.50 · median 4.5 · 2 answers": {Kind: survey.ScaleFigures, Count: 2, Mean: 4.5, Median: 4.5},
		"average place 1.50 · ranked by 4":   {Kind: survey.RankingFigures, Count: 4, Average: 1.5},
		"average place 2.00 · ranked by 1":   {Kind: survey.RankingFigures, Count: 1, Average: 2},
		"12.5 points on average · 3 answers": {Kind: survey.PointsFigures, Count: 3, Average: 12.5},
		"40.0 points on average · 1 answer":  {Kind: survey.PointsFigures, Count: 1, Average: 40},
		"0.0 points on average · 0 answers":  {Kind: survey.PointsFigures},
		"11 upvotes · answered":              {Kind: survey.UpvoteFigures, Count: 11, Answered: true},
		"0 upvotes":                          {Kind: survey.UpvoteFigures},
		"1 upvote":                           {Kind: survey.UpvoteFigures, Count: 1},
		"1 upvote · answered":                {Kind: survey.UpvoteFigures, Count: 1, Answered: true},
		"4 · 40.0 %":                         {Kind: survey.ChoiceFigures, Count: 4, Percent: 40},
		"17":                                 {Kind: survey.WordFigures, Count: 17},
	} {
		if got := Figures(f); got != want {
			t.Errorf("%+v on screen: %q, want %q", f, got, want)
		}
		if got := f.English(); got != want {
			t.Errorf("%+v in the exports: %q, want %q", f, got, want)
		}
	}
}

// The words go through the app's translations, their plural forms too;
// the exports stay English.
func TestFiguresSpeakTheAppsLanguage(t *testing.T) {
	uitest.SpeakGerman(t, map[string]map[string]string{
		"mean {{.Mean}} · median {{.Median}} · {{.Count}} answers": {
			"one":   "Mittelwert {{.Mean}} · Median {{.Median}} · {{.Count}} Antwort",
			"other": "Mittelwert {{.Mean}} · Median {{.Median}} · {{.Count}} Antworten",
		},
		"{{.Count}} upvotes · answered": {"one": "{{.Count}} Stimme · beantwortet", "other": "{{.Count}} Stimmen · beantwortet"},
	})
	one := survey.StatementResult{Count: 1, Mean: 5, Median: 5}
	three := survey.StatementResult{Count: 3, Mean: 3.857, Median: 4}
	for _, c := range []struct{ got, want string }{
		{ScaleFigures(one), "Mittelwert 5.00 · Median 5 · 1 Antwort"},
		{ScaleFigures(three), "Mittelwert 3.86 · Median 4 · 3 Antworten"},
		{Figures(survey.Figures{Kind: survey.UpvoteFigures, Count: 1, Answered: true}), "1 Stimme · beantwortet"},
		{Figures(survey.Figures{Kind: survey.UpvoteFigures, Count: 2, Answered: true}), "2 Stimmen · beantwortet"},
		{three.Figures().English(), "mean 3.86 · median 4 · 3 answers"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}
