package surveys

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// A new question's prompt has the focus with "New question" selected:
// typing replaces it.
func TestTypingReplacesTheNewQuestionDefault(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	var sv data.Survey
	sh.Store().Update(sh.Ctx(), func(tx *data.Tx) error {
		var err error
		sv, err = tx.CreateSurvey(data.Survey{NetworkID: sh.Network().ID, Title: "Online Academy 5", Format: "live"})
		return err
	})
	e := v.openEditor(sv)
	e.add()
	if uitest.FocusedEntry(sh) != &e.prompt.Entry {
		t.Fatal("a new question's prompt does not have the focus")
	}
	test.Type(e.prompt, "Which formats help you most?")
	if e.prompt.Text != "Which formats help you most?" {
		t.Fatalf("typing a question gives %q", e.prompt.Text)
	}
}
