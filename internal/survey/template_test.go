package survey

import (
	"context"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

func TestTemplateExampleCreatesQuestions(t *testing.T) {
	s, n := demoStore(t)
	sv, err := ImportTemplate(context.Background(), s, n.ID, "../../assets/examples/survey-template.csv", "")
	if err != nil {
		t.Fatal(err)
	}
	qs, _ := s.SurveyQuestions(context.Background(), sv.ID)
	if len(qs) != 6 || sv.Format != "template" || sv.Title != "survey-template" {
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
