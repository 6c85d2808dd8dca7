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
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// The cell editor names a practice of the partner in a cell: the
// catalogue now lists the cell's sub-theme for it; unticking it there (in
// the editor) takes the sub-theme away, and undo brings it back.
func TestCellEditorPracticesAreTheCatalogue(t *testing.T) {
	sh := newShell(t)
	v := matrixArea(t, sh)
	id := gridCell(t, v, "Iași", "2.1") // nothing in the demo
	p, row, _ := v.cellAt(id)
	owned := storedPracticesOf(t, sh, p.ID)
	if len(owned) == 0 {
		t.Fatal("Iași owns no practice in the demo")
	}
	gp := owned[0]
	if slices.Contains(gp.SubThemeIDs, row.SubTheme.ID) {
		t.Fatalf("%s already serves 2.1", gp.Title)
	}
	serves := func() bool {
		t.Helper()
		gps, err := sh.Store().GoodPractices(context.Background(), sh.Network().ID)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(gps, func(g data.GoodPractice) bool { return g.ID == gp.ID })
		return i >= 0 && slices.Contains(gps[i].SubThemeIDs, row.SubTheme.ID)
	}
	v.edit(id)
	d := uitest.TopOverlay(sh)
	e := editorChecks(t, d)
	e.SetSelected([]string{gp.Title})
	test.Tap(uitest.ButtonIn(t, d, "Save"))
	if !serves() {
		t.Fatalf("after naming %s in Iași × 2.1 the catalogue does not list 2.1 for it", gp.Title)
	}
	if c := v.m.Cell(p.ID, row.SubTheme.ID); c.State != matrix.GoodPractice {
		t.Fatalf("the grid shows %q", c.State)
	}
	// Unticked in the editor, with the state left at GP: the practice loses
	// 2.1, the cell stays GP (chosen so, with no practice in the catalogue).
	v.edit(id)
	d = uitest.TopOverlay(sh)
	editorChecks(t, d).SetSelected(nil)
	test.Tap(uitest.ButtonIn(t, d, "Save"))
	if serves() {
		t.Fatal("unticked in the cell editor, the practice still serves 2.1")
	}
	sh.Undo()
	if !serves() {
		t.Fatal("undo did not give the practice 2.1 back")
	}
	sh.Undo()
	if serves() || storedCell(t, sh, p.ID, row.SubTheme.ID).State != matrix.None {
		t.Fatal("the second undo did not put the cell and the catalogue back")
	}
}

func editorChecks(t *testing.T, d fyne.CanvasObject) *widget.CheckGroup {
	t.Helper()
	c, ok := uitest.Find(d, func(*widget.CheckGroup) bool { return true })
	if !ok {
		t.Fatal("the cell editor has no practice checks")
	}
	return c
}
