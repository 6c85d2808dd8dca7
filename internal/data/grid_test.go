package data

import (
	"context"
	"fmt"
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

// A grid made on two laptops before they synced comes as a twin (the
// sync keeps both): the store reads the two as one grid, saves new rows
// into the one made first, deletes across both, and counts them once.
func TestGridTwinsReadAsOneGrid(t *testing.T) {
	ctx := context.Background()
	s, p, _, ms := chainFixture(t)
	g, err := s.SaveGrid(ctx, LearningGrid{MeetingID: ms[0].ID, PartnerID: p.ID, Rows: []GridRow{{Learning: "first here"}, {Learning: "second here"}}})
	if err != nil {
		t.Fatal(err)
	}
	twin := g.ID[:len(g.ID)-1] + "~" // (later in id order than any uuid of the same prefix)
	for _, q := range []string{
		`INSERT INTO learning_grids (id, meeting_id, partner_id, theme_key, created_at, updated_at) VALUES ('` + twin + `', ?1, ?2, '', 'x', 'x')`,
		`INSERT INTO grid_rows (id, grid_id, position, learning, created_at, updated_at) VALUES ('zz-there', '` + twin + `', 0, 'first there', 'x', 'x')`,
	} {
		if _, err := s.db.ExecContext(ctx, q, ms[0].ID, p.ID); err != nil {
			t.Fatal(err)
		}
	}
	learned := func(g LearningGrid) (out []string) {
		for _, r := range g.Rows {
			out = append(out, r.Learning)
		}
		return out
	}
	got, err := s.Grid(ctx, ms[0].ID, p.ID, "")
	if err != nil || got.ID != g.ID || fmt.Sprint(learned(got)) != "[first here first there second here]" {
		t.Fatalf("the twins read %s %q (%v), want %s and the rows of both by place", got.ID, learned(got), err, g.ID)
	}
	grids, err := s.MeetingGrids(ctx, ms[0].ID)
	if err != nil || len(grids) != 1 || fmt.Sprint(learned(grids[0])) != fmt.Sprint(learned(got)) {
		t.Fatalf("the meeting's grids: %d %v", len(grids), err)
	}
	// The user drops the first row, keeps the twin's and adds one.
	got.Rows = append(got.Rows[1:], GridRow{Learning: "added after the sync"})
	saved, err := s.SaveGrid(ctx, got)
	if err != nil || fmt.Sprint(learned(saved)) != "[first there second here added after the sync]" {
		t.Fatalf("saved %q (%v)", learned(saved), err)
	}
	var inTwin, added string
	if err := s.db.QueryRowContext(ctx, `SELECT grid_id FROM grid_rows WHERE id = 'zz-there'`).Scan(&inTwin); err != nil || inTwin != twin {
		t.Errorf("the twin's row is in %q (%v)", inTwin, err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT grid_id FROM grid_rows WHERE learning = 'added after the sync'`).Scan(&added); err != nil || added != g.ID {
		t.Errorf("the new row is in %q (%v), want the first twin", added, err)
	}
	if d, err := s.MeetingDependents(ctx, ms[0].ID); err != nil || d.Grids != 1 || d.GridRows != 3 {
		t.Errorf("dependents %+v (%v), want one grid of 3 rows", d, err)
	}
	prog, err := s.NetworkProgress(ctx, p.NetworkID)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range prog {
		if pr.PartnerID == p.ID && pr.Grids != 1 {
			t.Errorf("progress counts %d grids, want 1", pr.Grids)
		}
	}
}

// The upgrade that lets grids have twins rebuilds learning_grids without
// losing what hangs under it: the rows, the actions made from them.
func TestTheGridTwinsUpgradeKeepsRowsAndLinks(t *testing.T) {
	ctx := context.Background()
	saved := migrations
	migrations = migrationsBefore(t, "_grid_twins.sql")
	t.Cleanup(func() { migrations = saved })
	path := tempDB(t)
	s := openWriter(t, path)
	n, err := s.CreateNetwork(ctx, Network{Name: "Before twins"})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO partners (id, network_id, name, name_key, country, role, created_at, updated_at) VALUES ('p', ?1, 'Genk', 'genk', 'Belgium', 'partner', 'x', 'x')`,
		`INSERT INTO meetings (id, network_id, kind, title, start_date, created_at, updated_at) VALUES ('m', ?1, 'core_network_meeting', 'CNM 2', '2024-03-04', 'x', 'x')`,
		`INSERT INTO learning_grids (id, meeting_id, partner_id, theme_key, created_at, updated_at) VALUES ('g', 'm', 'p', '', 'x', 'x')`,
		`INSERT INTO grid_rows (id, grid_id, position, learning, action, created_at, updated_at) VALUES ('r', 'g', 0, 'Walkshops open doors', 'Try one', 'x', 'x')`,
		`INSERT INTO plan_actions (id, partner_id, kind, title, grid_row_id, created_at, updated_at) VALUES ('a', 'p', 'testing', 'A walkshop', 'r', 'x', 'x')`,
	} {
		if _, err := s.db.ExecContext(ctx, q, n.ID); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s.Close()
	migrations = saved
	s = openWriter(t, path)
	var rows, link, fk, legacy string
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT group_concat(learning) FROM grid_rows WHERE grid_id = 'g'), (SELECT grid_row_id FROM plan_actions WHERE id = 'a'),
		(SELECT foreign_keys FROM pragma_foreign_keys), (SELECT legacy_alter_table FROM pragma_legacy_alter_table)`).Scan(&rows, &link, &fk, &legacy); err != nil {
		t.Fatal(err)
	}
	if rows != "Walkshops open doors" || link != "r" || fk != "1" || legacy != "0" {
		t.Errorf("after the upgrade: rows %q, action's row %q, foreign_keys %s, legacy_alter_table %s", rows, link, fk, legacy)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO learning_grids (id, meeting_id, partner_id, theme_key, created_at, updated_at) VALUES ('h', 'm', 'p', '', 'x', 'x')`); err != nil {
		t.Errorf("a twin is refused after the upgrade: %v", err)
	}
	var problems int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&problems); err != nil || problems != 0 {
		t.Errorf("%d broken links after the upgrade (%v)", problems, err)
	}
}
