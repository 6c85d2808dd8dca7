// Package slidetest holds what slide tests share: a stress network that
// no slide can show at one glance, and a check that renders a slide at the
// projector and laptop sizes and reads it back.
package slidetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Stress sizes, from issue 15: 30 partners, 60 sub-themes with names of 90
// characters.
const (
	StressPartners  = 30
	StressThemes    = 5
	StressSubThemes = 12 // per theme: 60 in all
)

// Words makes a name of exactly n characters from whole words (n ≥ 20).
func Words(prefix string, n int) string {
	words := []string{"participatory", "budgeting", "with", "neighbourhood", "councils", "and", "youth", "panels", "across", "districts"}
	fill := []string{"", "a", "an", "and", "city", "towns", "people", "streets", "councils", "districts", "households", "communities", "associations", "neighbourhood"}
	s := prefix
	for i := 0; n-len(s) > len(fill); i++ {
		if w := words[i%len(words)]; len(s)+1+len(w) <= n-2 {
			s += " " + w
		}
	}
	if r := n - len(s); r >= 2 {
		s += " " + fill[r-1]
	}
	return s
}

// StressNetwork stores, through the store's API, a network too large for
// one slide: partners with long names (and short names for every other
// one, so both ways a column is headed are seen), 60 long sub-themes and a
// matrix where every kind of cell and many practices appear.
func StressNetwork(t testing.TB, s *data.Store) data.Network {
	t.Helper()
	ctx := context.Background()
	n, err := s.CreateNetwork(ctx, data.Network{Name: "Stress network with a long name for the title of every slide"})
	if err != nil {
		t.Fatal(err)
	}
	var ps []data.Partner
	for i := range StressPartners {
		p := data.Partner{NetworkID: n.ID, Name: fmt.Sprintf("Municipality of Szentendre-Kisoroszi %02d", i+1), Country: "Hungary"}
		if i%2 == 0 {
			p.ShortName = fmt.Sprintf("SZ%02d", i+1)
		}
		ps = append(ps, p)
	}
	if ps, err = s.SavePartners(ctx, ps); err != nil {
		t.Fatal(err)
	}
	var subs []data.SubTheme
	for th := range StressThemes {
		theme, err := s.AddTheme(ctx, data.Theme{NetworkID: n.ID, Number: fmt.Sprint(th + 1), Title: Words(fmt.Sprintf("Theme %d:", th+1), 70)})
		if err != nil {
			t.Fatal(err)
		}
		for st := range StressSubThemes {
			sub, err := s.AddSubTheme(ctx, data.SubTheme{ThemeID: theme.ID, Number: fmt.Sprintf("%d.%d", th+1, st+1), Title: Words("Sub-theme", 90)})
			if err != nil {
				t.Fatal(err)
			}
			subs = append(subs, sub)
		}
	}
	// One transaction, and one practice per partner serving all its GP
	// sub-themes: each write re-derives the network's cells, which made a
	// practice per cell take minutes under the race detector.
	err = s.Update(ctx, func(tx *data.Tx) error {
		for pi, p := range ps {
			var gpSubs, knSubs, bothSubs []string
			for si, sub := range subs {
				switch state := stressState(pi, si); state {
				case data.CellGoodPractice:
					gpSubs = append(gpSubs, sub.ID)
				case data.CellGoodPracticeKN:
					gpSubs, bothSubs = append(gpSubs, sub.ID), append(bothSubs, sub.ID)
				case data.CellKnowledgeNeed:
					knSubs = append(knSubs, sub.ID)
				}
			}
			gp, err := tx.CreateGoodPractice(data.GoodPractice{NetworkID: n.ID, OwnerPartnerID: p.ID,
				Title: Words(fmt.Sprintf("Practice of partner %d:", pi+1), 60), SubThemeIDs: gpSubs})
			if err != nil {
				return err
			}
			for _, id := range knSubs {
				if _, err := tx.SetMatrixCell(data.MatrixCell{PartnerID: p.ID, SubThemeID: id, State: data.CellKnowledgeNeed}); err != nil {
					return err
				}
			}
			for _, id := range bothSubs {
				if _, err := tx.SetMatrixCell(data.MatrixCell{PartnerID: p.ID, SubThemeID: id, State: data.CellGoodPracticeKN, PracticeIDs: []string{gp.ID}}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for si, sub := range subs {
		if si%3 == 0 {
			if _, err := s.CreateGoodPractice(ctx, data.GoodPractice{NetworkID: n.ID, OutsideCity: "Barcelona", OutsideCountry: "Spain",
				Title: Words("Outside practice", 50), SubThemeIDs: []string{sub.ID}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return n
}

// stressState is the stress matrix's cell of partner pi and sub-theme si:
// every state appears, and every fifth sub-theme is a gap (needs only).
func stressState(pi, si int) string {
	if si%5 == 4 {
		if pi%5 == 0 {
			return data.CellKnowledgeNeed
		}
		return ""
	}
	states := []string{data.CellGoodPractice, data.CellKnowledgeNeed, data.CellGoodPracticeKN, data.CellGoodPractice, "", "", "", "", "", ""}
	return states[(pi*7+si*3)%len(states)]
}

// StressGrids stores, through the store's API, a meeting of the network
// where 12 partners each filled a learning grid of 8 long rows.
func StressGrids(t testing.TB, s *data.Store, n data.Network) data.Meeting {
	t.Helper()
	ctx := context.Background()
	m, err := s.SaveMeeting(ctx, data.Meeting{NetworkID: n.ID, Kind: data.MeetingOther, Title: Words("Stress meeting", 60), StartDate: "2026-11-30"})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := s.Partners(ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps[:min(12, len(ps))] {
		g := data.LearningGrid{MeetingID: m.ID, PartnerID: p.ID}
		for r := range 8 {
			g.Rows = append(g.Rows, data.GridRow{Position: r, Learning: Words(fmt.Sprintf("Learning %d:", r+1), 160), Relevance: r%5 + 1,
				Action: Words("Action", 90), ActionWho: "Lead of the urban local group", ActionBy: "before the next meeting"})
		}
		if _, err := s.SaveGrid(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// StressRoadmap stores, through the store's API, half a year in which each
// of the network's partners holds an urban local group meeting with a long
// title, beside network meetings with long titles.
func StressRoadmap(t testing.TB, s *data.Store, n data.Network) {
	t.Helper()
	ctx := context.Background()
	ps, err := s.Partners(ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range ps {
		m := data.Meeting{NetworkID: n.ID, Kind: data.MeetingULG, HostIDs: []string{p.ID},
			Title: Words(fmt.Sprintf("ULG %d", i+1), 60), StartDate: fmt.Sprintf("2026-%02d-%02d", i%6+1, i%27+1)}
		if _, err := s.SaveMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	for month := 1; month <= 6; month += 2 {
		m := data.Meeting{NetworkID: n.ID, Kind: data.MeetingCoreNetwork, Title: Words(fmt.Sprintf("Core Network Meeting %d", month), 70),
			StartDate: fmt.Sprintf("2026-%02d-15", month)}
		if _, err := s.SaveMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
}
