package data

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestMeetingEditKeepsHostsThemesAndULGFlags(t *testing.T) {
	ctx := context.Background()
	s, p, st, ms := chainFixture(t)
	ulg, err := s.SaveMeeting(ctx, Meeting{NetworkID: p.NetworkID, Kind: MeetingULG, Title: "ULG meeting – Genk", StartDate: "2024-02-20",
		HostIDs: []string{p.ID}, ThemeIDs: []string{st.ThemeID}})
	if err != nil {
		t.Fatal(err)
	}
	ulg.ReportReceived, ulg.Place, ulg.ThemeIDs = true, "Genk city hall", nil
	if _, err := s.SaveMeeting(ctx, ulg); err != nil {
		t.Fatal(err)
	}
	all, _ := s.Meetings(ctx, p.NetworkID)
	var got Meeting
	for _, m := range all {
		if m.ID == ulg.ID {
			got = m
		}
	}
	if !got.ReportReceived || got.AttendanceReceived || got.Place != "Genk city hall" || len(got.HostIDs) != 1 || len(got.ThemeIDs) != 0 {
		t.Fatalf("saved ULG meeting %+v", got)
	}
	for _, bad := range []Meeting{
		{NetworkID: p.NetworkID, Kind: MeetingULG, Title: " "},
		{NetworkID: p.NetworkID, Kind: "party", Title: "x"},
		{NetworkID: p.NetworkID, Kind: MeetingULG, Title: "x", StartDate: "4 March"},
		{NetworkID: p.NetworkID, Kind: MeetingULG, Title: "x", StartDate: "2024-03-08", EndDate: "2024-03-04"},
		{ID: ms[0].ID, NetworkID: p.NetworkID, Kind: MeetingCoreNetwork, Title: "CNM", EndDate: "2024-03-04"},
	} {
		var ce *ConstraintError
		if _, err := s.SaveMeeting(ctx, bad); !errors.As(err, &ce) {
			t.Errorf("%+v saved: %v", bad, err)
		}
	}
	if again, _ := s.Meetings(ctx, p.NetworkID); len(again) != len(all) || again[0].StartDate != "2024-02-20" {
		t.Fatalf("refused edits changed the meetings: %d → %d", len(all), len(again))
	}
}

func TestDeletingAMeetingSaysAndTakesItsGrids(t *testing.T) {
	ctx := context.Background()
	s, p, st, ms := chainFixture(t)
	need, err := s.CreateLearningNeed(ctx, LearningNeed{NetworkID: p.NetworkID, PartnerID: p.ID, SubThemeID: st.ID, Text: "Budgets", Priority: PriorityHigh, MeetingID: ms[0].ID}, false)
	if err != nil {
		t.Fatal(err)
	}
	g, err := s.SaveGrid(ctx, LearningGrid{MeetingID: ms[0].ID, PartnerID: p.ID, Rows: []GridRow{{Learning: "a", Action: "b"}, {Learning: "c"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ReviewAction(ctx, g.Rows[0].ID, ms[1].ID, ReviewDone, ""); err != nil {
		t.Fatal(err)
	}
	d, err := s.MeetingDependents(ctx, ms[0].ID)
	if err != nil || d != (MeetingDependents{Grids: 1, GridRows: 2, Needs: 1}) || !d.Any() {
		t.Fatalf("dependents of the first meeting %+v %v", d, err)
	}
	if d, _ := s.MeetingDependents(ctx, ms[1].ID); d.Reviews != 1 {
		t.Fatalf("the review meeting has %+v", d)
	}
	if _, err := s.DeleteMeeting(ctx, ms[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Grid(ctx, ms[0].ID, p.ID, ""); !errors.Is(err, ErrNotFound) {
		t.Fatalf("grid of a deleted meeting: %v", err)
	}
	needs, _ := s.LearningNeeds(ctx, p.NetworkID)
	if len(needs) != 1 || needs[0].ID != need.ID || needs[0].MeetingID != "" {
		t.Fatalf("the need should stay, unlinked: %+v", needs)
	}
	if _, err := s.DeleteMeeting(ctx, ms[0].ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
}

func TestMilestonesAreCheckedAndOrdered(t *testing.T) {
	ctx := context.Background()
	s, p, _, _ := chainFixture(t)
	for _, m := range []Milestone{
		{Track: TrackActionPlan, DueDate: "2024-02-29", Title: "Policy context chapter drafted"},
		{Track: TrackTestingAction, DueDate: "2024-01-31", Title: "Collecting ideas for the testing action"},
	} {
		m.NetworkID = p.NetworkID
		if _, err := s.SaveMilestone(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	for _, bad := range []Milestone{{Track: TrackActionPlan, DueDate: "2024-02", Title: "x"}, {Track: "budget", DueDate: "2024-02-01", Title: "x"},
		{Track: TrackActionPlan, DueDate: "2024-02-01"}} {
		bad.NetworkID = p.NetworkID
		if _, err := s.SaveMilestone(ctx, bad); err == nil || !strings.Contains(err.Error(), "milestone") && !strings.Contains(err.Error(), "track") {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	ms, err := s.Milestones(ctx, p.NetworkID)
	if err != nil || len(ms) != 2 || ms[0].Track != TrackTestingAction {
		t.Fatalf("milestones %+v %v", ms, err)
	}
	ms[0].Done = true
	if _, err := s.SaveMilestone(ctx, ms[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteMilestone(ctx, ms[1].ID); err != nil {
		t.Fatal(err)
	}
	if left, _ := s.Milestones(ctx, p.NetworkID); len(left) != 1 || !left[0].Done {
		t.Fatalf("after edit and delete %+v", left)
	}
}

func TestActionDatesAreChecked(t *testing.T) {
	ctx := context.Background()
	s, p, _, _ := chainFixture(t)
	a, err := s.SaveAction(ctx, PlanAction{PartnerID: p.ID, Kind: ActionTesting, Title: "Participation framework", StartDate: "2024-06-01", EndDate: "2024-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Actions(ctx, p.ID)
	if len(got) != 1 || got[0].StartDate != "2024-06-01" || got[0].EndDate != "2024-12-31" {
		t.Fatalf("dates not kept: %+v", got)
	}
	a.EndDate = "2024-01-01"
	if _, err := s.SaveAction(ctx, a); err == nil {
		t.Fatal("an action ending before it starts was saved")
	}
}
