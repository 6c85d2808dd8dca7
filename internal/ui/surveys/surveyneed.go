package surveys

import (
	"fmt"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/needs"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// needSource is what a learning need is made from: a whole question, or
// some of its answers.
type needSource struct {
	q           survey.QuestionResult
	text        string
	partnerID   string
	respondents []int
}

// askLearningNeed turns survey answers into a learning need for a partner
// and sub-theme, optionally marking the knowledge need in the matrix.
func (r *surveyResults) askLearningNeed(src needSource) {
	partnerID := src.partnerID
	if partnerID == "" {
		partnerID = r.partnerID()
	}
	needs.Ask(r.sh, needs.Preset{
		Title: "New learning need — from " + widgets.Truncate(src.q.Prompt, 50), PartnerID: partnerID, Text: src.text,
		Need: data.LearningNeed{Source: data.NeedSurvey, SurveyID: r.sv.ID, QuestionID: src.q.ID, Respondents: joinInts(src.respondents)},
	}, nil)
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprint(n)
	}
	return strings.Join(parts, ",")
}
