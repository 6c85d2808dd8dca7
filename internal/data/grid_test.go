package data

import (
	"context"
	"testing"
)

// chainFixture: a network with one partner, a sub-theme, three meetings.
func chainFixture(t *testing.T) (*Store, Partner, SubTheme, []Meeting) {
	t.Helper()
	ctx := context.Background()
	s, p, th := partnerWithTheme(t)
	st, _ := s.AddSubTheme(ctx, SubTheme{ThemeID: th.ID, Title: "Participatory budget"})
	var ms []Meeting
	err := s.Update(ctx, func(tx *Tx) error {
		for i, day := range []string{"2024-03-04", "2024-06-10", "2024-09-20"} {
			num := int64(i + 2)
			m, err := tx.CreateMeeting(Meeting{NetworkID: p.NetworkID, Kind: MeetingCoreNetwork, Number: &num, Title: "CNM", StartDate: day})
			if err != nil {
				return err
			}
			ms = append(ms, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, p, st, ms
}

func TestActionsOfOneMeetingComeUpForReviewAtTheNext(t *testing.T) {
	ctx := context.Background()
	s, p, _, ms := chainFixture(t)
	g, err := s.SaveGrid(ctx, LearningGrid{MeetingID: ms[0].ID, PartnerID: p.ID, Rows: []GridRow{
		{Learning: "Budaörs lets residents vote on small projects", Relevance: 5, Action: "Ask the mayor for a pilot budget", ActionWho: "ULG coordinator", ActionBy: "2024-05-01"},
		{Learning: "Walkshops open doors", Relevance: 3},
		{}, // an empty row is not kept
		{Learning: "Youth councils need a budget", Relevance: 4, Action: "Meet the youth council"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Rows) != 3 || g.Rows[2].Position != 2 || g.Rows[0].Relevance != 5 {
		t.Fatalf("grid rows %+v", g.Rows)
	}
	// At the next meeting the two actions come up; none from the meeting itself.
	items, err := s.ActionsToReview(ctx, p.ID, ms[1].ID)
	if err != nil || len(items) != 2 || items[0].MeetingID != ms[0].ID || items[0].Row.Action != "Ask the mayor for a pilot budget" {
		t.Fatalf("to review at meeting 2: %+v %v", items, err)
	}
	if early, _ := s.ActionsToReview(ctx, p.ID, ms[0].ID); len(early) != 0 {
		t.Fatalf("actions came up before they were set: %+v", early)
	}
	if err := s.ReviewAction(ctx, items[0].Row.ID, ms[1].ID, ReviewDone, "Pilot of 20,000 EUR agreed"); err != nil {
		t.Fatal(err)
	}
	if err := s.ReviewAction(ctx, items[1].Row.ID, ms[1].ID, ReviewInProgress, "First meeting in July"); err != nil {
		t.Fatal(err)
	}
	// Editing the grid later keeps the reviews.
	g.Rows[0].Learning += " (and report back)"
	if g, err = s.SaveGrid(ctx, g); err != nil || g.Rows[0].ReviewStatus != ReviewDone || g.Rows[0].ReviewComment != "Pilot of 20,000 EUR agreed" {
		t.Fatalf("after editing: %+v %v", g.Rows[0], err)
	}
	// Meeting 2 still shows both with their status; meeting 3 only the one in progress.
	items, _ = s.ActionsToReview(ctx, p.ID, ms[1].ID)
	if len(items) != 2 || items[0].Row.ReviewStatus != ReviewDone || items[1].Row.ReviewedMeeting != ms[1].ID {
		t.Fatalf("reviewed at meeting 2: %+v", items)
	}
	items, _ = s.ActionsToReview(ctx, p.ID, ms[2].ID)
	if len(items) != 1 || items[0].Row.Action != "Meet the youth council" || items[0].Row.ReviewStatus != ReviewInProgress {
		t.Fatalf("to review at meeting 3: %+v", items)
	}
	if err := s.ReviewAction(ctx, items[0].Row.ID, ms[2].ID, "maybe", ""); err == nil {
		t.Fatal("an unknown review status was accepted")
	}
}

func TestTheChainCanBeFollowedBothWays(t *testing.T) {
	ctx := context.Background()
	s, p, st, ms := chainFixture(t)
	need, err := s.CreateLearningNeed(ctx, LearningNeed{NetworkID: p.NetworkID, PartnerID: p.ID, SubThemeID: st.ID, Text: "How to start a participatory budget",
		Priority: PriorityHigh, MeetingID: ms[0].ID}, false)
	if err != nil {
		t.Fatal(err)
	}
	g, err := s.SaveGrid(ctx, LearningGrid{MeetingID: ms[0].ID, PartnerID: p.ID, Rows: []GridRow{
		{Learning: "Start small, in one district", Relevance: 5, Action: "Pilot budget in Winterslag", NeedID: need.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	row := g.Rows[0]
	testing, err := s.PromoteRow(ctx, row.ID, ActionTesting)
	if err != nil || testing.Title != "Pilot budget in Winterslag" || testing.Kind != ActionTesting || testing.GridRowID != row.ID {
		t.Fatalf("testing action %+v %v", testing, err)
	}
	cost := 20000.0
	testing.CostEUR, testing.Status = &cost, ActionDone
	if _, err := s.SaveAction(ctx, testing); err != nil {
		t.Fatal(err)
	}
	plan, err := s.PromoteAction(ctx, testing.ID)
	if err != nil || plan.Kind != ActionPlan || plan.ParentID != testing.ID || *plan.CostEUR != cost {
		t.Fatalf("plan action %+v %v", plan, err)
	}
	// Forward: need → row → testing action → plan action.
	c, err := s.ChainOfRow(ctx, row.ID)
	if err != nil || c.Need == nil || c.Need.ID != need.ID || c.MeetingID != ms[0].ID || len(c.Testing) != 1 || len(c.Plan) != 1 || c.Plan[0].ID != plan.ID {
		t.Fatalf("chain of the row %+v %v", c, err)
	}
	// Backward: from the plan action to the need.
	back, err := s.ChainOfAction(ctx, plan.ID)
	if err != nil || back.Row.ID != row.ID || back.Need == nil || back.Need.Text != "How to start a participatory budget" {
		t.Fatalf("chain of the plan action %+v %v", back, err)
	}
	if _, err := s.ChainOfAction(ctx, "nothing"); err == nil {
		t.Fatal("a chain of an unknown action")
	}
	actions, _ := s.Actions(ctx, p.ID)
	if len(actions) != 2 || actions[0].Kind != ActionTesting {
		t.Fatalf("action table %+v", actions)
	}
}

func TestNetworkProgress(t *testing.T) {
	ctx := context.Background()
	s, p, _, ms := chainFixture(t)
	g, _ := s.SaveGrid(ctx, LearningGrid{MeetingID: ms[0].ID, PartnerID: p.ID, Rows: []GridRow{
		{Learning: "a", Action: "do a"}, {Learning: "b", Action: "do b"}, {Learning: "c"}}})
	s.ReviewAction(ctx, g.Rows[0].ID, ms[1].ID, ReviewDone, "")
	s.SaveGrid(ctx, LearningGrid{MeetingID: ms[1].ID, PartnerID: p.ID}) // an empty grid does not count
	s.PromoteRow(ctx, g.Rows[1].ID, ActionTesting)
	progress, err := s.NetworkProgress(ctx, p.NetworkID)
	if err != nil || len(progress) != 1 {
		t.Fatalf("%+v %v", progress, err)
	}
	if got := progress[0]; got.Grids != 1 || got.Actions != 2 || got.ActionsDone != 1 || got.ActionsOpen != 1 || got.TestingPlan != [2]int{1, 0} {
		t.Fatalf("progress %+v", got)
	}
}
