package matrixview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// A practice named and ticked in the cell editor shows the state the cell
// will have (GP) before Save; the line under the grid says the cell as
// saved, and as it is again after Undo.
func TestCellEditorStateAndDetailFollowThePractices(t *testing.T) {
	sh := newShell(t)
	v := matrixArea(t, sh)
	id := gridCell(t, v, "Iași", "2.1") // nothing in the demo
	v.grid.Select(id)
	v.edit(id)
	d := uitest.TopOverlay(sh)
	state, _ := uitest.Find(d, func(*widget.RadioGroup) bool { return true })
	newName := uitest.EntryWithPlaceholder(t, d, "Name of a new good practice of Iași")
	test.Type(newName, "Pocket parks")
	newName.OnSubmitted(newName.Text) // Enter in New
	if state.Selected != matrix.Label(matrix.GoodPractice) {
		t.Fatalf("after ticking a new practice the state shows %q", state.Selected)
	}
	editorChecks(t, d).SetSelected(nil)
	if state.Selected != matrix.Label(matrix.None) {
		t.Fatalf("after unticking it the state shows %q", state.Selected)
	}
	editorChecks(t, d).SetSelected([]string{"Pocket parks"})
	test.Tap(uitest.ButtonIn(t, d, "Save"))
	if want := ": " + matrix.Label(matrix.GoodPractice) + " — Pocket parks"; !strings.Contains(v.detail.Text, want) {
		t.Fatalf("after Save the line under the grid says %q", v.detail.Text)
	}
	sh.Undo()
	if !strings.HasSuffix(v.detail.Text, ": "+matrix.Label(matrix.None)) {
		t.Fatalf("after Undo the line under the grid says %q", v.detail.Text)
	}
}
