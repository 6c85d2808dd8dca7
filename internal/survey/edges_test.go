package survey

import (
	"context"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Cases a reviewer found: a late value beyond the guessed scale, a city
// that is no partner, an option ticked twice, a cell far too long.
func TestImportEdges(t *testing.T) {
	s, n := demoStore(t)
	late := "City,Rating\n" + strings.Repeat("Genk,3\nGdańsk,5\n", 300) + "Unknown Town,0\nunknown town,1\n"
	sv, rep, err := Import(context.Background(), s, n.ID, writeFile(t, "late.csv", []byte(late)), Options{})
	if err != nil {
		t.Fatalf("a 0 on line 602 of a 1–5 scale: %v", err)
	}
	qs, _ := s.SurveyQuestions(context.Background(), sv.ID)
	if *qs[0].ScaleMin != 0 || *qs[0].ScaleMax != 5 {
		t.Errorf("scale %d–%d, want 0–5", *qs[0].ScaleMin, *qs[0].ScaleMax)
	}
	if len(rep.Unmatched) != 2 || rep.Unmatched[0] != (NameCount{"Unknown Town", 1}) {
		t.Errorf("unmatched %+v", rep.Unmatched)
	}
	res, _ := LoadResults(context.Background(), s, sv, "")
	if st := res.Questions[0].Statements[0]; st.Count != 602 || st.Values["0"] != 1 || st.Values["3"] != 300 {
		t.Errorf("statement %+v", st)
	}

	wide := "Rating\n" + strings.Repeat("3\n4\n", 300) + "99\n"
	if _, _, err := Import(context.Background(), s, n.ID, writeFile(t, "wide.csv", []byte(wide)), Options{}); err == nil ||
		!strings.Contains(err.Error(), "wide.csv, line 602, column 1 (A): 99 does not fit the scale 1–5") {
		t.Errorf("99 on a 1–5 scale: %v", err)
	}

	twice := "Timestamp,Formats\n1,Masterclass;Masterclass;\n2,Masterclass;Study visit\n3,Study visit;Peer review\n"
	_, rep, err = Import(context.Background(), s, n.ID, writeFile(t, "twice.csv", []byte(twice)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, _ = LoadResults(context.Background(), s, svByTitle(t, s, n.ID, "Twice"), "")
	if option(res.Questions[0], "Masterclass") != 2 || res.Questions[0].Options[0].Percent > 100 {
		t.Errorf("an option ticked twice: %+v", res.Questions[0].Options)
	}

	long := "Q1,Q2\nshort," + strings.Repeat("a", 10_001) + "\n"
	if _, _, err := Import(context.Background(), s, n.ID, writeFile(t, "long.csv", []byte(long)), Options{}); err == nil ||
		!strings.Contains(err.Error(), "long.csv, line 2, column 2 (B): holds 10001 characters") {
		t.Errorf("a 10,001-character cell: %v", err)
	}
}

func svByTitle(t *testing.T, s interface {
	SurveyByIDOrTitle(context.Context, string, string) (data.Survey, error)
}, network, title string) data.Survey {
	t.Helper()
	sv, err := s.SurveyByIDOrTitle(context.Background(), network, title)
	if err != nil {
		t.Fatal(err)
	}
	return sv
}
