package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// 'survey results --json' of a Google Forms file with a partner column
// carries respondents_by_partner: every partner with its count, and those
// matched to none.
func TestSurveyResultsJSONRespondentsByPartner(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	file := filepath.Join(dir, "google.csv")
	os.WriteFile(file, []byte("Timestamp,Which city do you represent?,Main learning need\n"+
		"2024/01/25 10:01:02 AM CET,Genk,Youth involvement\n2024/01/25 10:02:02 AM CET,Iasi,Budgeting\n"+
		"2024/01/25 10:03:02 AM CET,Genk,Budgeting\n2024/01/25 10:04:02 AM CET,Gotham,Budgeting\n"), 0o644)
	mustRunOK(t, "", "survey", "import", file, "--db", db, "--title", "OA2")
	var res struct {
		ByPartner *struct {
			Partners []struct {
				PartnerID string  `json:"partner_id"`
				Name      string  `json:"name"`
				Count     int     `json:"count"`
				Percent   float64 `json:"percent"`
			} `json:"partners"`
			Unmatched int `json:"unmatched"`
		} `json:"respondents_by_partner"`
	}
	out := mustRunOK(t, "", "survey", "results", "OA2", "--json", "--db", db)
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	b := res.ByPartner
	if b == nil || len(b.Partners) < 2 || b.Unmatched != 1 {
		t.Fatalf("respondents_by_partner %+v in\n%s", b, out)
	}
	if p := b.Partners[0]; p.Name != "Genk" || p.Count != 2 || p.Percent != 50 || p.PartnerID == "" {
		t.Fatalf("first %+v", p)
	}
	if p := b.Partners[1]; p.Name != "Iași" || p.Count != 1 {
		t.Fatalf("second %+v", p)
	}
	text := mustRunOK(t, "", "survey", "results", "OA2", "--db", db)
	if !strings.Contains(text, "Respondents per partner:") || !strings.Contains(text, "2   50.0%  Genk") || !strings.Contains(text, "1          matched to no partner") {
		t.Fatalf("text results:\n%s", text)
	}
}

// 'survey import --title T --meeting M' names the survey and links it to
// the meeting, for answer files and question templates alike.
func TestSurveyImportTitleAndMeeting(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	file := filepath.Join(dir, "answers.csv")
	os.WriteFile(file, []byte("Timestamp,Need\n1,Trust\n"), 0o644)
	mustRunOK(t, "", "survey", "import", file, "--db", db, "--title", "CNM2 needs", "--meeting", "Core Network Meeting 2")
	mustRunOK(t, "", "survey", "import", "../../assets/examples/survey-template.csv", "--db", db, "--title", "CNM2 live", "--meeting", "Core Network Meeting 2")
	var list []surveyJSON
	json.Unmarshal([]byte(mustRunOK(t, "", "survey", "list", "--json", "--db", db)), &list)
	if len(list) != 2 || list[0].Title != "CNM2 live" || list[1].Title != "CNM2 needs" || list[0].MeetingID == "" || list[0].MeetingID != list[1].MeetingID {
		t.Fatalf("surveys %+v", list)
	}
	if code, _, stderr := aoce(t, "", "survey", "import", file, "--db", db, "--keep-both", "--meeting", "Gotham"); code != 1 || !strings.Contains(stderr, `no meeting with id or title "Gotham"`) {
		t.Fatalf("an unknown meeting: %d %s", code, stderr)
	}
}
