package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// From a grid row to a testing action, on to a plan action, and the chain
// shown back to the learning.
func TestActionTableFromAGridRow(t *testing.T) {
	sh := newTestShell(t, true)
	g := sh.viewAt(8).(*gridsView)
	g.promote(g.rows[0]) // Genk's first learning at Core Network Meeting 2
	sh.win.Canvas().Overlays().Remove(topOverlay(sh))
	v, ok := sh.viewAt(9).(*actionsView)
	if !ok {
		t.Fatal("area 10 is not the action tables")
	}
	if len(v.actions) != 1 || v.actions[0].Kind != "testing" || !strings.Contains(v.chain.Text, "Learned at Core Network Meeting 2") {
		t.Fatalf("actions %+v, chain %q", v.actions, v.chain.Text)
	}
	v.cost.SetText("20 000,50")
	v.status.SetSelected("Done")
	test.Tap(buttonIn(t, v.obj, "Save action"))
	if v.actions[0].CostEUR == nil || *v.actions[0].CostEUR != 20000.5 || v.actions[0].Status != "done" {
		t.Fatalf("saved %+v", v.actions[0])
	}
	test.Tap(buttonIn(t, v.obj, "Make a plan action of it"))
	if len(v.actions) != 2 || v.actions[v.current].Kind != "plan" || !strings.Contains(v.chain.Text, "Plan action: Describe the tasks") {
		t.Fatalf("after promoting: %+v, chain %q", v.actions, v.chain.Text)
	}
	v.cost.SetText("lots")
	test.Tap(buttonIn(t, v.obj, "Save action"))
	if !textIn(topOverlay(sh), "as a number") {
		t.Fatal("a cost that is no number was not refused")
	}
}
