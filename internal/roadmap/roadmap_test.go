package roadmap

import (
	"context"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// demoInputs reads what the roadmap is drawn from out of a store.
func demoInputs(t *testing.T, s *data.Store, n data.Network) Inputs {
	t.Helper()
	in, err := Load(context.Background(), s, n)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func rowLabelled(t *testing.T, r Roadmap, prefix string) Row {
	t.Helper()
	for _, row := range r.Rows {
		if strings.HasPrefix(row.Label, prefix) {
			return row
		}
	}
	t.Fatalf("no row %q", prefix)
	return Row{}
}

func TestDemoRoadmap(t *testing.T) {
	s, n := testkit.DemoStore(t)
	ctx := context.Background()
	ps, _ := s.Partners(ctx, n.ID)
	genk := ps[0]
	// The demo has two ULG meetings per partner (February and June 2024); add two more for Genk.
	s.Update(ctx, func(tx *data.Tx) error {
		for _, day := range []string{"2024-02-10", "2024-06-20"} {
			if _, err := tx.CreateMeeting(data.Meeting{NetworkID: n.ID, Kind: data.MeetingULG, Title: "ULG Genk " + day, StartDate: day,
				HostIDs: []string{genk.ID}, ReportReceived: true, AttendanceReceived: day < "2024-06"}); err != nil {
				return err
			}
		}
		return nil
	})
	r := Build(demoInputs(t, s, n))
	if len(r.Months) != 24 || r.Months[0].Format("2006-01") != "2023-11" || r.Months[23].Format("2006-01") != "2025-10" {
		t.Fatalf("months %d from %v", len(r.Months), r.Months[0])
	}
	cnm := r.Rows[0]
	if cnm.Label != "Core Network Meetings" || cnm.Section != SectionMeetings || len(cnm.Cells[4]) != 1 || cnm.Cells[4][0] != "Core Network Meeting 2" { // 2024-03
		t.Fatalf("CNM row %+v", cnm.Cells[:6])
	}
	ulg := r.Rows[len(meetingGroups)]
	if ulg.Label != "ULG – Genk (4 of 8; 1 attendance sheet due)" || ulg.Due != 1 || len(ulg.Cells[3]) != 2 || len(ulg.Cells[7]) != 2 {
		t.Fatalf("Genk's ULG row %q %+v", ulg.Label, ulg.Cells)
	}
	// The demo's Iași has neither the report nor the sheet of its June meeting.
	if iasi := rowLabelled(t, r, "ULG – Iași"); iasi.Label != "ULG – Iași (2 of 8; 1 report, 1 attendance sheet due)" {
		t.Fatalf("Iași's ULG row %q", iasi.Label)
	}
	// Table 3's testing-action milestones, then the partners' dated testing actions as spans.
	ms := rowLabelled(t, r, "Testing action milestones")
	if ms.Section != SectionTesting || len(ms.Cells[2]) != 1 || !strings.HasPrefix(ms.Cells[2][0], "Collecting ideas") { // 2024-01
		t.Fatalf("testing milestones %+v", ms.Cells[:8])
	}
	gen := rowLabelled(t, r, "Testing actions – Genk")
	// 2024-06 to 2025-06: title in June 2024 (column 7), continuation to June 2025 (column 19), nothing after.
	if !strings.HasPrefix(gen.Cells[7][0], "A framework") || gen.Cells[8][0] != Continues || gen.Cells[19][0] != Continues || len(gen.Cells[20]) != 0 || len(gen.Cells[6]) != 0 {
		t.Fatalf("Genk's testing action span %+v", gen.Cells)
	}
	for _, row := range r.Rows {
		if row.Label == "Testing actions – Breda" {
			t.Fatal("Breda has no dated testing action but got a row")
		}
	}
	plan := rowLabelled(t, r, "Action plan – Genk")
	if plan.Section != SectionPlan || !strings.HasPrefix(plan.Cells[14][0], "A knowledge-sharing platform") { // 2025-01
		t.Fatalf("Genk's plan action %+v", plan.Cells)
	}
	le := rowLabelled(t, r, "Thematic outputs")
	if le.Section != SectionLeadExpert || len(le.Cells[3]) != 1 || le.Cells[3][0] != "Good Practice Catalogue" { // 2024-02
		t.Fatalf("thematic outputs %+v", le.Cells[:6])
	}
	if last := r.Rows[len(r.Rows)-1]; last.Label != "Quality checks and meeting preparation" {
		t.Fatalf("last row %q", last.Label)
	}
}

func TestActionsOutsideTheNetworkDatesWidenTheRoadmap(t *testing.T) {
	in := Inputs{Network: data.Network{StartDate: "2024-01-01", EndDate: "2024-03-31"},
		Partners: []data.Partner{{ID: "p", Name: "Genk", Role: data.RoleLeadPartner}},
		Actions:  []data.PlanAction{{PartnerID: "p", Kind: data.ActionTesting, Title: "Pilot", StartDate: "2024-03-01", EndDate: "2024-05-31"}}}
	r := Build(in)
	if len(r.Months) != 5 {
		t.Fatalf("%d months, want January to May", len(r.Months))
	}
	row := rowLabelled(t, r, "Testing actions – Genk")
	if row.Cells[2][0] != "Pilot" || row.Cells[4][0] != Continues {
		t.Fatalf("span %+v", row.Cells)
	}
}

// From keeps the months from a day's month on, with every row's cells
// cut to match; a day after the roadmap or no date gives nothing.
func TestFrom(t *testing.T) {
	r := Build(Inputs{Network: data.Network{StartDate: "2024-01-15", EndDate: "2024-12-31"},
		Meetings: []data.Meeting{{Kind: data.MeetingCoreNetwork, Title: "CNM 3", StartDate: "2024-06-01"}}})
	ahead, ok := r.From("2024-06-20")
	if !ok || len(ahead.Months) != 7 || ahead.Months[0].Format("2006-01") != "2024-06" {
		t.Fatalf("from June: %v %v", ahead.Months, ok)
	}
	for _, row := range ahead.Rows {
		if len(row.Cells) != 7 {
			t.Fatalf("row %q has %d cells", row.Label, len(row.Cells))
		}
		if row.Label == "Core Network Meetings" && (len(row.Cells[0]) != 1 || row.Cells[0][0] != "CNM 3") {
			t.Fatalf("June holds %v", row.Cells[0])
		}
	}
	if _, ok := r.From("2025-02-01"); ok {
		t.Fatal("a month after the roadmap")
	}
	if _, ok := r.From(""); ok {
		t.Fatal("no date")
	}
}
