package surveys

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/needs"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// liveSurvey makes a survey without answers, through the New… dialog.
func liveSurvey(t *testing.T, sh *shell.Shell, v *surveysView, title string) data.Survey {
	t.Helper()
	v.New()
	uitest.EntryWithPlaceholder(t, uitest.TopOverlay(sh), "e.g. Online Academy 5 — learning needs").SetText(title)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Create"))
	if v.editor == nil {
		t.Fatal("the question editor did not open on the new survey")
	}
	return v.editor.sv
}

func questionsOf(t *testing.T, sh *shell.Shell, id string) []data.Question {
	t.Helper()
	qs, err := sh.Store().SurveyQuestions(sh.Ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// The question editor's Cancel and Escape ask when it holds changes
// (issue 12), and close at once when it does not.
func TestQuestionEditorCancelAndEscapeAsk(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	sv := liveSurvey(t, sh, v, "Online Academy 5")
	e := v.editor
	editor := uitest.TopOverlay(sh)
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) != nil || v.editor != nil {
		t.Fatal("Escape did not close an untouched editor")
	}
	e = v.openEditor(sv)
	editor = uitest.TopOverlay(sh)
	e.add()
	e.prompt.SetText("Which formats help you most?")
	for _, how := range []func(){
		func() { uitest.Key(sh, fyne.KeyEscape) },
		func() { test.Tap(uitest.ButtonIn(t, editor, "Cancel")) },
	} {
		how()
		if uitest.TopOverlay(sh) == editor || !uitest.TextIn(uitest.TopOverlay(sh), "are not saved yet") {
			t.Fatal("the editor closed over its changes without asking")
		}
		uitest.Key(sh, fyne.KeyEscape) // keep editing
		if uitest.TopOverlay(sh) != editor || v.editor == nil {
			t.Fatal("Escape on the question did not keep the editor")
		}
	}
	test.Tap(uitest.ButtonIn(t, editor, "Cancel"))
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Discard"))
	if uitest.TopOverlay(sh) != nil || v.editor != nil {
		t.Fatal("discarding did not close the editor")
	}
	if qs := questionsOf(t, sh, sv.ID); len(qs) != 0 {
		t.Fatalf("a cancelled editor stored %d questions", len(qs))
	}
}

// Saved questions and a new survey are undone and redone through the
// Edit menu's steps, store and screen alike.
func TestQuestionsAndNewSurveyUndoRedo(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	sv := liveSurvey(t, sh, v, "Online Academy 5")
	if sh.UndoName() != "add survey ‘Online Academy 5’" {
		t.Fatalf("undo offers %q", sh.UndoName())
	}
	e := v.editor
	e.add()
	e.prompt.SetText("Which formats help you most?")
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save questions"))
	if len(questionsOf(t, sh, sv.ID)) != 1 || len(v.results.res.Questions) != 1 {
		t.Fatal("the question was not saved and shown")
	}
	if sh.UndoName() != "edit the questions of ‘Online Academy 5’" {
		t.Fatalf("undo offers %q", sh.UndoName())
	}
	sh.Undo()
	if len(questionsOf(t, sh, sv.ID)) != 0 || len(v.results.res.Questions) != 0 {
		t.Fatal("undo did not take the question back")
	}
	sh.Redo()
	if qs := questionsOf(t, sh, sv.ID); len(qs) != 1 || qs[0].Prompt != "Which formats help you most?" || len(v.results.res.Questions) != 1 {
		t.Fatal("redo did not bring the question back")
	}
	sh.Undo()
	sh.Undo() // the survey itself
	if len(v.surveys) != 0 {
		t.Fatalf("after undoing the new survey the screen lists %d", len(v.surveys))
	}
	if _, err := sh.Store().SurveyByIDOrTitle(sh.Ctx(), sh.Network().ID, sv.ID); err == nil {
		t.Fatal("the undone survey is still stored")
	}
	sh.Redo()
	if len(v.surveys) != 1 || v.surveys[0].Title != "Online Academy 5" {
		t.Fatalf("redo did not bring the survey back: %+v", v.surveys)
	}
}

// Going to another area with changed questions asks; Discard drops them,
// Save stores them. Flush (the app stopping) stores valid questions.
func TestLeavingAndStoppingWithChangedQuestions(t *testing.T) {
	sh := uitest.NewShell(t, true, Area(), needs.Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	sv := liveSurvey(t, sh, v, "Online Academy 5")
	v.editor.add()
	sh.ShowArea(1)
	if !uitest.TextIn(uitest.TopOverlay(sh), "the questions of “Online Academy 5”") {
		t.Fatal("leaving did not ask about the changed questions")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	if len(questionsOf(t, sh, sv.ID)) != 1 || v.editor != nil || sh.CurrentView() == shell.View(v) {
		t.Fatal("Save did not store the questions and go on")
	}

	v = uitest.Open[*surveysView](t, sh, "surveys")
	v.openEditor(sv).prompt.SetText("") // a question that cannot be asked
	if err := v.Flush(); err == nil || len(questionsOf(t, sh, sv.ID)) != 1 || questionsOf(t, sh, sv.ID)[0].Prompt == "" {
		t.Fatalf("Flush stored a question without a prompt (or did not say so): %v", err)
	}
	v.editor.prompt.SetText("Which formats help you most?")
	v.editor.add()
	if err := v.Flush(); err != nil {
		t.Fatal(err)
	}
	if qs := questionsOf(t, sh, sv.ID); len(qs) != 2 || qs[0].Prompt != "Which formats help you most?" {
		t.Fatalf("Flush stored %+v", qs)
	}
}
