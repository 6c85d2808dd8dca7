package actions

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// From a grid row to a testing action, on to a plan action, and the chain
// shown back to the learning.
func TestActionTableFromAGridRow(t *testing.T) {
	sh := newTestShell(t, true)
	g := sh.ViewAt(8).(*gridsView)
	g.promote(g.rows[0]) // Genk's first learning at Core Network Meeting 2
	sh.Window().Canvas().Overlays().Remove(topOverlay(sh))
	v, ok := sh.ViewAt(9).(*actionsView)
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
	sh.Window().Canvas().Overlays().Remove(topOverlay(sh))
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

// Export… → this partner → a file name: the table is written in the
// background and the user is told where.
func TestActionTableExportThroughTheDialogs(t *testing.T) {
	sh := newTestShell(t, true)
	v := areaView[*actionsView](t, sh, 9)
	test.Tap(buttonIn(t, v.obj, "Export…"))
	test.Tap(buttonIn(t, topOverlay(sh), "Choose the file…"))
	findEntryWithText(t, topOverlay(sh), "Action tables - Genk").SetText("genk.xlsx")
	done := make(chan struct{})
	sh.Exported = func() { close(done) }
	test.Tap(buttonIn(t, topOverlay(sh), "Save"))
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the export did not finish")
	}
	path := filepath.Join(sh.LastFolder(), "genk.xlsx")
	if !textIn(topOverlay(sh), "1 partners written to "+path) {
		t.Fatal("the user was not told where the table went")
	}
	if st, err := os.Stat(path); err != nil || st.Size() < 1000 {
		t.Fatalf("%s: %v", path, err)
	}
}
