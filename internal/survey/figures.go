package survey

import (
	"fmt"
	"strconv"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

// Figures are the numbers written beside a result's bar — on the screens,
// the slides and the reports — without their words, so each face says
// them in its language: the app through its translations
// (slidesheet.Figures), the exports in English (English).
type Figures struct {
	Kind FiguresKind
	// Count is how many chose an option, answered a statement, ranked or
	// gave points to an item; a Q&A question's upvotes; a word's count.
	Count    int
	Percent  float64 // a choice's share of the question's respondents
	Mean     float64 // a scale statement's
	Median   float64
	Average  float64 // a ranked item's average place, a 100-points item's average points
	Answered bool    // a question from the audience the presenter answered
}

// FiguresKind says which numbers Figures hold, and so their words.
type FiguresKind int

const (
	ChoiceFigures  FiguresKind = iota // Count · Percent %
	ScaleFigures                      // mean, median and answers
	RankingFigures                    // average place, ranked by
	PointsFigures                     // average points and answers
	UpvoteFigures                     // upvotes, answered or not
	WordFigures                       // Count
)

// Figures are a statement's statistics.
func (st StatementResult) Figures() Figures {
	return Figures{Kind: ScaleFigures, Count: st.Count, Mean: st.Mean, Median: st.Median}
}

// Figures are an item's result: a ranked item's average place, a
// 100-points item's average allocation.
func (it ItemResult) Figures(kind string) Figures {
	if kind == data.KindRanking {
		return Figures{Kind: RankingFigures, Count: it.Count, Average: it.Average}
	}
	return Figures{Kind: PointsFigures, Count: it.Count, Average: it.Average}
}

// MeanText is the mean as every face writes it, whatever the words
// around it (so are MedianText, PercentText and AverageText): "3.38".
func (f Figures) MeanText() string { return fmt.Sprintf("%.2f", f.Mean) }

// MedianText is the median: "4", "4.5".
func (f Figures) MedianText() string { return fmt.Sprintf("%g", f.Median) }

// PercentText is a choice's share: "40.0 %".
func (f Figures) PercentText() string { return fmt.Sprintf("%.1f %%", f.Percent) }

// AverageText is a ranked item's average place (two decimals) or a
// 100-points item's average points (one).
func (f Figures) AverageText() string {
	if f.Kind == RankingFigures {
		return fmt.Sprintf("%.2f", f.Average)
	}
	return fmt.Sprintf("%.1f", f.Average)
}

// English says the figures as the exports (PDF, PNG, the command line)
// write them: "mean 3.38 · median 4 · 26 answers", "average place 1.50 ·
// ranked by 4", "12.5 points on average · 3 answers", "1 upvote ·
// answered", "4 · 40.0 %".
func (f Figures) English() string {
	switch f.Kind {
	case ScaleFigures:
		return "mean " + f.MeanText() + " · median " + f.MedianText() + " · " + text.Count(f.Count, "answer", "answers")
	case RankingFigures:
		return "average place " + f.AverageText() + " · ranked by " + strconv.Itoa(f.Count)
	case PointsFigures:
		return f.AverageText() + " points on average · " + text.Count(f.Count, "answer", "answers")
	case UpvoteFigures:
		if f.Answered {
			return text.Count(f.Count, "upvote", "upvotes") + " · answered"
		}
		return text.Count(f.Count, "upvote", "upvotes")
	case ChoiceFigures:
		return strconv.Itoa(f.Count) + " · " + f.PercentText()
	}
	return strconv.Itoa(f.Count)
}
