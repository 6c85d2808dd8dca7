package slidesheet

import (
	"fyne.io/fyne/v2/lang"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// Figures says a result's figures in the app's language, on the screens
// and the slides ("mean 3.86 · median 4 · 7 answers" in English, as the
// exports write them: survey.Figures.English); figures without words (a
// choice's count and share, a word's count) are the exports' too.
func Figures(f survey.Figures) string {
	n := map[string]any{"Count": f.Count, "Mean": f.MeanText(), "Median": f.MedianText(), "Average": f.AverageText()}
	switch f.Kind {
	case survey.ScaleFigures:
		return lang.N("mean {{.Mean}} · median {{.Median}} · {{.Count}} answers", f.Count, n)
	case survey.RankingFigures:
		return lang.N("average place {{.Average}} · ranked by {{.Count}}", f.Count, n)
	case survey.PointsFigures:
		return lang.N("{{.Average}} points on average · {{.Count}} answers", f.Count, n)
	case survey.UpvoteFigures:
		if f.Answered {
			return lang.N("{{.Count}} upvotes · answered", f.Count, n)
		}
		return lang.N("{{.Count}} upvotes", f.Count, n)
	}
	return f.English()
}
