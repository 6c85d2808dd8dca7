package studyview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/overview"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func storedSection(t *testing.T, sh *shell.Shell, v *studyView, i int) data.Section {
	t.Helper()
	secs, err := sh.Store().StudySections(sh.Ctx(), v.in.Study.ID)
	if err != nil {
		t.Fatal(err)
	}
	return secs[i]
}

// Issue 12: typing is stored at once when the app stops, not 0.8 s later.
func TestFlushStoresTypingAtOnce(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := studyArea(t, sh)
	test.Type(v.editor.body, "Typed just before SIGTERM. ")
	if v.editor.timer == nil {
		t.Fatal("typing did not start the autosave")
	}
	if err := v.Flush(); err != nil {
		t.Fatal(err)
	}
	if v.editor.timer != nil || !strings.HasPrefix(storedSection(t, sh, v, v.current).Body, "Typed just before SIGTERM.") {
		t.Fatalf("flush: timer waiting %v, stored %q", v.editor.timer != nil, storedSection(t, sh, v, v.current).Body)
	}
}

// A pause in typing saves the section: the autosave's timer, fired here on
// the test's goroutine, stores what was typed and counts as one undo step.
func TestAPauseInTypingSaves(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := studyArea(t, sh)
	test.Type(v.editor.body, "Saved after a pause. ")
	if n := uitest.FireTimers(sh); n != 1 {
		t.Fatalf("%d autosave timers waited, want 1", n)
	}
	if v.editor.timer != nil || !strings.HasPrefix(storedSection(t, sh, v, v.current).Body, "Saved after a pause.") {
		t.Fatalf("the pause did not save: stored %q", storedSection(t, sh, v, v.current).Body)
	}
	if !strings.HasPrefix(sh.UndoName(), "edit section") {
		t.Fatalf("undo offers %q", sh.UndoName())
	}
}

// Issue 12: a save that fails on leaving is reported; the user stays with
// the text on screen.
func TestFailedSaveOnLeavingKeepsTheText(t *testing.T) {
	sh := uitest.NewShell(t, true, Area(), overview.Area())
	v := studyArea(t, sh)
	v.list.Select(2)
	if _, err := sh.Store().DeleteSection(sh.Ctx(), v.in.Sections[2].ID); err != nil { // gone underneath
		t.Fatal(err)
	}
	test.Type(v.editor.body, "Words that must not vanish. ")
	if err := v.Flush(); err == nil {
		t.Fatal("flushing a deleted section reported no error")
	}
	sh.ShowArea(1)
	if sh.CurrentView() != v || !uitest.TextIn(uitest.TopOverlay(sh), "could not be saved") {
		t.Fatal("leaving after a failed save did not ask")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	if sh.CurrentView() != v || !uitest.TextIn(uitest.TopOverlay(sh), "Something went wrong") {
		t.Fatal("the failed save was not reported, or the user left")
	}
	if !strings.HasPrefix(v.editor.body.Text, "Words that must not vanish.") {
		t.Fatalf("the text is gone: %q", v.editor.body.Text)
	}
	// Another section in the list: the same question, the selection stays.
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	v.list.Select(0)
	if v.current != 2 || !uitest.TextIn(uitest.TopOverlay(sh), "could not be saved") {
		t.Fatalf("selecting another section: current %d", v.current)
	}
}

// Leaving the study saves the typing without asking.
func TestLeavingSavesWithoutAsking(t *testing.T) {
	sh := uitest.NewShell(t, true, Area(), overview.Area())
	v := studyArea(t, sh)
	test.Type(v.editor.body, "Saved on leaving. ")
	sh.ShowArea(1)
	if sh.CurrentView() == v || uitest.TopOverlay(sh) != nil {
		t.Fatal("leaving the study asked or stayed")
	}
	if !strings.HasPrefix(storedSection(t, sh, v, v.current).Body, "Saved on leaving.") {
		t.Fatal("the typing was not saved")
	}
}

// Each stored change is an undo step: a text edit, a move, a new section.
func TestUndoAndRedoSectionChanges(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := studyArea(t, sh)
	v.list.Select(1)
	title, body := v.in.Sections[1].Title, v.in.Sections[1].Body
	v.editor.body.SetText("A new text")
	v.editor.status.SetSelected("Final")
	if !v.Save() || sh.UndoName() != "edit section ‘"+title+"’" {
		t.Fatalf("undo step %q", sh.UndoName())
	}
	sh.Window().Canvas().Unfocus()
	sh.Undo()
	if s := storedSection(t, sh, v, 1); s.Body != body || s.Status == data.StatusFinal || v.editor.body.Text != body {
		t.Fatalf("undo: stored %+v, shown %q", s, v.editor.body.Text)
	}
	sh.Redo()
	if s := storedSection(t, sh, v, 1); s.Body != "A new text" || s.Status != data.StatusFinal {
		t.Fatalf("redo: %+v", s)
	}
	v.move(1)
	if sh.UndoName() != "move section ‘"+title+"’ down" {
		t.Fatalf("undo step %q", sh.UndoName())
	}
	sh.Undo()
	if storedSection(t, sh, v, 1).Title != title || v.in.Sections[1].Title != title {
		t.Fatal("undo did not move the section back")
	}
	n := len(v.in.Sections)
	test.Tap(uitest.ButtonIn(t, v.obj, "Add section…"))
	test.Type(sh.Window().Canvas().Focused(), "Lessons")
	uitest.Key(sh, fyne.KeyEscape) // something typed: Escape asks
	if !uitest.TextIn(uitest.TopOverlay(sh), "is not saved yet") {
		t.Fatal("Escape on the typed form did not ask")
	}
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Add"))
	if len(v.in.Sections) != n+1 || sh.UndoName() != "add section ‘Lessons’" {
		t.Fatalf("%d sections, undo %q", len(v.in.Sections), sh.UndoName())
	}
	sh.Undo()
	if len(v.in.Sections) != n {
		t.Fatal("undo did not take the section back")
	}
	sh.Redo()
	if len(v.in.Sections) != n+1 {
		t.Fatal("redo did not add the section again")
	}
}
