package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// search on the command line: the window's hits and groups, --kind,
// --network, --json, and the mistakes refused.
func TestSearchCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	mustRunOK(t, "", "network", "create", "--db", db, "--name", "Cities of Water")
	file := filepath.Join(dir, "academy.csv")
	os.WriteFile(file, []byte("Timestamp,City,What did you learn at the academy?\n"+
		"1,Genk,We walked the neighbourhood with the residents\n2,Breda,A zeppelin hangar in Gdańsk can host a citizens' assembly\n"), 0o644)
	mustRunOK(t, "", "survey", "import", file, "--db", db, "--title", "OA1", "--network", "Agents of Co-Existence")

	text := mustRunOK(t, "", "search", "gdansk", "--db", db, "--network", "Agents of Co-Existence")
	if !strings.HasPrefix(text, "Partners\n  Gdańsk — ") || !strings.Contains(text, "[Gdańsk]") ||
		!strings.Contains(text, "\nSurvey answers\n  OA1 · What did you learn at the academy? · respondent 2 — A zeppelin hangar in [Gdańsk]") {
		t.Errorf("search gdansk:\n%s", text)
	}

	var got searchJSON
	if err := json.Unmarshal([]byte(mustRunOK(t, "", "search", "gdansk", "--json", "--db", db)), &got); err != nil {
		t.Fatal(err)
	}
	// The window groups the store's hits with the same GroupHits: the
	// command shows exactly those, in that order.
	s, err := data.Open(db, data.Reader)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, err := s.NetworkByName(context.Background(), "Agents of Co-Existence")
	if err != nil {
		t.Fatal(err)
	}
	hits, more, err := s.Search(context.Background(), n.ID, "gdansk")
	if err != nil {
		t.Fatal(err)
	}
	want := data.GroupHits(hits, more)
	if got.Network.Name != n.Name || got.Query != "gdansk" || len(got.Groups) != len(want) || len(want) < 3 {
		t.Fatalf("json: %+v, want %d groups", got, len(want))
	}
	for i, g := range want {
		gj := got.Groups[i]
		if gj.Kind != g.Kind || gj.Heading != g.Heading || len(gj.Hits) != len(g.Hits) || gj.Hits[0].ID != g.Hits[0].ID {
			t.Errorf("group %d: %+v, want %s %q with %d hits", i, gj, g.Kind, g.Heading, len(g.Hits))
		}
	}
	answers := got.Groups[len(got.Groups)-1]
	if a := answers.Hits[0]; answers.Kind != data.SearchAnswer || a.Respondent == nil || *a.Respondent != 1 || a.Position == nil ||
		a.Question != "What did you learn at the academy?" || !slices.Equal(a.Matches, []string{"Gdańsk"}) {
		t.Errorf("the answer: %+v", answers)
	}

	only := mustRunOK(t, "", "search", "gdansk", "--kind", "answer", "--kind", "partner", "--db", db)
	if !strings.HasPrefix(only, "Partners\n") || strings.Count(only, "\n\n") != 1 || !strings.Contains(only, "\nSurvey answers\n") {
		t.Errorf("--kind answer --kind partner:\n%s", only)
	}
	if out := mustRunOK(t, "", "search", "gdansk", "--network", "Cities of Water", "--db", db); out != "No match for “gdansk” in Cities of Water.\n" {
		t.Errorf("the other network: %q", out)
	}
	if code, _, stderr := aoce(t, "", "search", "gdansk", "--kind", "city", "--db", db); code != 2 || !strings.Contains(stderr, `unknown kind "city": the kinds are partner, practice, sub_theme`) {
		t.Errorf("--kind city: %d %s", code, stderr)
	}
	if code, _, stderr := aoce(t, "", "search", "…", "--db", db); code != 2 || !strings.Contains(stderr, "nothing to search for") {
		t.Errorf("search …: %d %s", code, stderr)
	}
}
