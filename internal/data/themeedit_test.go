package data

import (
	"context"
	"strings"
	"testing"
)

func TestThemeEditing(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	n := newNetwork(t, s)
	var ids []string
	for _, title := range []string{"A", "B", "C"} {
		th, err := s.AddTheme(ctx, Theme{NetworkID: n.ID, Title: title})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, th.ID)
	}
	order := func() string {
		ths, _ := s.Themes(ctx, n.ID)
		var out []string
		for _, th := range ths {
			out = append(out, th.Title)
		}
		return strings.Join(out, "")
	}
	if err := s.MoveTheme(ctx, ids[2], -1); err != nil || order() != "ACB" {
		t.Fatalf("move C up: %s %v", order(), err)
	}
	if err := s.MoveTheme(ctx, ids[0], -1); err != nil || order() != "ACB" {
		t.Fatalf("moving the first up changed %s (%v)", order(), err)
	}
	if err := s.MoveTheme(ctx, ids[0], 1); err != nil || order() != "CAB" {
		t.Fatalf("move A down: %s %v", order(), err)
	}
	st, err := s.AddSubTheme(ctx, SubTheme{ThemeID: ids[0], Number: "1.1", Title: "Sub"})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.SavePartner(ctx, Partner{NetworkID: n.ID, Name: "Genk"})
	if _, err := s.SetMatrixCell(ctx, MatrixCell{PartnerID: p.ID, SubThemeID: st.ID, State: CellKnowledgeNeed}); err != nil {
		t.Fatal(err)
	}
	gp, _ := s.CreateGoodPractice(ctx, GoodPractice{NetworkID: n.ID, Title: "GP", OwnerPartnerID: p.ID, SubThemeIDs: []string{st.ID}})
	u, err := s.ThemeUsage(ctx, ids[0])
	if err != nil || u.SubThemes != 1 || u.MatrixCells != 1 || u.GoodPractices != 1 || !u.InUse() {
		t.Fatalf("usage %+v %v", u, err)
	}
	if err := s.UpdateTheme(ctx, Theme{ID: ids[0], Title: "A renamed", Horizontal: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteTheme(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if cells, _ := s.MatrixCells(ctx, n.ID); len(cells) != 0 {
		t.Fatal("the deleted theme's cells remain")
	}
	gps, _ := s.GoodPractices(ctx, n.ID)
	if len(gps) != 1 || len(gps[0].SubThemeIDs) != 0 {
		t.Fatalf("the practice should stay, unlinked: %+v (%s)", gps, gp.ID)
	}
	if problems, _ := s.Check(ctx); len(problems) > 0 {
		t.Fatal(problems)
	}
}
