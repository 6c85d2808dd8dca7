package surveys

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func TestQuestionEditor(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	var sv data.Survey
	sh.Store().Update(sh.Ctx(), func(tx *data.Tx) error {
		var err error
		sv, err = tx.CreateSurvey(data.Survey{NetworkID: sh.Network().ID, Title: "Online Academy 5", Format: "live"})
		return err
	})
	e := v.openEditor(sv)
	if e == nil {
		t.Fatal("no editor")
	}
	e.add()
	e.kind.SetSelected("Multiple choice")
	e.prompt.SetText("Which formats help you most?")
	e.options.SetText("Study visit\n\nMasterclass\nPeer review\n")
	e.limit.SetText("2")
	e.add()
	e.kind.SetSelected("Scales")
	if e.lo.Text != "1" || e.hi.Text != "5" {
		t.Fatalf("a new scale is %s–%s", e.lo.Text, e.hi.Text)
	}
	e.prompt.SetText("How confident are you in…")
	e.options.SetText("involving young people\ncross-department work")
	e.duplicate() // a copy after the scale…
	e.prompt.SetText("Open question")
	e.kind.SetSelected("Open text")
	e.move(-1) // …moved above it
	e.add()
	e.prompt.SetText("Only one choice")
	e.options.SetText("Alone")
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save questions"))
	if qs, _ := sh.Store().SurveyQuestions(sh.Ctx(), sv.ID); len(qs) != 0 {
		t.Fatal("questions with a problem were saved")
	}
	if !uitest.TextIn(uitest.TopOverlay(sh), "Give at least two") {
		t.Fatal("no message for the question with one choice")
	}
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	e.remove()
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save questions"))
	qs, err := sh.Store().SurveyQuestions(sh.Ctx(), sv.ID)
	if err != nil || len(qs) != 3 {
		t.Fatalf("%d questions saved: %v", len(qs), err)
	}
	if q := qs[0]; q.Kind != data.KindMultipleChoice || len(q.Options) != 3 || survey.AnswerLimit(q) != 2 {
		t.Errorf("first %+v", q)
	}
	if q := qs[1]; q.Kind != data.KindOpenEnded || q.Prompt != "Open question" || len(q.Options) != 0 {
		t.Errorf("second %+v", q)
	}
	if q := qs[2]; q.Kind != data.KindScales || *q.ScaleMin != 1 || *q.ScaleMax != 5 || len(q.Options) != 2 {
		t.Errorf("third %+v", q)
	}
	// Once somebody answered, the questions stay as they are.
	sh.Store().Update(sh.Ctx(), func(tx *data.Tx) error {
		_, err := tx.AddLiveParticipant(sv.ID, "x", "", "live", 3)
		return err
	})
	sv, _ = sh.Store().SurveyByIDOrTitle(sh.Ctx(), sh.Network().ID, sv.ID)
	if v.openEditor(sv) != nil || !uitest.TextIn(uitest.TopOverlay(sh), "can no longer change") {
		t.Fatal("the editor opened on a survey with respondents")
	}
	if err := sh.Store().ReplaceQuestions(sh.Ctx(), sv.ID, nil); err == nil {
		t.Fatal("the store changed the questions of an answered survey")
	}
}
