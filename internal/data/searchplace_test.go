package data_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

func TestSearchKeepsToTheKindsAskedFor(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	all, _, err := s.Search(ctx, n.ID, "genk")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, h := range all {
		kinds[h.Kind] = true
	}
	if !kinds[data.SearchPartner] || len(kinds) < 2 {
		t.Fatalf("genk finds the kinds %v, want the partner and more", kinds)
	}
	only, _, err := s.Search(ctx, n.ID, "genk", data.SearchPartner)
	if err != nil {
		t.Fatal(err)
	}
	if len(only) == 0 || len(only) >= len(all) {
		t.Fatalf("genk among partners: %d hits of %d", len(only), len(all))
	}
	for _, h := range only {
		if h.Kind != data.SearchPartner {
			t.Errorf("a %s among the partners", h.Kind)
		}
	}
}

func TestPlaceOfFindsTheRecordAroundAHit(t *testing.T) {
	ctx := context.Background()
	s, _ := testkit.DemoStore(t)
	db := side(t, s)
	row := one[string](t, db, `SELECT id FROM grid_rows LIMIT 1`)
	p, err := s.PlaceOf(ctx, data.SearchGridRow, row)
	want := one[string](t, db, `SELECT g.meeting_id || ' ' || g.partner_id FROM grid_rows r JOIN learning_grids g ON g.id = r.grid_id WHERE r.id = '`+row+`'`)
	if err != nil || p.MeetingID+" "+p.PartnerID != want {
		t.Errorf("grid row: %+v %v, want %s", p, err, want)
	}
	action := one[string](t, db, `SELECT id FROM plan_actions LIMIT 1`)
	if p, err := s.PlaceOf(ctx, data.SearchAction, action); err != nil || p.PartnerID != one[string](t, db, `SELECT partner_id FROM plan_actions WHERE id = '`+action+`'`) {
		t.Errorf("action: %+v %v", p, err)
	}
	section := one[string](t, db, `SELECT id FROM study_sections LIMIT 1`)
	if p, err := s.PlaceOf(ctx, data.SearchSection, section); err != nil || p.StudyID == "" {
		t.Errorf("section: %+v %v", p, err)
	}
	if _, err := s.PlaceOf(ctx, data.SearchAction, "nope"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("an unknown action: %v", err)
	}
}
