package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

const corpusDir = "../../internal/survey/testdata/corpus/"

// survey import --dry-run tells the plan and its rules and stores nothing;
// --session picks one session, refuses one the file lacks, or makes each
// its own survey.
func TestSurveyImportDryRunAndSessions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	out := mustRunOK(t, "", "survey", "import", corpusDir+"menti-disagree.xlsx", "--db", db, "--dry-run")
	for _, want := range []string{"Nothing was stored", "why: one option per cell", "reactions to content slides are not imported",
		`disagree on 1 option;`, `"Genk": 6 in the Session sheet, 5 voters (-1)`} {
		if !strings.Contains(out, want) {
			t.Fatalf("dry run lacks %q:\n%s", want, out)
		}
	}
	if list := mustRunOK(t, "", "survey", "list", "--json", "--db", db); strings.TrimSpace(list) != "[]" {
		t.Fatalf("the dry run stored %s", list)
	}
	if code, _, stderr := aoce(t, "", "survey", "import", corpusDir+"menti-sessions.xlsx", "--db", db, "--session", "5"); code != 1 || !strings.Contains(stderr, "its sessions are 1, 2, 3") {
		t.Fatalf("a missing session: %d %s", code, stderr)
	}
	mustRunOK(t, "", "survey", "import", corpusDir+"menti-sessions.xlsx", "--db", db, "--session", "2", "--title", "S2")
	mustRunOK(t, "", "survey", "import", corpusDir+"menti-sessions.xlsx", "--db", db, "--session", "each", "--title", "MC", "--keep-both")
	var list []surveyJSON
	json.Unmarshal([]byte(mustRunOK(t, "", "survey", "list", "--json", "--db", db)), &list)
	var got []string
	for _, sv := range list {
		got = append(got, sv.Title)
	}
	if len(list) != 4 || !strings.Contains(strings.Join(got, "|"), "MC — session 3") {
		t.Fatalf("surveys %q", got)
	}
	for _, sv := range list {
		if sv.Respondents != 12 {
			t.Fatalf("%q has %d respondents, want one session's 12", sv.Title, sv.Respondents)
		}
	}
}

// A Mentimeter file without its Voters sheet: the dry run says it holds
// counts per question only; the import stores them, and the results say
// so, with every option (those nobody chose too) and the audience's Q&A.
func TestSurveyImportWithoutVoters(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	file := corpusDir + "menti-no-voters.xlsx"
	out := mustRunOK(t, "", "survey", "import", file, "--db", db, "--dry-run")
	for _, want := range []string{"No Voters sheet: counts per question only, no per-respondent answers, no city.", "It would import at least 28 respondents", "Sessions: 1, 2"} {
		if !strings.Contains(out, want) {
			t.Fatalf("dry run lacks %q:\n%s", want, out)
		}
	}
	out = mustRunOK(t, "", "survey", "import", file, "--db", db, "--title", "No voters", "--session", "2")
	if !strings.Contains(out, "at least 14 respondents (counts per question only") {
		t.Fatalf("import said:\n%s", out)
	}
	var res struct {
		Survey struct {
			Respondents int  `json:"respondents"`
			CountsOnly  bool `json:"counts_only"`
		} `json:"survey"`
		Questions []struct {
			Kind    string `json:"kind"`
			Options []struct {
				Label string `json:"label"`
				Count int    `json:"count"`
			} `json:"options"`
			Audience []struct {
				Text string `json:"text"`
			} `json:"audience"`
		} `json:"questions"`
	}
	if err := json.Unmarshal([]byte(mustRunOK(t, "", "survey", "results", "No voters", "--json", "--db", db)), &res); err != nil {
		t.Fatal(err)
	}
	if !res.Survey.CountsOnly || res.Survey.Respondents != 14 || len(res.Questions) != 10 {
		t.Fatalf("results %+v", res)
	}
	last := res.Questions[len(res.Questions)-1]
	if first := res.Questions[0]; len(first.Options) != 4 || first.Options[3].Count != 0 || last.Kind != "qa" || len(last.Audience) != 1 {
		t.Fatalf("first question %+v, last %+v", first, last)
	}
}
