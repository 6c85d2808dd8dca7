package shell_test

import (
	"fmt"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// The Edit menu names what Undo and Redo do, keeps the last 100 steps,
// and a new change clears what could be redone.
func TestUndoRedoNamesStepsAndKeepsTheLastHundred(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	value := 0
	for i := 1; i <= 101; i++ {
		sh.Did(fmt.Sprintf("set %d", i), func() error { value = i - 1; return nil }, func() error { value = i; return nil })
		value = i
	}
	edit := sh.Window().MainMenu().Items[1]
	if edit.Label != "Edit" || edit.Items[0].Label != "Undo set 101" || !edit.Items[1].Disabled {
		t.Fatalf("menu %q: %q (redo disabled %v)", edit.Label, edit.Items[0].Label, edit.Items[1].Disabled)
	}
	for range 100 {
		sh.Undo()
	}
	if value != 1 || sh.UndoName() != "" {
		t.Fatalf("after 100 undos value %d, undo still offers %q", value, sh.UndoName())
	}
	sh.Undo() // the 101st step fell off the end
	if value != 1 {
		t.Fatalf("undo went past the limit: %d", value)
	}
	sh.Redo()
	sh.Redo()
	if value != 3 || sh.RedoName() != "set 4" || edit.Items[1].Label != "Redo set 4" {
		t.Fatalf("after two redos value %d, redo offers %q / %q", value, sh.RedoName(), edit.Items[1].Label)
	}
	sh.Did("other", func() error { return nil }, func() error { return nil })
	if sh.RedoName() != "" {
		t.Fatal("a new change did not clear redo")
	}
}

// A step that cannot be undone stays on the stack and the user is told.
func TestFailedUndoIsShownAndKept(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	sh.Did("delete practice ‘The 22’", func() error { return errBroken }, func() error { return nil })
	sh.Undo()
	if sh.UndoName() != "delete practice ‘The 22’" {
		t.Fatalf("the failed step left the stack: %q", sh.UndoName())
	}
	if top := topText(sh); top == "" {
		t.Fatal("the failure was not shown")
	}
}

// Undo asks about unsaved changes on screen first, like any change of data
// from outside the view.
func TestUndoAsksAboutUnsavedChangesFirst(t *testing.T) {
	sh, views := newFakeShell(t, true)
	undone := false
	sh.Did("cell Genk × 1.2", func() error { undone = true; return nil }, func() error { return nil })
	(*views)[0].typed = "typing"
	(*views)[0].entry.SetText("x")
	sh.Undo()
	if undone {
		t.Fatal("undo ran under unsaved changes without asking")
	}
	tap(t, sh, "Discard changes")
	if !undone {
		t.Fatal("undo did not run after the changes were discarded")
	}
}

// Changes of the same key in a row (a section's autosaves while typing)
// are one step that goes back to before the first of them.
func TestMergedStepsUndoTheWholeRun(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	text := "a"
	for _, next := range []string{"ab", "abc", "abcd"} {
		before, after := text, next
		sh.DidMerging("section 1", "edit section ‘Methodology’", func() error { text = before; return nil }, func() error { text = after; return nil })
		text = next
	}
	sh.Did("other", func() error { return nil }, func() error { return nil })
	sh.DidMerging("section 1", "edit section ‘Methodology’", func() error { text = "abcd"; return nil }, func() error { text = "abcde"; return nil })
	text = "abcde"
	sh.Undo() // the run after "other"
	sh.Undo() // "other"
	sh.Undo() // the first run, whole
	if text != "a" || sh.UndoName() != "" {
		t.Fatalf("after undoing: %q, undo still offers %q", text, sh.UndoName())
	}
	sh.Redo()
	if text != "abcd" {
		t.Fatalf("redo of the merged run gave %q", text)
	}
}

// The top bar says what an undo did (it may be on another screen) until
// the user moves on.
func TestUndoSaysWhatItDid(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	sh.Did("edit meeting ‘Core Network Meeting 1’", func() error { return nil }, func() error { return nil })
	sh.Undo()
	if !uitest.TextIn(sh.Content(), "Undone: edit meeting ‘Core Network Meeting 1’") {
		t.Fatal("the top bar does not say what was undone")
	}
	sh.ShowArea(1)
	if uitest.TextIn(sh.Content(), "Undone:") {
		t.Fatal("the notice stayed after moving on")
	}
}
