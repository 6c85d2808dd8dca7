// Package roadmap lays a network's meetings out month by month, in the
// shape of a baseline study's roadmap table: network activities in rows,
// months across, and each partner's ULG meetings against the target.
package roadmap

import (
	"cmp"
	"fmt"
	"sort"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// ULGTarget is how many ULG meetings each partner holds at least (before
// and after each transnational meeting).
const ULGTarget = 8

// Row is one line of the roadmap: what happens in which month.
type Row struct {
	Label  string
	Cells  [][]string // per month: what is on (meeting titles)
	Count  int        // for a partner's ULG row: meetings held or planned
	Target int        // ULGTarget for ULG rows, 0 otherwise
}

// Roadmap is the months and the rows.
type Roadmap struct {
	Months []time.Time // first day of each month
	Rows   []Row
}

// groups are the network rows, in order, and the meeting kinds each holds.
var groups = []struct {
	label string
	kinds []string
}{
	{"Core Network Meetings", []string{data.MeetingCoreNetwork}},
	{"Online Academies", []string{data.MeetingOnlineAcademy}},
	{"Masterclasses", []string{data.MeetingMasterclass}},
	{"Thematic working groups and peer reviews", []string{data.MeetingThematicWorkGroup, data.MeetingPeerReview}},
	{"Partner meetings and other", []string{data.MeetingPartner, data.MeetingOther}},
}

// Build lays out the meetings from the network's start to its end (or the
// span of its meetings when the network has no dates).
func Build(n data.Network, meetings []data.Meeting, partners []data.Partner) Roadmap {
	first, last := month(n.StartDate), month(n.EndDate)
	for _, m := range meetings {
		if s := month(m.StartDate); !s.IsZero() && (first.IsZero() || s.Before(first)) {
			first = s
		}
		if e := month(cmp.Or(m.EndDate, m.StartDate)); !e.IsZero() && e.After(last) {
			last = e
		}
	}
	var r Roadmap
	for t := first; !t.IsZero() && !t.After(last); t = t.AddDate(0, 1, 0) {
		r.Months = append(r.Months, t)
	}
	index := func(day string) int {
		t := month(day)
		for i, m := range r.Months {
			if m.Equal(t) {
				return i
			}
		}
		return -1
	}
	put := func(row *Row, m data.Meeting) {
		if i := index(m.StartDate); i >= 0 {
			row.Cells[i] = append(row.Cells[i], m.Title)
		}
	}
	newRow := func(label string) Row { return Row{Label: label, Cells: make([][]string, len(r.Months))} }
	for _, g := range groups {
		row := newRow(g.label)
		for _, m := range meetings {
			for _, k := range g.kinds {
				if m.Kind == k {
					put(&row, m)
				}
			}
		}
		r.Rows = append(r.Rows, row)
	}
	sorted := append([]data.Partner(nil), partners...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].IsLead() && !sorted[j].IsLead() })
	for _, p := range sorted {
		row := newRow("ULG meetings – " + p.Name)
		row.Target = ULGTarget
		for _, m := range meetings {
			if m.Kind == data.MeetingULG && hosts(m, p.ID) {
				put(&row, m)
				row.Count++
			}
		}
		row.Label = fmt.Sprintf("%s (%d of %d)", row.Label, row.Count, ULGTarget)
		r.Rows = append(r.Rows, row)
	}
	return r
}

func hosts(m data.Meeting, partnerID string) bool {
	for _, h := range m.HostIDs {
		if h == partnerID {
			return true
		}
	}
	return false
}

// month is the first day of a YYYY-MM-DD date's month (zero when unset).
func month(day string) time.Time {
	if len(day) < 7 {
		return time.Time{}
	}
	t, err := time.Parse("2006-01", day[:7])
	if err != nil {
		return time.Time{}
	}
	return t
}
