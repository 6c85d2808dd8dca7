package data

import (
	"context"
	"maps"
	"testing"
)

func respondentsByPartner(t *testing.T, s *Store, surveyID string) map[string]int {
	t.Helper()
	prs, err := s.SurveyRespondentsByPartner(context.Background(), surveyID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, pr := range prs {
		out[pr.PartnerID] = pr.Count
	}
	return out
}

// The counts follow every way respondents come and go: imported rows, a
// live participant, a partner's delete (its respondents lose their partner)
// and its restore from the trash.
func TestSurveyRespondentsByPartnerFollowChanges(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	n, _ := s.CreateNetwork(ctx, Network{Name: "N"})
	genk, _ := s.SavePartner(ctx, Partner{NetworkID: n.ID, Name: "Genk", Role: RoleLeadPartner})
	iasi, _ := s.SavePartner(ctx, Partner{NetworkID: n.ID, Name: "Iași", Role: RolePartner})
	var sv Survey
	err := s.Update(ctx, func(tx *Tx) error {
		var err error
		if sv, err = tx.CreateSurvey(Survey{NetworkID: n.ID, Title: "S"}); err != nil {
			return err
		}
		return tx.AddRespondents(sv.ID, []Respondent{{Position: 0, PartnerID: genk.ID}, {Position: 1, PartnerID: iasi.ID}, {Position: 2, PartnerID: genk.ID}, {Position: 3}})
	})
	if err != nil {
		t.Fatal(err)
	}
	check := func(when string, want map[string]int) {
		t.Helper()
		if got := respondentsByPartner(t, s, sv.ID); !maps.Equal(got, want) {
			t.Fatalf("%s: %v, want %v", when, got, want)
		}
	}
	check("after the import", map[string]int{genk.ID: 2, iasi.ID: 1, "": 1})
	if err := s.Update(ctx, func(tx *Tx) error { _, err := tx.AddLiveParticipant(sv.ID, "token", iasi.ID, "live", 0); return err }); err != nil {
		t.Fatal(err)
	}
	check("after a live participant", map[string]int{genk.ID: 2, iasi.ID: 2, "": 1})
	trashID, err := s.DeletePartner(ctx, iasi.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("after Iași was deleted", map[string]int{genk.ID: 2, "": 3})
	if _, err := s.RestoreTrash(ctx, trashID); err != nil {
		t.Fatal(err)
	}
	check("after Iași was restored", map[string]int{genk.ID: 2, iasi.ID: 2, "": 1})
}

// A database from before the counts gets them at its upgrade.
func TestSurveyPartnerCountsMigrationCountsWhatIsStored(t *testing.T) {
	ctx := context.Background()
	saved := migrations
	migrations = migrationsBefore(t, "_survey_partner_respondents.sql")
	t.Cleanup(func() { migrations = saved })
	path := tempDB(t)
	s := openWriter(t, path)
	n, _ := s.CreateNetwork(ctx, Network{Name: "Before"})
	genk, _ := s.SavePartner(ctx, Partner{NetworkID: n.ID, Name: "Genk", Role: RoleLeadPartner})
	for _, q := range []string{
		`INSERT INTO surveys (id, network_id, title, created_at, updated_at) VALUES ('sv', '` + n.ID + `', 'Old survey', '', '')`,
		`INSERT INTO survey_respondents (survey_id, position, partner_id, answers) VALUES ('sv', 0, '` + genk.ID + `', ''), ('sv', 1, '` + genk.ID + `', ''), ('sv', 2, NULL, '')`,
	} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	migrations = saved
	s = openWriter(t, path)
	if got := respondentsByPartner(t, s, "sv"); !maps.Equal(got, map[string]int{genk.ID: 2, "": 1}) {
		t.Fatalf("after the upgrade: %v", got)
	}
}
