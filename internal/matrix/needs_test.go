package matrix

import (
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

func TestRankNeedsNamesWhoCanHelp(t *testing.T) {
	_, m := demoMatrix(t)
	sub := func(title string) data.SubTheme {
		for _, r := range m.Rows {
			if r.SubTheme.Title == title {
				return r.SubTheme
			}
		}
		t.Fatalf("no sub-theme %q", title)
		return data.SubTheme{}
	}
	partner := func(name string) string {
		for _, p := range m.Partners {
			if p.Name == name {
				return p.ID
			}
		}
		t.Fatalf("no partner %q", name)
		return ""
	}
	budget, ngos := sub("Participatory budget"), sub("Cooperation with NGOs")
	needs := []data.LearningNeed{
		{PartnerID: partner("Genk"), SubThemeID: budget.ID, Priority: data.PriorityLow},
		{PartnerID: partner("Breda"), SubThemeID: ngos.ID, Priority: data.PriorityHigh},
		{PartnerID: partner("Aarhus"), SubThemeID: ngos.ID, Priority: data.PriorityMedium},
		{PartnerID: partner("Aarhus"), SubThemeID: ""}, // no sub-theme: left out
	}
	ranked := m.RankNeeds(needs)
	if len(ranked) != 2 || ranked[0].Row.SubTheme.ID != ngos.ID || ranked[0].Score != 5 || ranked[0].Partners != 2 || ranked[1].Score != 1 {
		t.Fatalf("ranked %+v", ranked)
	}
	// The helpers are exactly the partners whose matrix cell holds a good practice.
	for _, rn := range ranked {
		for _, p := range m.Partners {
			has := HasPractice(m.Cell(p.ID, rn.Row.SubTheme.ID).State)
			listed := false
			for _, h := range rn.Helpers {
				listed = listed || h.ID == p.ID
			}
			if has != listed {
				t.Errorf("%s on %s: practice %v, listed %v", p.Name, rn.Row.SubTheme.Title, has, listed)
			}
		}
	}
	if len(ranked[0].Helpers)+len(ranked[0].Outside) == 0 {
		t.Error("nobody can help with NGOs in the demo matrix?")
	}
}
