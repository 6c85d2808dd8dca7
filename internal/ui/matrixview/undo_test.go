package matrixview

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// storedCell reads a cell from the store, as the next screen would.
func storedCell(t *testing.T, sh *shell.Shell, partnerID, subThemeID string) matrix.Cell {
	t.Helper()
	m, err := matrix.Load(context.Background(), sh.Store(), sh.Network().ID)
	if err != nil {
		t.Fatal(err)
	}
	return m.Cell(partnerID, subThemeID)
}

// namedCell finds a demo cell that names good practices.
func namedCell(t *testing.T, v *matrixView) (widget.TableCellID, data.Partner, *matrix.Row) {
	t.Helper()
	for r, dr := range v.rows {
		for c, p := range v.m.Partners {
			if dr.row != nil && v.m.Cell(p.ID, dr.row.SubTheme.ID).State == matrix.GoodPractice && len(v.m.Cell(p.ID, dr.row.SubTheme.ID).Practices) > 0 {
				return widget.TableCellID{Row: r, Col: c}, p, dr.row
			}
		}
	}
	t.Fatal("no cell with good practices in the demo")
	return widget.TableCellID{}, data.Partner{}, nil
}

func practiceTitles(c matrix.Cell) []string {
	var out []string
	for _, gp := range c.Practices {
		out = append(out, gp.Title)
	}
	return out
}

// Space through a state that drops the practices; undo brings the state
// and the practices back, on screen too.
func TestUndoAndRedoSpaceOnACell(t *testing.T) {
	sh := newShell(t)
	v := matrixArea(t, sh)
	id, p, row := namedCell(t, v)
	before := v.m.Cell(p.ID, row.SubTheme.ID)
	v.grid.Select(id)
	v.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // gp → gp and kn
	v.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // → nothing: the practices go
	if c := storedCell(t, sh, p.ID, row.SubTheme.ID); c.State != matrix.None || len(c.Practices) != 0 {
		t.Fatalf("after two Spaces %+v", c)
	}
	if want := "change cell " + p.Name + " × " + row.SubTheme.Number; sh.UndoName() != want {
		t.Fatalf("undo step %q, want %q", sh.UndoName(), want)
	}
	sh.Undo()
	c := storedCell(t, sh, p.ID, row.SubTheme.ID)
	if c.State != matrix.GoodPracticeAndKN || len(c.Practices) != len(before.Practices) {
		t.Fatalf("after one undo %+v, want gp and kn with %v", c, practiceTitles(before))
	}
	sh.Undo()
	if c := storedCell(t, sh, p.ID, row.SubTheme.ID); c.State != before.State || !slices.Equal(practiceTitles(c), practiceTitles(before)) {
		t.Fatalf("after two undos %+v, want %+v", c, before)
	}
	if v.m.Cell(p.ID, row.SubTheme.ID).State != before.State {
		t.Fatal("the grid does not show the undone cell")
	}
	sh.Redo()
	if c := storedCell(t, sh, p.ID, row.SubTheme.ID); c.State != matrix.GoodPracticeAndKN {
		t.Fatalf("after redo %+v", c)
	}
}

// A cell saved with a newly named practice is one step: undo takes the
// practice out of the catalogue again and the cell back as it was.
func TestUndoACellEditorSave(t *testing.T) {
	sh := newShell(t)
	v := matrixArea(t, sh)
	id := gridCell(t, v, "Breda", "1.3")
	p, row, _ := v.cellAt(id)
	v.edit(id)
	d := uitest.TopOverlay(sh)
	test.Type(uitest.EntryWithPlaceholder(t, d, "Name of a new good practice of Breda"), "Breda Buurtbudget")
	test.Tap(uitest.ButtonIn(t, d, "Add"))
	test.Tap(uitest.ButtonIn(t, d, "Save"))
	if got := practiceTitles(storedCell(t, sh, p.ID, row.SubTheme.ID)); len(got) != 1 || got[0] != "Breda Buurtbudget" {
		t.Fatalf("cell names %v", got)
	}
	sh.Undo()
	if c := storedCell(t, sh, p.ID, row.SubTheme.ID); c.State != matrix.None || len(c.Practices) != 0 {
		t.Fatalf("after undo %+v", c)
	}
	for _, gp := range v.m.PracticesOf(p.ID) {
		if gp.Title == "Breda Buurtbudget" {
			t.Fatal("undo left the new practice in the catalogue")
		}
	}
	sh.Redo()
	if got := practiceTitles(storedCell(t, sh, p.ID, row.SubTheme.ID)); len(got) != 1 || got[0] != "Breda Buurtbudget" {
		t.Fatalf("after redo the cell names %v", got)
	}
}

// Cancel (or Escape) on a changed cell asks; nothing is stored until Save.
func TestCellEditorCancelAsks(t *testing.T) {
	sh := newShell(t)
	v := matrixArea(t, sh)
	id := gridCell(t, v, "Breda", "1.3")
	p, row, _ := v.cellAt(id)
	v.edit(id)
	d := uitest.TopOverlay(sh)
	test.Type(uitest.EntryWithPlaceholder(t, d, "Name of a new good practice of Breda"), "Breda Buurtbudget")
	test.Tap(uitest.ButtonIn(t, d, "Add"))
	sh.Window().Canvas().Unfocus()
	uitest.Key(sh, fyne.KeyEscape)
	if !uitest.TextIn(uitest.TopOverlay(sh), "is not saved yet") {
		t.Fatal("Escape dropped the named practice without asking")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Discard"))
	if uitest.TopOverlay(sh) != nil {
		t.Fatal("the editor is still open after discarding")
	}
	for _, gp := range storedPracticesOf(t, sh, p.ID) {
		if gp.Title == "Breda Buurtbudget" {
			t.Fatal("a cancelled cell editor stored its practice")
		}
	}
	if c := storedCell(t, sh, p.ID, row.SubTheme.ID); c.State != matrix.None || sh.UndoName() != "" {
		t.Fatalf("a cancelled edit changed the cell (%+v) or made an undo step %q", c, sh.UndoName())
	}
	// Nothing changed: Cancel closes at once.
	v.edit(id)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Cancel"))
	if uitest.TopOverlay(sh) != nil {
		t.Fatal("Cancel on an unchanged cell asked")
	}
}

func storedPracticesOf(t *testing.T, sh *shell.Shell, partnerID string) []data.GoodPractice {
	t.Helper()
	m, err := matrix.Load(context.Background(), sh.Store(), sh.Network().ID)
	if err != nil {
		t.Fatal(err)
	}
	return m.PracticesOf(partnerID)
}
