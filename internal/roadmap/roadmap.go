// Package roadmap lays a network's work out month by month, in the shape of
// a baseline study's roadmap table (Table 3 of the reference study): network
// meetings, each partner's ULG meetings against the target, testing actions
// and action-plan milestones in rows, months across.
package roadmap

import (
	"cmp"
	"fmt"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// ULGTarget is how many ULG meetings each partner holds at least (before
// and after each transnational meeting).
const ULGTarget = 8

// Sections of the roadmap, in order.
const (
	SectionMeetings   = "Network meetings"
	SectionULG        = "ULG meetings"
	SectionTesting    = "Testing actions"
	SectionPlan       = "Action plan"
	SectionLeadExpert = "Lead Expert tasks"
)

// Continues marks the months an action runs on after its first.
const Continues = "continues"

// Row is one line of the roadmap: what happens in which month.
type Row struct {
	Section string
	Label   string
	Cells   [][]string // per month: what is on (meeting, milestone or action titles)
	Count   int        // for a partner's ULG row: meetings held or planned
	Target  int        // ULGTarget for ULG rows, 0 otherwise
	Due     int        // for a ULG row: reports or attendance sheets not received
}

// Roadmap is the months and the rows.
type Roadmap struct {
	Months []time.Time // first day of each month
	Rows   []Row
}

// Inputs is what the roadmap is drawn from.
type Inputs struct {
	Network    data.Network
	Meetings   []data.Meeting
	Partners   []data.Partner
	Milestones []data.Milestone
	Actions    []data.PlanAction // every partner's; those with a start date are drawn
}

// meetingGroups are the network meeting rows, in order, and the kinds each holds.
var meetingGroups = []struct {
	label string
	kinds []string
}{
	{"Core Network Meetings", []string{data.MeetingCoreNetwork}},
	{"Online Academies", []string{data.MeetingOnlineAcademy}},
	{"Masterclasses", []string{data.MeetingMasterclass}},
	{"Thematic working groups and peer reviews", []string{data.MeetingThematicWorkGroup, data.MeetingPeerReview}},
	{"Partner meetings and other", []string{data.MeetingPartner, data.MeetingOther}},
}

// Build lays the work out from the network's start to its end, widened to
// whatever is dated outside those.
func Build(in Inputs) Roadmap {
	b := builder{in: in}
	b.months()
	b.meetingRows()
	partners := append([]data.Partner(nil), in.Partners...)
	sort.SliceStable(partners, func(i, j int) bool { return partners[i].IsLead() && !partners[j].IsLead() })
	for _, p := range partners {
		b.ulgRow(p)
	}
	b.trackRows(SectionTesting, data.ActionTesting, data.TrackTestingAction, "Testing action milestones", partners)
	b.trackRows(SectionPlan, data.ActionPlan, data.TrackActionPlan, "Action plan milestones", partners)
	b.milestoneRow(SectionLeadExpert, data.TrackThematicOutput, "Thematic outputs")
	b.milestoneRow(SectionLeadExpert, data.TrackQualityCheck, "Quality checks and meeting preparation")
	return b.r
}

type builder struct {
	in Inputs
	r  Roadmap
}

func (b *builder) months() {
	first, last := month(b.in.Network.StartDate), month(b.in.Network.EndDate)
	widen := func(start, end string) {
		if s := month(start); !s.IsZero() && (first.IsZero() || s.Before(first)) {
			first = s
		}
		if e := month(cmp.Or(end, start)); !e.IsZero() && e.After(last) {
			last = e
		}
	}
	for _, m := range b.in.Meetings {
		widen(m.StartDate, m.EndDate)
	}
	for _, m := range b.in.Milestones {
		widen(m.DueDate, "")
	}
	for _, a := range b.in.Actions {
		widen(a.StartDate, a.EndDate)
	}
	for t := first; !t.IsZero() && !t.After(last); t = t.AddDate(0, 1, 0) {
		b.r.Months = append(b.r.Months, t)
	}
}

// index is the column of a date's month, -1 when outside the roadmap.
func (b *builder) index(day string) int {
	t := month(day)
	for i, m := range b.r.Months {
		if m.Equal(t) {
			return i
		}
	}
	return -1
}

func (b *builder) newRow(section, label string) Row {
	return Row{Section: section, Label: label, Cells: make([][]string, len(b.r.Months))}
}

func (b *builder) put(row *Row, day, text string) {
	if i := b.index(day); i >= 0 {
		row.Cells[i] = append(row.Cells[i], text)
	}
}

func (b *builder) meetingRows() {
	for _, g := range meetingGroups {
		row := b.newRow(SectionMeetings, g.label)
		for _, m := range b.in.Meetings {
			for _, k := range g.kinds {
				if m.Kind == k {
					b.put(&row, m.StartDate, m.Title)
				}
			}
		}
		b.r.Rows = append(b.r.Rows, row)
	}
}

// ulgRow counts a partner's ULG meetings against the target and the
// reports and attendance sheets still to come in.
func (b *builder) ulgRow(p data.Partner) {
	row := b.newRow(SectionULG, "")
	row.Target = ULGTarget
	reports, sheets := 0, 0
	for _, m := range b.in.Meetings {
		if m.Kind != data.MeetingULG || !slices.Contains(m.HostIDs, p.ID) {
			continue
		}
		b.put(&row, m.StartDate, m.Title)
		row.Count++
		if !m.ReportReceived {
			reports++
		}
		if !m.AttendanceReceived {
			sheets++
		}
	}
	row.Due = reports + sheets
	row.Label = fmt.Sprintf("ULG – %s (%d of %d%s)", p.Name, row.Count, ULGTarget, dueNote(reports, sheets))
	b.r.Rows = append(b.r.Rows, row)
}

// dueNote names what has not come in: "; 1 report, 2 attendance sheets due".
func dueNote(reports, sheets int) string {
	var parts []string
	if reports > 0 {
		parts = append(parts, plural(reports, "report"))
	}
	if sheets > 0 {
		parts = append(parts, plural(sheets, "attendance sheet"))
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, ", ") + " due"
}

func plural(n int, what string) string { return text.Count(n, what, what+"s") }

// trackRows are a track's network milestones, then each partner's dated
// actions of that kind, drawn from their first month to their last.
func (b *builder) trackRows(section, kind, track, milestoneLabel string, partners []data.Partner) {
	b.milestoneRow(section, track, milestoneLabel)
	for _, p := range partners {
		row := b.newRow(section, section+" – "+p.Name)
		drawn := false
		for _, a := range b.in.Actions {
			if a.PartnerID != p.ID || a.Kind != kind || a.StartDate == "" {
				continue
			}
			b.span(&row, a)
			drawn = true
		}
		if drawn {
			b.r.Rows = append(b.r.Rows, row)
		}
	}
}

// span writes an action's title in its first month and a continuation
// mark in the months it runs on.
func (b *builder) span(row *Row, a data.PlanAction) {
	from, to := b.index(a.StartDate), b.index(cmp.Or(a.EndDate, a.StartDate))
	for i := from; i >= 0 && i <= to; i++ {
		text := Continues
		if i == from {
			text = a.Title
		}
		row.Cells[i] = append(row.Cells[i], text)
	}
}

func (b *builder) milestoneRow(section, track, label string) {
	row := b.newRow(section, label)
	for _, m := range b.in.Milestones {
		if m.Track == track {
			b.put(&row, m.DueDate, m.Title)
		}
	}
	b.r.Rows = append(b.r.Rows, row)
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

// From is the roadmap from the month of day (YYYY-MM-DD) on, every row
// kept; false when the roadmap ends before that month or day is no date.
func (r Roadmap) From(day string) (Roadmap, bool) {
	first := month(day)
	if first.IsZero() {
		return Roadmap{}, false
	}
	for i, m := range r.Months {
		if !m.Before(first) {
			out := Roadmap{Months: r.Months[i:], Rows: make([]Row, len(r.Rows))}
			for j, row := range r.Rows {
				row.Cells = row.Cells[i:]
				out.Rows[j] = row
			}
			return out, true
		}
	}
	return Roadmap{}, false
}
