package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
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
	// Genk's demo action table has a testing action and a plan action; the promoted row comes third.
	promoted := slices.IndexFunc(v.actions, func(a data.PlanAction) bool { return a.GridRowID != "" })
	if len(v.actions) != 3 || promoted < 0 || v.actions[promoted].Kind != "testing" {
		t.Fatalf("actions %+v", v.actions)
	}
	v.list.Select(promoted)
	if !strings.Contains(v.chain.Text, "Learned at Core Network Meeting 2") {
		t.Fatalf("chain %q", v.chain.Text)
	}
	v.cost.SetText("20 000,50")
	v.status.SetSelected("Done")
	v.start.SetText("2024-07-01")
	test.Tap(buttonIn(t, v.obj, "Save action"))
	if a := v.actions[v.current]; a.CostEUR == nil || *a.CostEUR != 20000.5 || a.Status != "done" || a.StartDate != "2024-07-01" {
		t.Fatalf("saved %+v", a)
	}
	v.end.SetText("2024-01-01")
	test.Tap(buttonIn(t, v.obj, "Save action"))
	if !textIn(topOverlay(sh), "before it starts") {
		t.Fatal("an action ending before it starts was not refused")
	}
	sh.win.Canvas().Overlays().Remove(topOverlay(sh))
	v.end.SetText("")
	test.Tap(buttonIn(t, v.obj, "Make a plan action of it"))
	if len(v.actions) != 4 || v.actions[v.current].Kind != "plan" || !strings.Contains(v.chain.Text, "Plan action: Describe the tasks") {
		t.Fatalf("after promoting: %+v, chain %q", v.actions, v.chain.Text)
	}
	v.cost.SetText("lots")
	test.Tap(buttonIn(t, v.obj, "Save action"))
	if !textIn(topOverlay(sh), "as a number") {
		t.Fatal("a cost that is no number was not refused")
	}
}
