package data

import (
	"context"
	"errors"
	"testing"
)

func TestLearningNeedMarksTheMatrixKeepingPractices(t *testing.T) {
	ctx := context.Background()
	s, p, th := partnerWithTheme(t)
	n := Network{ID: p.NetworkID}
	withPractice, _ := s.AddSubTheme(ctx, SubTheme{ThemeID: th.ID, Title: "Participatory budget"})
	empty, _ := s.AddSubTheme(ctx, SubTheme{ThemeID: th.ID, Title: "Youth councils"})
	untouched, _ := s.AddSubTheme(ctx, SubTheme{ThemeID: th.ID, Title: "NGOs"})
	var gp GoodPractice
	err := s.Update(ctx, func(tx *Tx) error {
		var err error
		if gp, err = tx.CreateGoodPractice(GoodPractice{NetworkID: n.ID, Title: "City budget", OwnerPartnerID: p.ID}); err != nil {
			return err
		}
		_, err = tx.SetMatrixCell(MatrixCell{PartnerID: p.ID, SubThemeID: withPractice.ID, State: CellGoodPractice, PracticeIDs: []string{gp.ID}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []SubTheme{withPractice, empty} {
		if _, err := s.CreateLearningNeed(ctx, LearningNeed{NetworkID: n.ID, PartnerID: p.ID, SubThemeID: st.ID, Text: "How to start", Priority: PriorityHigh}, true); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateLearningNeed(ctx, LearningNeed{NetworkID: n.ID, PartnerID: p.ID, SubThemeID: untouched.ID, Text: "Later", Priority: PriorityLow}, false); err != nil {
		t.Fatal(err)
	}
	cells, _ := s.MatrixCells(ctx, n.ID)
	got := map[string]MatrixCell{}
	for _, c := range cells {
		got[c.SubThemeID] = c
	}
	if c := got[withPractice.ID]; c.State != CellGoodPracticeKN || len(c.PracticeIDs) != 1 || c.PracticeIDs[0] != gp.ID {
		t.Errorf("cell with a practice became %+v, want gp_kn keeping the practice", c)
	}
	if c := got[empty.ID]; c.State != CellKnowledgeNeed {
		t.Errorf("empty cell became %+v, want kn", c)
	}
	if _, ok := got[untouched.ID]; ok {
		t.Errorf("a need saved without marking changed the matrix")
	}
	needs, err := s.LearningNeeds(ctx, n.ID)
	if err != nil || len(needs) != 3 || needs[0].Priority != PriorityHigh || needs[2].Text != "Later" || needs[0].Source != NeedTyped {
		t.Fatalf("needs %+v, %v", needs, err)
	}
	if _, err := s.CreateLearningNeed(ctx, LearningNeed{NetworkID: n.ID, PartnerID: p.ID, SubThemeID: empty.ID, Text: "  ", Priority: 2}, true); !errors.As(err, new(*ConstraintError)) {
		t.Errorf("blank need: %v, want a ConstraintError", err)
	}
	if _, err := s.DeleteLearningNeed(ctx, needs[2].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteLearningNeed(ctx, needs[2].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
}

// partnerWithTheme makes a network with one partner (Genk, lead) and one theme.
func partnerWithTheme(t *testing.T) (*Store, Partner, Theme) {
	t.Helper()
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	n := newNetwork(t, s)
	p, err := s.SavePartner(ctx, Partner{NetworkID: n.ID, Name: "Genk", Role: RoleLeadPartner})
	if err != nil {
		t.Fatal(err)
	}
	th, err := s.AddTheme(ctx, Theme{NetworkID: n.ID, Title: "Participation"})
	if err != nil {
		t.Fatal(err)
	}
	return s, p, th
}
