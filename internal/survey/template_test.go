package survey

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

func TestTemplateExampleCreatesQuestions(t *testing.T) {
	s, n := demoStore(t)
	sv, err := ImportTemplate(context.Background(), s, n.ID, "../../assets/examples/survey-template.csv", "")
	if err != nil {
		t.Fatal(err)
	}
	qs, _ := s.SurveyQuestions(context.Background(), sv.ID)
	if len(qs) != 6 || sv.Format != "template" || sv.Title != "Survey template" {
		t.Fatalf("%+v %d questions", sv, len(qs))
	}
	sc := qs[2]
	if sc.Kind != data.KindScales || *sc.ScaleMax != 5 || len(sc.Options) != 3 || sc.Options[0] != "involving young people" {
		t.Fatalf("scales %+v", sc)
	}
	if qs[5].Kind != data.KindRanking || len(qs[5].Options) != 3 {
		t.Fatalf("ranking %+v", qs[5])
	}
}

func TestBadTemplateSaysWhere(t *testing.T) {
	s, n := demoStore(t)
	path := writeFile(t, "t.csv", []byte("kind,prompt,a,b\nsingle,Pick one,only\npoll,What?\n"))
	_, err := ImportTemplate(context.Background(), s, n.ID, path, "")
	if err == nil || !strings.Contains(err.Error(), "t.csv, line 2, column 3 (C): a single question needs at least two options") {
		t.Fatalf("%v", err)
	}
	if svs, _ := s.Surveys(context.Background(), n.ID); len(svs) != 0 {
		t.Fatal("a bad template stored a survey")
	}
}

// FuzzTemplate checks that any text read as a question template yields
// questions that can be stored, or problems that say where.
func FuzzTemplate(f *testing.F) {
	raw, _ := os.ReadFile("../../assets/examples/survey-template.csv")
	f.Add(raw)
	f.Add([]byte("kind,prompt,a,b\nsingle,Pick one,only\npoll,What?\n"))
	f.Add([]byte("kind;prompt\nscales 10-1;Rate\nscales 1-99999999999999999999;Huge\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		tbl, err := tabular.Read("fuzz.csv", raw, tabular.Options{})
		if err != nil || !IsTemplate(tbl.Header()) {
			return
		}
		qs, problems := ParseTemplate(tbl)
		for _, p := range problems {
			var fe *tabular.FileError
			if !errors.As(p, &fe) {
				t.Fatalf("problem of type %T: %v", p, p)
			}
		}
		for _, q := range qs {
			if q.Prompt == "" || q.Kind == "" || q.Kind == data.KindScales && (q.ScaleMin == nil || *q.ScaleMin > *q.ScaleMax) {
				t.Fatalf("question %+v", q)
			}
		}
	})
}
