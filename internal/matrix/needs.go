package matrix

import (
	"sort"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// NeedsTarget is how many learning needs each partner formulates (the
// AoCE roadmap asks six per partner).
const NeedsTarget = 6

// RankedNeeds are the learning needs on one sub-theme, for preparing a
// meeting: how many partners need it, how urgently, and who can help —
// the partners with a good practice there, and practices from outside.
type RankedNeeds struct {
	Row      Row
	Needs    []data.LearningNeed
	Partners int // partners with a need here
	Score    int // urgency: 3 for each high-priority need, 2 medium, 1 low
	Helpers  []data.Partner
	Outside  []data.GoodPractice
}

// RankNeeds groups needs by sub-theme, most urgent first (score, then
// partners, then the matrix's order); needs without a sub-theme are left out.
func (m *Matrix) RankNeeds(needs []data.LearningNeed) []RankedNeeds {
	bySub := map[string]*RankedNeeds{}
	order := map[string]int{}
	for i, r := range m.Rows {
		bySub[r.SubTheme.ID] = &RankedNeeds{Row: r}
		order[r.SubTheme.ID] = i
	}
	partnersOf := map[string]map[string]bool{}
	for _, n := range needs {
		rn := bySub[n.SubThemeID]
		if rn == nil {
			continue
		}
		rn.Needs = append(rn.Needs, n)
		rn.Score += 4 - n.Priority
		if partnersOf[n.SubThemeID] == nil {
			partnersOf[n.SubThemeID] = map[string]bool{}
		}
		partnersOf[n.SubThemeID][n.PartnerID] = true
	}
	var out []RankedNeeds
	for id, rn := range bySub {
		if len(rn.Needs) == 0 {
			continue
		}
		rn.Partners = len(partnersOf[id])
		for _, p := range m.Partners {
			if HasPractice(m.Cell(p.ID, id).State) {
				rn.Helpers = append(rn.Helpers, p)
			}
		}
		rn.Outside = m.Outside(id)
		out = append(out, *rn)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Partners != b.Partners {
			return a.Partners > b.Partners
		}
		return order[a.Row.SubTheme.ID] < order[b.Row.SubTheme.ID]
	})
	return out
}
