package gridsview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/overview"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

const typed = "Peer reviews need a clear question"

// typeRow adds a row at the end and types a learning into it.
func typeRow(t *testing.T, sh *shell.Shell, v *gridsView) {
	t.Helper()
	test.Tap(uitest.ButtonIn(t, v.obj, "Add row"))
	test.Type(sh.Window().Canvas().Focused(), typed)
}

func storedRows(t *testing.T, sh *shell.Shell, v *gridsView) []data.GridRow {
	t.Helper()
	g, err := sh.Store().Grid(sh.Ctx(), v.grid.MeetingID, v.grid.PartnerID, v.grid.ThemeKey)
	if err != nil {
		t.Fatal(err)
	}
	return g.Rows
}

// networkFormOpen tells whether the Network details dialog is on top.
func networkFormOpen(sh *shell.Shell) bool {
	_, ok := uitest.FindEntry(uitest.TopOverlay(sh), func(e *widget.Entry) bool { return e.PlaceHolder == "e.g. Agents of Co-Existence" })
	return ok
}

// Issue 12: Edit network (Ctrl+E) with unsaved rows asks first; Save
// stores them, Cancel keeps them on screen and opens nothing.
func TestEditNetworkAsksAboutUnsavedRows(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	rows := len(v.rows)
	typeRow(t, sh, v)
	sh.EditNetwork()
	if !uitest.TextIn(uitest.TopOverlay(sh), "the learning grid of Genk") {
		t.Fatal("Edit network did not ask about the unsaved rows")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Cancel"))
	if networkFormOpen(sh) || len(v.rows) != rows+1 || v.rows[rows].learning.Text != typed {
		t.Fatalf("after Cancel: network form %v, %d rows", networkFormOpen(sh), len(v.rows))
	}
	if len(storedRows(t, sh, v)) != rows {
		t.Fatal("Cancel stored the rows")
	}
	sh.EditNetwork()
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	if got := storedRows(t, sh, v); len(got) != rows+1 || got[rows].Learning != typed {
		t.Fatalf("Save stored %+v", got)
	}
	if !networkFormOpen(sh) {
		t.Fatal("the network dialog did not open after saving")
	}
}

// Undo of a grid save puts the rows back as they were; redo saves again.
func TestUndoAndRedoAGridSave(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	before := storedRows(t, sh, v)
	v.rows[0].learning.SetText("Changed in the room")
	typeRow(t, sh, v)
	if !v.Save() {
		t.Fatal("not saved")
	}
	if sh.UndoName() != "save the learning grid of Genk at Core Network Meeting 3" {
		t.Fatalf("undo step %q", sh.UndoName())
	}
	sh.Window().Canvas().Unfocus()
	sh.Undo()
	got := storedRows(t, sh, v)
	if len(got) != len(before) || got[0].Learning != before[0].Learning || got[0].ID != before[0].ID {
		t.Fatalf("after undo %+v, want %+v", got, before)
	}
	if len(v.rows) != len(before) || v.rows[0].learning.Text != before[0].Learning {
		t.Fatal("the screen does not show the rows as they were")
	}
	sh.Redo()
	if got := storedRows(t, sh, v); len(got) != len(before)+1 || got[0].Learning != "Changed in the room" {
		t.Fatalf("after redo %+v", got)
	}
	if v.rows[len(before)].learning.Text != typed {
		t.Fatal("the screen does not show the redone rows")
	}
}

// Choosing another partner with unsaved rows asks; Cancel stays on the
// grid being typed, with the choosers showing it.
func TestChoosingAnotherPartnerAsksAndStays(t *testing.T) {
	sh := uitest.NewShell(t, true, Area(), overview.Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	typeRow(t, sh, v)
	v.partner.SetSelected("Gdańsk")
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Cancel"))
	if v.partner.Selected != "Genk" || v.rows[len(v.rows)-1].learning.Text != typed {
		t.Fatalf("after Cancel: on %q", v.partner.Selected)
	}
	// Leaving the area asks too; Discard drops the rows.
	sh.ShowArea(1)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Discard changes"))
	if _, ok := sh.CurrentView().(*gridsView); ok {
		t.Fatal("Discard did not leave")
	}
	for _, r := range storedRows(t, sh, v) {
		if r.Learning == typed {
			t.Fatal("Discard stored the row")
		}
	}
}

// When the app stops, typed rows and review comments are stored without
// asking.
func TestFlushStoresTypedRowsAndComments(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	typeRow(t, sh, v)
	if err := v.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := storedRows(t, sh, v); got[len(got)-1].Learning != typed {
		t.Fatalf("flush stored %+v", got)
	}
	if v.Unsaved() != "" {
		t.Fatalf("still unsaved: %q", v.Unsaved())
	}
	// Gdańsk reviews its actions at Core Network Meeting 3.
	v.partner.SetSelected("Gdańsk")
	for _, o := range v.meeting.Options {
		if strings.HasPrefix(o, "Core Network Meeting 3") {
			v.meeting.SetSelected(o)
		}
	}
	comment, ok := uitest.Find(v.review, func(e *widget.Entry) bool { return e.PlaceHolder == "What happened (Enter stores it)" })
	if !ok {
		t.Fatal("no review comment")
	}
	test.Type(comment, " half done")
	if v.Unsaved() != "the review comments" || len(v.comments) != 1 {
		t.Fatalf("unsaved %q", v.Unsaved())
	}
	var rowID string
	for id := range v.comments {
		rowID = id
	}
	before := reviewComment(t, sh, v, rowID)
	if err := v.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := reviewComment(t, sh, v, rowID); !strings.Contains(got, "half done") {
		t.Fatalf("flush stored the comment %q", got)
	}
	// Enter stores a comment as one undo step, which puts it back.
	test.Type(comment, "!")
	comment.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if v.Unsaved() != "" || !strings.HasPrefix(sh.UndoName(), "review of") {
		t.Fatalf("Enter: unsaved %q, undo %q", v.Unsaved(), sh.UndoName())
	}
	sh.Window().Canvas().Unfocus()
	sh.Undo()
	sh.Undo()
	if got := reviewComment(t, sh, v, rowID); got != before {
		t.Fatalf("after two undos the comment is %q, was %q", got, before)
	}
}

func reviewComment(t *testing.T, sh *shell.Shell, v *gridsView, rowID string) string {
	t.Helper()
	items, err := sh.Store().ActionsToReview(sh.Ctx(), v.selectedPartner().ID, v.selectedMeeting().ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Row.ID == rowID {
			return it.Row.ReviewComment
		}
	}
	t.Fatalf("no review of row %s", rowID)
	return ""
}
