package data

import (
	"context"
	"testing"
)

// A database made before the search index gets one at its upgrade: the
// records' words and the text answers already stored.
func TestSearchMigrationIndexesWhatIsStored(t *testing.T) {
	ctx := context.Background()
	saved := migrations
	migrations = migrationsBefore(t, "_search.sql")
	t.Cleanup(func() { migrations = saved })
	path := tempDB(t)
	s := openWriter(t, path)
	n, err := s.CreateNetwork(ctx, Network{Name: "Before search"})
	if err != nil {
		t.Fatal(err)
	}
	oldSchemaPartner(t, s, n.ID, "Iași", 0)
	for _, q := range []string{
		`INSERT INTO surveys (id, network_id, title, created_at, updated_at) VALUES ('sv', '` + n.ID + `', 'Old survey', '', '')`,
		`INSERT INTO survey_questions (id, survey_id, position, kind, prompt) VALUES ('q0', 'sv', 0, 'single_choice', 'City'),
			('q1', 'sv', 1, 'open_ended', 'Learned'), ('q2', 'sv', 2, 'word_cloud', 'Words')`,
		"INSERT INTO survey_respondents (survey_id, position, answers) VALUES ('sv', 0, 'Genk' || char(30) || 'Budgets in Kraków' || char(30) || 'trust' || char(31) || 'café'), " +
			"('sv', 1, 'Kraków' || char(30) || '' || char(30) || 'youth')",
	} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	migrations = saved
	s = openWriter(t, path)
	hits, _, err := s.Search(ctx, n.ID, "iasi")
	if err != nil || len(hits) != 1 || hits[0].Kind != SearchPartner {
		t.Fatalf("iasi after the upgrade: %+v %v", hits, err)
	}
	for typed, want := range map[string][2]int{"krakow": {0, 1}, "cafe": {0, 2}, "youth": {1, 2}} {
		hits, _, err := s.Search(ctx, n.ID, typed)
		if err != nil || len(hits) != 1 || hits[0].Kind != SearchAnswer || hits[0].Respondent != want[0] || hits[0].Question != want[1] {
			t.Errorf("%s after the upgrade: %+v %v, want respondent %d question %d", typed, hits, err, want[0], want[1])
		}
	}
}
