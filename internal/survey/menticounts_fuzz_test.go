package survey

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// sessionSheetSeed is a Session sheet of every kind of block, as text:
// rows on lines, cells separated by tabs.
const sessionSheetSeed = "Question 1\nType\tchoices\nQuestion\tWhere?\nRespondents\t3\nChoices\tVotes\nGenk\t2\nBraga\t1\nIași\t0\n\n" +
	"Question 2\nType\tscales\nQuestion\tHow useful?\nRespondents\t3\nChoices\tWeighted average\t1\t2\t3\nContent\t2.3\t0\t2\t1\n\n" +
	"Question 3\nType\twordcloud\nQuestion\tOne word\nRespondents\t2\nResponses\ntrust\nyouth\n\n" +
	"Question 4\nType\topen\nQuestion\tIdeas\nRespondents\t1\nResponses\nMore walks\n\n" +
	"Question 5\nType\tranking\nQuestion\tRank\nRespondents\t2\nChoices\t1\t2\nA\t2\t0\nB\t0\t2\n\n" +
	"Slide 6\nType\tslide\nQuestion\tThanks\n"

// writeSessionBook writes a workbook whose only sheet is "Session 1",
// made of text rows (tab-separated cells).
func writeSessionBook(t testing.TB, path, sheetText string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Session 1")
	for i, line := range strings.Split(sheetText, "\n") {
		if i >= 300 {
			break
		}
		cells := strings.Split(line, "\t")
		row := make([]any, len(cells))
		for j, c := range cells {
			row[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Session 1", cell, &row); err != nil {
			t.Skip(err) // text excelize will not store (too long, bad XML)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// FuzzSessionSheets imports workbooks without a Voters sheet whose Session
// sheet is any text: never a panic, an error is a FileError, and results
// hold no negative count.
func FuzzSessionSheets(f *testing.F) {
	f.Add(sessionSheetSeed)
	f.Add("Question 1\nType\tchoices\nQuestion\tQ\nRespondents\t2\nChoices\tVotes\nA\t-3\n")
	f.Add("Question 1\nType\tscales\nQuestion\tQ\nChoices\tWeighted average\t1\t99999999999\nA\t1\t1\t1\n")
	f.Add("Question 1\nType\t100 points\nQuestion\tQ\nRespondents\t1\nChoices\t0\t100\nA\t0\t1\n")
	f.Add("Question 1\nQuestion 2\nType\tqfa\n")
	s, n := demoStore(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, sheetText string) {
		path := filepath.Join(dir, "book.xlsx")
		writeSessionBook(t, path, sheetText)
		defer os.Remove(path)
		sv, _, err := Import(context.Background(), s, n.ID, path, Options{Title: "fuzz"})
		if err != nil {
			var fe *tabular.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		defer s.Update(context.Background(), func(tx *data.Tx) error { _, err := tx.DeleteSurvey(sv.ID); return err })
		res, err := LoadResults(context.Background(), s, sv, "")
		if err != nil {
			t.Fatal(err)
		}
		if !res.Survey.CountsOnly || res.Survey.Respondents < 0 {
			t.Fatalf("survey %+v", res.Survey)
		}
		for _, q := range res.Questions {
			negative := q.Respondents < 0
			for _, o := range q.Options {
				negative = negative || o.Count < 0
			}
			for _, st := range q.Statements {
				negative = negative || st.Count < 0
			}
			for _, it := range q.Items {
				negative = negative || it.Count < 0 || it.Total < 0
			}
			for _, w := range q.Words {
				negative = negative || w.Count < 0
			}
			if negative {
				t.Fatalf("a negative count in %+v", q)
			}
		}
	})
}

// A Session sheet's figure no tool writes is refused with the sheet, row
// and column, and nothing is stored.
func TestSessionSheetFiguresChecked(t *testing.T) {
	s, n := demoStore(t)
	for sheet, want := range map[string]string{
		"Question 1\nType\tchoices\nQuestion\tQ\nRespondents\t2\nChoices\tVotes\nA\t-3\n":                       `sheet Session 1, line 6, column 2 (B): holds "-3" where Mentimeter writes a number of votes`,
		"Question 1\nType\tchoices\nQuestion\tQ\nRespondents\tmany\n":                                           `line 4, column 2 (B): holds "many" where Mentimeter writes a number of respondents`,
		"Question 1\nType\tscales\nQuestion\tQ\nRespondents\t1\nChoices\tWeighted average\t1\t50\nA\t1\t1\t0\n": `line 5: heads a scale from 1 to 50 for "Q"`,
		"Question 1\nType\tscales\nQuestion\tQ\nRespondents\t1\nChoices\tWeighted average\t1\t2\nA\t1\tx\t0\n":  `line 6, column 3 (C): holds "x" where Mentimeter writes how many gave 1`,
	} {
		path := filepath.Join(t.TempDir(), "book.xlsx")
		writeSessionBook(t, path, sheet)
		_, _, err := Import(context.Background(), s, n.ID, path, Options{Title: "checked"})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want %q", err, want)
		}
	}
	if svs, _ := s.Surveys(context.Background(), n.ID); len(svs) != 0 {
		t.Fatalf("refused files stored %d surveys", len(svs))
	}
}
