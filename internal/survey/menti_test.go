package survey

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

var mentiVoters = [][]any{
	{"Results of Online Academy 1"},
	{"Exported 2024-01-26"},
	{"Date (UTC)", "Session", "Voter", "Which topics?: 1", "Which topics?: 2", "How useful?: Content", "How useful?: Speakers", "Three words:", "Ideas: 1", "Upvotes", "Ideas: 2", "Upvotes", ":"},
	{"2024-01-25 10:00", "1.0", "v1", "Trust", "Youth", 5, 4, "civic_trust youth", "More walkshops", 2, "", "", "👍"},
	{"2024-01-25 10:01", "1.0", "v2", "Youth", "", 3, 3, "youth dialogue", "", "", "", "", ""},
	{"2024-01-25 10:02", "1", "v3", "Budget", "Trust", 4, 5, "civic_trust", "Peer visits", 0, "Shorter talks", 1, ""},
}

func mentiXLSX(t *testing.T, withSessionSheet bool) []byte {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Voters")
	for i, row := range mentiVoters {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		r := row
		f.SetSheetRow("Voters", cell, &r)
	}
	if withSessionSheet {
		f.NewSheet("Session 1")
		blocks := [][]any{
			{"Question 1"}, {"Date", "2024-01-25"}, {"Session", "1"}, {"Type", "choices"}, {"Question", "Which topics?"}, {"Respondents", 3},
			{"Question 2"}, {"Type", "scales"}, {"Question", "How useful?"},
			{"Question 3"}, {"Type", "wordcloud"}, {"Question", "Three words"},
			{"Question 4"}, {"Type", "open"}, {"Question", "Ideas"},
		}
		for i, row := range blocks {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			r := row
			f.SetSheetRow("Session 1", cell, &r)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func checkMenti(t *testing.T, r Results) {
	t.Helper()
	if r.Survey.Respondents != 3 || r.Survey.Format != "mentimeter" || len(r.Questions) != 4 {
		t.Fatalf("survey %+v with %d questions: %+v", r.Survey, len(r.Questions), r.Questions)
	}
	topics := question(t, r, "Which topics?")
	if topics.Kind != data.KindMultipleChoice || option(topics, "Trust") != 2 || option(topics, "Youth") != 2 || option(topics, "Budget") != 1 {
		t.Fatalf("topics %+v", topics)
	}
	use := question(t, r, "How useful?")
	if use.Kind != data.KindScales || use.Statements[0].Label != "Content" || use.Statements[0].Mean != 4 || use.Statements[1].Mean != 4 {
		t.Fatalf("scales %+v", use)
	}
	words := question(t, r, "Three words")
	if words.Kind != data.KindWordCloud || words.Words[0].Word != "civic trust" || words.Words[0].Count != 2 {
		t.Fatalf("word cloud %+v", words)
	}
	ideas := question(t, r, "Ideas")
	if ideas.Kind != data.KindOpenEnded || ideas.Respondents != 2 {
		t.Fatalf("open %+v", ideas)
	}
}

func TestMentimeterXLSX(t *testing.T) {
	s, n := demoStore(t)
	r, _ := importFile(t, s, n, "menti.xlsx", mentiXLSX(t, true), Options{})
	checkMenti(t, r)
}

func TestMentimeterVotersSavedAsCSV(t *testing.T) {
	s, n := demoStore(t)
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	for _, row := range mentiVoters {
		rec := make([]string, len(row))
		for i, v := range row {
			rec[i] = fmtAny(v)
		}
		w.Write(rec)
	}
	w.Flush()
	r, _ := importFile(t, s, n, "voters.csv", buf.Bytes(), Options{})
	checkMenti(t, r)
}

func fmtAny(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return itoa(x)
	}
	return ""
}
