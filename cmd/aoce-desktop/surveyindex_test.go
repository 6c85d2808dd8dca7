package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// survey import makes the answers searchable before it returns.
func TestSurveyImportIndexesTheAnswersForSearch(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	file := filepath.Join(dir, "academy.csv")
	os.WriteFile(file, []byte("Timestamp,City,What did you learn at the academy?\n"+
		"1,Genk,We walked the neighbourhood with the residents and mapped the empty shops together\n"+
		"2,Breda,A zeppelin hangar can host a citizens' assembly if the acoustics are fixed first\n"+
		"3,Genk,Participatory budgeting needs a clear timetable and feedback to every proposer\n"), 0o644)
	out := mustRunOK(t, "", "survey", "import", file, "--db", db, "--title", "OA1")
	s, err := data.Open(db, data.Reader)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ns, err := s.Networks(context.Background())
	if err != nil || len(ns) != 1 {
		t.Fatal(ns, err)
	}
	hits, _, err := s.Search(context.Background(), ns[0].ID, "zeppelin")
	if err != nil || len(hits) != 1 || hits[0].Kind != data.SearchAnswer || hits[0].Respondent != 1 {
		t.Errorf("zeppelin after survey import: %+v %v\n%s", hits, err, out)
	}
	if ids, err := s.SurveysToIndex(context.Background()); err != nil || len(ids) != 0 {
		t.Errorf("left to index: %v %v", ids, err)
	}
}
