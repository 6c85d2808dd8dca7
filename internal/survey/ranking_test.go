package survey

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// A generic tab-separated sheet with a ranking and a 100-points question
// as grids (one column per item) and a ranking written as the items in
// order of preference in one cell.
var rankingTSV = strings.Join([]string{
	"City\tRank the formats [Study visit]\tRank the formats [Masterclass]\tRank the formats [Peer review]\tShare 100 points [Youth]\tShare 100 points [Budget]\tRank the sub-themes",
	"Genk\t1\t2\t3\t50\t50\tParticipatory budget; NGOs",
	"Braga\t2\t1\t3\t100\t\tNGOs; Participatory budget; Legislation",
	"Varna\t1\t3\t2\t20\t80\tParticipatory budget",
}, "\n")

func TestRankingAndPointsImport(t *testing.T) {
	s, n := demoStore(t)
	res, plan := importFile(t, s, n, "ranking.tsv", []byte(rankingTSV), Options{})
	kinds := map[string]string{}
	for _, q := range plan.Questions {
		kinds[q.Prompt] = q.Kind
	}
	if kinds["Rank the formats"] != data.KindRanking || kinds["Share 100 points"] != data.KindPoints || kinds["Rank the sub-themes"] != data.KindRanking {
		t.Fatalf("kinds guessed %v", kinds)
	}

	formats := question(t, res, "Rank the formats")
	want := []ItemResult{{"Study visit", 3, 4.0 / 3, 4}, {"Masterclass", 3, 2, 6}, {"Peer review", 3, 8.0 / 3, 8}}
	assertItems(t, formats.Items, want)

	points := question(t, res, "Share 100 points")
	// Braga gave Budget nothing: it counts as 0 in the average over 3 respondents.
	assertItems(t, points.Items, []ItemResult{{"Youth", 3, 170.0 / 3, 170}, {"Budget", 2, 130.0 / 3, 130}})

	subThemes := question(t, res, "Rank the sub-themes")
	assertItems(t, subThemes.Items, []ItemResult{{"Participatory budget", 3, 4.0 / 3, 4}, {"NGOs", 2, 1.5, 3}, {"Legislation", 1, 3, 3}})
}

func assertItems(t *testing.T, got, want []ItemResult) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("items %+v, want %+v", got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Label != w.Label || g.Count != w.Count || g.Total != w.Total || abs(g.Average-w.Average) > 1e-9 {
			t.Errorf("item %d = %+v, want %+v", i, g, w)
		}
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func TestRankingRejectsBadRanks(t *testing.T) {
	s, n := demoStore(t)
	cases := map[string]string{
		"out of range": "City,Rank the formats [A],Rank the formats [B]\nGenk,1,2\nBraga,3,1\n",
		"twice":        "City\tRank the sub-themes\nGenk\tA;B\nBraga\tA;B;A\n",
		"negative":     "City,Share 100 points [A],Share 100 points [B]\nGenk,50,50\nBraga,-10,110\n",
	}
	for name, raw := range cases {
		_, _, err := Import(context.Background(), s, n.ID, writeFile(t, name+".csv", []byte(raw)), Options{})
		if err == nil {
			t.Errorf("%s: imported", name)
			continue
		}
		if !strings.Contains(err.Error(), "line 3") {
			t.Errorf("%s: %v does not name line 3", name, err)
		}
	}
	if svs, _ := s.Surveys(context.Background(), n.ID); len(svs) != 0 {
		t.Errorf("failed imports stored %d surveys", len(svs))
	}
}

func TestSearchAnswers(t *testing.T) {
	s, n := demoStore(t)
	sv, _, err := Import(context.Background(), s, n.ID, writeFile(t, "google.csv", []byte(googleCSV)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := LoadResults(context.Background(), s, sv, "")
	if err != nil {
		t.Fatal(err)
	}
	comments := question(t, res, "Comments").Position - 1
	all, err := SearchAnswers(context.Background(), s, sv, comments, "", "", 10)
	if err != nil || all.Total != 3 {
		t.Fatalf("all answers: %+v, %v", all, err)
	}
	page, err := SearchAnswers(context.Background(), s, sv, comments, "", "WALKSHOP", 1)
	if err != nil || page.Total != 2 || len(page.Answers) != 1 || page.Answers[0].Text != "The walkshop was great, more please" || page.Answers[0].Respondent != 1 {
		t.Fatalf("search walkshop: %+v, %v", page, err)
	}
	iasi, _ := s.PartnerByName(context.Background(), n.ID, "Iasi")
	mine, err := SearchAnswers(context.Background(), s, sv, comments, iasi.ID, "", 10)
	if err != nil || mine.Total != 1 || mine.Answers[0].Text != "Too short; more time for groups" {
		t.Fatalf("Iași's answers: %+v, %v", mine, err)
	}
	// An answer hidden from the room in a live session is listed, marked.
	if err := s.SetLiveAnswerHidden(context.Background(), sv.ID, data.HiddenAnswer{Question: comments, Position: 0}, true); err != nil {
		t.Fatal(err)
	}
	all, err = SearchAnswers(context.Background(), s, sv, comments, "", "", 10)
	if err != nil || all.Total != 3 || all.Hidden != 1 || !all.Answers[0].Hidden || all.Answers[1].Hidden || all.Answers[2].Hidden {
		t.Fatalf("with the first answer hidden: %+v, %v", all, err)
	}
}

// The example in assets/ (a Google Forms download of an Online Academy's
// learning-needs survey) has every kind a form can hold; the expected
// figures were counted from the file with a separate script.
func TestOnlineAcademyExample(t *testing.T) {
	raw, err := os.ReadFile("../../assets/examples/online-academy-2.csv")
	if err != nil {
		t.Fatal(err)
	}
	s, n := demoStore(t)
	res, _ := importFile(t, s, n, "online-academy-2.csv", raw, Options{})
	if res.Survey.Respondents != 27 || res.Survey.Format != "google" {
		t.Fatalf("survey %+v", res.Survey)
	}
	kinds := []string{data.KindSingleChoice, data.KindMultipleChoice, data.KindScales, data.KindWordCloud, data.KindRanking, data.KindPoints, data.KindOpenEnded}
	if len(res.Questions) != len(kinds) {
		t.Fatalf("%d questions", len(res.Questions))
	}
	for i, k := range kinds {
		if res.Questions[i].Kind != k {
			t.Errorf("question %d is %s, want %s", i+1, res.Questions[i].Kind, k)
		}
	}
	q := res.Questions
	if q[0].Respondents != 26 || q[0].Skipped != 1 || option(q[0], "Working together with citizens") != 10 {
		t.Errorf("theme %+v", q[0])
	}
	if option(q[1], "Thematic working group") != 14 {
		t.Errorf("formats %+v", q[1])
	}
	if st := q[2].Statements[0]; st.Count != 26 || st.Values["4"] != 12 || st.Values["1"] != 1 || abs(st.Mean-88.0/26) > 1e-9 {
		t.Errorf("young people %+v", st)
	}
	if q[3].Words[0] != (WordResult{"dialogue", 12}) {
		t.Errorf("words %+v", q[3].Words[:3])
	}
	assertItems(t, q[4].Items, []ItemResult{{"Cooperation with NGOs", 27, 46.0 / 27, 46}, {"Clear legislative framework", 27, 53.0 / 27, 53}, {"Participatory budget", 27, 63.0 / 27, 63}})
	assertItems(t, q[5].Items, []ItemResult{{"Digital platform", 27, 1150.0 / 27, 1150}, {"Citizen panels", 27, 1010.0 / 27, 1010}, {"Staff training", 27, 540.0 / 27, 540}})
	if q[6].Respondents != 18 || q[6].Skipped != 9 {
		t.Errorf("open %+v", q[6])
	}
}
