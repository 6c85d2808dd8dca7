package themes

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func open(t *testing.T) (*shell.Shell, *themesView) {
	t.Helper()
	sh := uitest.NewShell(t, true, Area())
	return sh, uitest.Open[*themesView](t, sh, "themes")
}

func storedThemes(t *testing.T, sh *shell.Shell) []data.Theme {
	t.Helper()
	themes, err := sh.Store().Themes(context.Background(), sh.Network().ID)
	if err != nil {
		t.Fatal(err)
	}
	return themes
}

func TestThemesEditorRenamesMovesAndGuardsDelete(t *testing.T) {
	sh, v := open(t)
	if len(v.rows) != 20 {
		t.Fatalf("%d rows, want 4 themes + 16 sub-themes", len(v.rows))
	}
	v.list.Select(1) // 1.1
	v.title.SetText("Citizen engagement methods")
	v.list.Select(2) // leaving asks; Save keeps the edit and moves on
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	if got := storedThemes(t, sh)[0].SubThemes[0].Title; got != "Citizen engagement methods" || v.selected != 2 {
		t.Fatalf("title %q, selected row %d", got, v.selected)
	}
	v.move(-1) // 1.2 above 1.1
	if got := storedThemes(t, sh)[0].SubThemes[0].Number; got != "1.2" {
		t.Fatalf("first sub-theme is %s after moving 1.2 up", got)
	}
	v.list.Select(0)
	v.confirmDelete()
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "6 sub-theme(s)") || !uitest.TextIn(d, "matrix cell(s)") {
		t.Fatal("deleting a theme in use does not say what goes with it")
	}
	test.Tap(uitest.ButtonIn(t, d, "Cancel"))
	if len(storedThemes(t, sh)) != 4 {
		t.Fatal("Cancel deleted the theme")
	}
	v.addTheme()
	themes := storedThemes(t, sh)
	if len(themes) != 5 || themes[4].Title != "New theme" || sh.Window().Canvas().Focused() != v.title {
		t.Fatal("Add theme did not add a theme ready to be named")
	}
}

// Issue 12: a failed theme save cleared the unsaved flag, so leaving lost
// the typing without a word.
func TestAFailedSaveKeepsTheChanges(t *testing.T) {
	sh, v := open(t)
	v.list.Select(1)
	v.title.SetText("")
	if v.Save() {
		t.Fatal("an empty title was saved")
	}
	if !uitest.TextIn(uitest.TopOverlay(sh), "needs a title") {
		t.Fatal("the refusal is not shown")
	}
	uitest.TopOverlay(sh).Hide()
	if v.Unsaved() == "" {
		t.Fatal("the failed save cleared the unsaved flag")
	}
	v.list.Select(2)
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "the sub-theme ‘") || v.selected != 1 {
		t.Fatal("leaving after a failed save did not ask")
	}
	test.Tap(uitest.ButtonIn(t, d, "Cancel"))
	if v.selected != 1 || v.title.Text != "" {
		t.Fatalf("Cancel left row %d with title %q", v.selected, v.title.Text)
	}
	v.list.Select(2)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Discard changes"))
	if v.selected != 2 || v.Unsaved() != "" || storedThemes(t, sh)[0].SubThemes[0].Title == "" {
		t.Fatal("Discard did not move on with the stored title kept")
	}
}

func TestUndoAndRedoThemeChanges(t *testing.T) {
	sh, v := open(t)
	old := storedThemes(t, sh)[0].Title
	v.list.Select(0)
	v.title.SetText("Together with citizens")
	v.Save()
	if sh.UndoName() != "edit theme ‘Together with citizens’" {
		t.Fatalf("undo step %q", sh.UndoName())
	}
	sh.Undo()
	if got := storedThemes(t, sh)[0].Title; got != old || v.title.Text != old {
		t.Fatalf("after undo the title is %q, the form shows %q", got, v.title.Text)
	}
	sh.Redo()
	if got := storedThemes(t, sh)[0].Title; got != "Together with citizens" || v.title.Text != got {
		t.Fatalf("after redo the title is %q, the form shows %q", got, v.title.Text)
	}

	v.list.Select(2) // 1.2
	v.move(-1)
	if sh.UndoName() != "move sub-theme ‘"+storedThemes(t, sh)[0].SubThemes[0].Title+"’ up" {
		t.Fatalf("undo step %q", sh.UndoName())
	}
	sh.Undo()
	if got := storedThemes(t, sh)[0].SubThemes[0].Number; got != "1.1" {
		t.Fatalf("after undoing the move %s comes first", got)
	}
	v.list.Select(0)
	v.move(-1) // already first: no step, so the move undone stays to redo
	if sh.UndoName() != "edit theme ‘Together with citizens’" || !strings.HasPrefix(sh.RedoName(), "move sub-theme") {
		t.Fatalf("a move that did not happen: undo %q, redo %q", sh.UndoName(), sh.RedoName())
	}

	v.addSubTheme()
	if n := len(storedThemes(t, sh)[0].SubThemes); n != 7 {
		t.Fatalf("%d sub-themes after adding one", n)
	}
	sh.Undo()
	if n := len(storedThemes(t, sh)[0].SubThemes); n != 6 {
		t.Fatalf("%d sub-themes after undoing the addition", n)
	}
	sh.Redo()
	if n := len(storedThemes(t, sh)[0].SubThemes); n != 7 {
		t.Fatalf("%d sub-themes after redoing the addition", n)
	}
}

func TestFlushStoresTheForm(t *testing.T) {
	sh, v := open(t)
	v.list.Select(1)
	v.title.SetText("Typed before closing")
	if err := v.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := storedThemes(t, sh)[0].SubThemes[0].Title; got != "Typed before closing" {
		t.Fatalf("title %q after flushing", got)
	}
	v.title.SetText(" ")
	if err := v.Flush(); err == nil {
		t.Fatal("flushing an empty title reported nothing")
	}
}
