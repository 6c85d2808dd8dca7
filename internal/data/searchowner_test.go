package data_test

import (
	"context"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// A good practice is found by its owner's name, as the matrix shows it
// under that city, and follows a rename of the owner.
func TestSearchFindsAPracticeByItsOwner(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	id := one[string](t, db, `SELECT id FROM partners WHERE name = 'Gdańsk'`)
	practice := "practice " + one[string](t, db, `SELECT title FROM good_practices WHERE owner_partner_id = ?
		AND title || description NOT LIKE '%Gdańsk%' LIMIT 1`, id) // found only by its owner
	if got, _ := found(t, s, n.ID, "gdansk"); !has(got, practice) {
		t.Fatalf("gdansk does not find Gdańsk's %s: %v", practice, got)
	}
	p, err := s.Partner(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	p.Name = "Gdynia"
	if _, err := s.SavePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	if got, _ := found(t, s, n.ID, "gdansk"); has(got, practice) {
		t.Errorf("after the rename gdansk still finds %s", practice)
	}
	if got, _ := found(t, s, n.ID, "gdynia"); !has(got, practice) {
		t.Errorf("after the rename gdynia does not find %s: %v", practice, got)
	}
}
