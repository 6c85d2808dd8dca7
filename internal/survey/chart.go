package survey

import (
	"fmt"
	"strconv"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// ChartRow is one bar of a question's chart: what it is, the figures
// written beside it and its length as a share (0–1) of the longest possible.
type ChartRow struct {
	Label   string
	Figures Figures
	Share   float64
}

// ChartRows are the bars that show a question's results, the same on
// screen, on slides and in the PDF report: choices by percentage, scale
// statements by mean, ranking items by average place (first on top),
// 100-points items by their share of the points given (a full bar for the
// item given most read as "everyone"), the audience's questions by
// upvotes, and words by count.
func ChartRows(q QuestionResult) []ChartRow {
	var rows []ChartRow
	switch {
	case len(q.Options) > 0:
		for _, o := range q.Options {
			rows = append(rows, ChartRow{o.Label, Figures{Kind: ChoiceFigures, Count: o.Count, Percent: o.Percent}, o.Percent / 100})
		}
	case len(q.Statements) > 0:
		for _, st := range q.Statements {
			top := 0
			for k := range st.Values {
				v, _ := strconv.Atoi(k)
				top = max(top, v)
			}
			rows = append(rows, ChartRow{st.Label, st.Figures(), st.Mean / float64(max(top, 1))})
		}
	case len(q.Items) > 0 && q.Kind == data.KindRanking:
		n := float64(len(q.Items))
		for i, it := range q.Items {
			share := 0.0
			if it.Count > 0 {
				share = (n + 1 - it.Average) / n
			}
			rows = append(rows, ChartRow{fmt.Sprintf("%d. %s", i+1, it.Label), it.Figures(q.Kind), share})
		}
	case len(q.Items) > 0: // 100 points: each item's share of all the points given
		given := 0.0
		for _, it := range q.Items {
			given += it.Average
		}
		for _, it := range q.Items {
			rows = append(rows, ChartRow{it.Label, it.Figures(q.Kind), it.Average / max(given, 1)})
		}
	case len(q.Audience) > 0: // the audience's questions, most upvoted first
		most := 1
		for _, a := range q.Audience {
			most = max(most, a.Upvotes)
		}
		for _, a := range q.Audience {
			figures := Figures{Kind: UpvoteFigures, Count: a.Upvotes, Answered: a.Answered}
			rows = append(rows, ChartRow{a.Text, figures, float64(a.Upvotes) / float64(most)})
		}
	case len(q.Words) > 0:
		for _, w := range q.Words {
			rows = append(rows, ChartRow{w.Word, Figures{Kind: WordFigures, Count: w.Count}, float64(w.Count) / float64(q.Words[0].Count)})
		}
	}
	return rows
}
