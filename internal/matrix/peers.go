package matrix

import (
	"sort"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Need is one partner's knowledge need with who can help.
type Need struct {
	Partner data.Partner
	Row     Row
	Helpers []data.Partner      // partners with a good practice in the sub-theme
	Outside []data.GoodPractice // practices from outside the network there
}

// PartnerCounts is a partner's balance in the matrix.
type PartnerCounts struct {
	Partner       data.Partner
	GoodPractices int // the good practices it owns, as the catalogue lists them
	Practices     int // sub-themes where it has a good practice to offer
	Needs         int // sub-themes where it needs knowledge
}

// Pair is a suggested study visit or working-group pair: Learner needs
// knowledge where Host has good practices, in the listed sub-themes.
type Pair struct {
	Learner, Host data.Partner
	Rows          []Row
}

// PeerLearning is the matrix read for "who can help whom".
type PeerLearning struct {
	Needs []Need
	// Gaps are sub-themes with needs but no good practice in the network:
	// candidates for outside experts or a masterclass.
	Gaps   []Need
	Counts []PartnerCounts
	Pairs  []Pair // ranked: most shared sub-themes first
}

// PeerLearning analyses the matrix.
func (m *Matrix) PeerLearning() PeerLearning {
	var pl PeerLearning
	counts := make(map[string]*PartnerCounts, len(m.Partners))
	for _, p := range m.Partners {
		pl.Counts = append(pl.Counts, PartnerCounts{Partner: p, GoodPractices: len(m.PracticesOf(p.ID))})
	}
	for i := range pl.Counts {
		counts[pl.Counts[i].Partner.ID] = &pl.Counts[i]
	}
	pairs := map[[2]string]*Pair{}
	var pairOrder [][2]string
	for _, row := range m.Rows {
		var hosts []data.Partner
		for _, p := range m.Partners {
			if HasPractice(m.Cell(p.ID, row.SubTheme.ID).State) {
				hosts = append(hosts, p)
				counts[p.ID].Practices++
			}
		}
		gapNoted := false
		for _, p := range m.Partners {
			if !HasNeed(m.Cell(p.ID, row.SubTheme.ID).State) {
				continue
			}
			counts[p.ID].Needs++
			need := Need{Partner: p, Row: row, Outside: m.Outside(row.SubTheme.ID)}
			for _, h := range hosts {
				if h.ID == p.ID {
					continue
				}
				need.Helpers = append(need.Helpers, h)
				k := [2]string{p.ID, h.ID}
				if pairs[k] == nil {
					pairs[k] = &Pair{Learner: p, Host: h}
					pairOrder = append(pairOrder, k)
				}
				pairs[k].Rows = append(pairs[k].Rows, row)
			}
			pl.Needs = append(pl.Needs, need)
			if len(hosts) == 0 && !gapNoted {
				pl.Gaps = append(pl.Gaps, Need{Row: row, Outside: need.Outside})
				gapNoted = true
			}
		}
	}
	for _, k := range pairOrder {
		pl.Pairs = append(pl.Pairs, *pairs[k])
	}
	sort.SliceStable(pl.Pairs, func(i, j int) bool { return len(pl.Pairs[i].Rows) > len(pl.Pairs[j].Rows) })
	return pl
}
