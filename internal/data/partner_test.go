package data

import (
	"context"
	"errors"
	"testing"
)

func newNetwork(t *testing.T, s *Store) Network {
	t.Helper()
	n, err := s.CreateNetwork(context.Background(), Network{Name: "Test network"})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func leads(t *testing.T, s *Store, networkID string) []string {
	t.Helper()
	ps, err := s.Partners(context.Background(), networkID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range ps {
		if p.IsLead() {
			out = append(out, p.Name)
		}
	}
	return out
}

func TestExactlyOneLeadPartner(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	n := newNetwork(t, s)
	first, err := s.SavePartner(ctx, Partner{NetworkID: n.ID, Name: "Genk"})
	if err != nil {
		t.Fatal(err)
	}
	if got := leads(t, s, n.ID); len(got) != 1 || got[0] != "Genk" {
		t.Fatalf("first partner should become lead, leads = %v", got)
	}
	second, err := s.SavePartner(ctx, Partner{NetworkID: n.ID, Name: "Breda", Role: RolePartner})
	if err != nil {
		t.Fatal(err)
	}
	second.Role = RoleLeadPartner
	if _, err := s.SavePartner(ctx, second); err != nil {
		t.Fatal(err)
	}
	if got := leads(t, s, n.ID); len(got) != 1 || got[0] != "Breda" {
		t.Fatalf("after promoting Breda, leads = %v", got)
	}
	second.Role = RolePartner
	var ce *ConstraintError
	if _, err := s.SavePartner(ctx, second); !errors.As(err, &ce) {
		t.Fatalf("demoting the only lead: %v, want a ConstraintError", err)
	}
	if _, err := s.DeletePartner(ctx, second.ID); !errors.As(err, &ce) {
		t.Fatalf("deleting the lead while others remain: %v, want a ConstraintError", err)
	}
	if _, err := s.DeletePartner(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeletePartner(ctx, second.ID); err != nil {
		t.Fatalf("deleting the last partner (the lead): %v", err)
	}
}

func TestPartnerNamesAreUniqueIgnoringCase(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	n := newNetwork(t, s)
	if _, err := s.SavePartner(ctx, Partner{NetworkID: n.ID, Name: "Gdańsk"}); err != nil {
		t.Fatal(err)
	}
	var ce *ConstraintError
	if _, err := s.SavePartner(ctx, Partner{NetworkID: n.ID, Name: " GDAŃSK "}); !errors.As(err, &ce) {
		t.Fatalf("duplicate name: %v, want ConstraintError", err)
	}
}

func TestSavePartnersIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	n := newNetwork(t, s)
	bad := -5.0
	_, err := s.SavePartners(ctx, []Partner{
		{NetworkID: n.ID, Name: "Aarhus"},
		{NetworkID: n.ID, Name: "Iași", UnemploymentRate: &bad},
	})
	if err == nil {
		t.Fatal("a negative rate was stored")
	}
	if ps, _ := s.Partners(ctx, n.ID); len(ps) != 0 {
		t.Fatalf("a failed batch left %d partners", len(ps))
	}
}

func TestPartnerRoundTripKeepsEveryField(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	n := newNetwork(t, s)
	pop, cs := int64(393574), int64(1200)
	ur, yur := 3.03, 0.75
	in := Partner{NetworkID: n.ID, Name: "Iași", ShortName: "IAS", Country: "Romania", Region: "Nord-Est", Role: RoleLeadPartner,
		Population: &pop, DemographicProfile: "d", UnemploymentRate: &ur, YouthUnemploymentRate: &yur, EconomyProfile: "e",
		FunctionalUrbanArea: "f", CivilServants: &cs, ULGCoordinator: "u", ContactEmail: "a@b.ro", ParticipationContext: "pc",
		ParticipationInPractice: "pp", NextSteps: "ns", IAPFocus: "if", TestingAction: "ta"}
	saved, err := s.SavePartner(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Partner(ctx, saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	in.ID = saved.ID
	if *got.Population != pop || *got.UnemploymentRate != ur || *got.YouthUnemploymentRate != yur || *got.CivilServants != cs {
		t.Fatalf("numbers changed: %+v", got)
	}
	got.Population, got.UnemploymentRate, got.YouthUnemploymentRate, got.CivilServants = in.Population, in.UnemploymentRate, in.YouthUnemploymentRate, in.CivilServants
	if got != in {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, in)
	}
	if _, err := s.Partner(ctx, "no-such-id"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing partner: %v", err)
	}
}

func TestNameKeyFoldsCaseAccentsAndSpaces(t *testing.T) {
	same := [][2]string{{"Gdańsk", "GDANSK"}, {"Budaörs", "budaors"}, {"Iași", "IASI"}, {"Banská  Bystrica", "banska bystrica"},
		{"Ķekava", "Kekava"}, {"Łódź", "lodz"}, {" Quart de Poblet ", "quart de poblet"}}
	for _, p := range same {
		if NameKey(p[0]) != NameKey(p[1]) {
			t.Errorf("NameKey(%q)=%q != NameKey(%q)=%q", p[0], NameKey(p[0]), p[1], NameKey(p[1]))
		}
	}
	if NameKey("Breda") == NameKey("Genk") {
		t.Error("different names folded together")
	}
}
