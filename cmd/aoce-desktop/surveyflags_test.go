package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// survey import --dry-run refuses a session the file lacks as the import
// does, counts the reactions of the session chosen, and names the
// partner column; --partner-column and --sheet choose what the guess would not.
func TestSurveyImportDryRunSessionPartnerSheet(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	if code, _, stderr := aoce(t, "", "survey", "import", corpusDir+"menti-sessions.xlsx", "--db", db, "--session", "5", "--dry-run"); code != 1 || !strings.Contains(stderr, "its sessions are 1, 2, 3") {
		t.Fatalf("a missing session in a dry run: %d %s", code, stderr)
	}
	out := mustRunOK(t, "", "survey", "import", corpusDir+"menti-sessions.xlsx", "--db", db, "--session", "1", "--dry-run")
	for _, want := range []string{"3 reactions to content slides", `Partner column: "Which city do you come from?:"`} {
		if !strings.Contains(out, want) {
			t.Fatalf("dry run lacks %q:\n%s", want, out)
		}
	}
	review := "../../internal/survey/testdata/review/"
	if code, _, stderr := aoce(t, "", "survey", "import", review+"hidden.xlsx", "--db", db, "--sheet", "Answers"); code != 1 || !strings.Contains(stderr, `has no sheet "Answers"`) {
		t.Fatalf("a missing sheet: %d %s", code, stderr)
	}
	mustRunOK(t, "", "survey", "import", review+"menti-edge.xlsx", "--db", db, "--partner-column", "Where do you come from?", "--title", "Edge")
	var res struct {
		Questions []struct{ Prompt string } `json:"questions"`
	}
	if err := json.Unmarshal([]byte(mustRunOK(t, "", "survey", "results", "Edge", "--json", "--db", db)), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Questions) != 3 || res.Questions[0].Prompt != "Pick one" {
		t.Fatalf("the partner column is still a question: %+v", res.Questions)
	}
}
