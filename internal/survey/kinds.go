package survey

import (
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// KindLabels name the question kinds as people read them — a label, with
// a capital — in the order the question editor offers them.
var KindLabels = []struct{ Label, Kind string }{
	{"Single choice", data.KindSingleChoice}, {"Multiple choice", data.KindMultipleChoice}, {"Scales", data.KindScales},
	{"Word cloud", data.KindWordCloud}, {"Open text", data.KindOpenEnded}, {"Ranking", data.KindRanking},
	{"100 points", data.KindPoints}, {"Q&A", data.KindQA},
}

// KindLabel is how a question's kind is named on a slide, a report or a
// screen: "Multiple choice", "Q&A" (KindLabels); a kind it does not know,
// its name with spaces and a capital.
func KindLabel(kind string) string {
	for _, k := range KindLabels {
		if k.Kind == kind {
			return k.Label
		}
	}
	s := strings.ReplaceAll(kind, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
