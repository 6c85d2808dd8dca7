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
	"github.com/aoce-desktop/aoce-desktop/internal/ui/overview"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func openActions(t *testing.T, sh *shell.Shell) *actionsView {
	return uitest.Open[*actionsView](t, sh, "actions")
}

// From a grid row to a testing action, on to a plan action, and the chain
// shown back to the learning.
func TestActionTableFromAGridRow(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	genk, _ := sh.Store().PartnerByName(sh.Ctx(), sh.Network().ID, "Genk")
	cnm2, _ := sh.Store().MeetingByIDOrTitle(sh.Ctx(), sh.Network().ID, "Core Network Meeting 2")
	g, err := sh.Store().Grid(sh.Ctx(), cnm2.ID, genk.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sh.Store().PromoteRow(sh.Ctx(), g.Rows[0].ID, data.ActionTesting); err != nil { // as the grids' button does
		t.Fatal(err)
	}
	v := openActions(t, sh)
	v.Reload() // the area was built when the shell opened, before the promotion
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
	test.Tap(uitest.ButtonIn(t, v.obj, "Save action"))
	if a := v.actions[v.current]; a.CostEUR == nil || *a.CostEUR != 20000.5 || a.Status != "done" || a.StartDate != "2024-07-01" {
		t.Fatalf("saved %+v", a)
	}
	v.end.SetText("2024-01-01")
	test.Tap(uitest.ButtonIn(t, v.obj, "Save action"))
	if !uitest.TextIn(uitest.TopOverlay(sh), "before it starts") {
		t.Fatal("an action ending before it starts was not refused")
	}
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	v.end.SetText("")
	test.Tap(uitest.ButtonIn(t, v.obj, "Make a plan action of it"))
	if len(v.actions) != 4 || v.actions[v.current].Kind != "plan" || !strings.Contains(v.chain.Text, "Plan action: Describe the tasks") {
		t.Fatalf("after promoting: %+v, chain %q", v.actions, v.chain.Text)
	}
	v.cost.SetText("lots")
	test.Tap(uitest.ButtonIn(t, v.obj, "Save action"))
	if !uitest.TextIn(uitest.TopOverlay(sh), "as a number") {
		t.Fatal("a cost that is no number was not refused")
	}
}

// Export… → this partner → a file name: the table is written in the
// background and the user is told where.
func TestActionTableExportThroughTheDialogs(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := openActions(t, sh)
	test.Tap(uitest.ButtonIn(t, v.obj, "Export…"))
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Choose the file…"))
	uitest.EntryWithText(t, uitest.TopOverlay(sh), "Action tables - Genk").SetText("genk.xlsx")
	done := make(chan struct{})
	sh.Exported = func() { close(done) }
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the export did not finish")
	}
	path := filepath.Join(sh.LastFolder(), "genk.xlsx")
	if !uitest.TextIn(uitest.TopOverlay(sh), "The action tables (1 partner) written to "+path) {
		t.Fatal("the user was not told where the table went")
	}
	if st, err := os.Stat(path); err != nil || st.Size() < 1000 {
		t.Fatalf("%s: %v", path, err)
	}
}

// Another action, another partner or another area with a changed form
// asks; Cancel stays on the action with the typing.
func TestLeavingAChangedActionAsks(t *testing.T) {
	sh := uitest.NewShell(t, true, Area(), overview.Area())
	v := openActions(t, sh)
	first := v.actions[0]
	v.title.SetText("Retitled")
	v.list.Select(1)
	if !uitest.TextIn(uitest.TopOverlay(sh), "the action ‘"+first.Title+"’") {
		t.Fatal("selecting another action did not ask")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Cancel"))
	if v.current != 0 || v.title.Text != "Retitled" {
		t.Fatalf("after Cancel: current %d, title %q", v.current, v.title.Text)
	}
	v.partner.SetSelected("Gdańsk")
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Cancel"))
	if v.partner.Selected != "Genk" || v.title.Text != "Retitled" {
		t.Fatalf("after Cancel: partner %q", v.partner.Selected)
	}
	v.Reload() // a reload keeps the typing
	if v.title.Text != "Retitled" {
		t.Fatal("the reload dropped the typing")
	}
	sh.ShowArea(1)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	if sh.CurrentView() == v {
		t.Fatal("Save did not leave")
	}
	as, _ := sh.Store().Actions(sh.Ctx(), first.PartnerID)
	if !slices.ContainsFunc(as, func(a data.PlanAction) bool { return a.ID == first.ID && a.Title == "Retitled" }) {
		t.Fatal("Save did not store the action")
	}
}

// Undo takes back an action edit; redo makes it again; Flush stores typing.
func TestUndoRedoAndFlushOfActions(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := openActions(t, sh)
	before := v.actions[0]
	v.risk.SetText("The council changes")
	if !v.Save() || sh.UndoName() != "edit action ‘"+before.Title+"’" {
		t.Fatalf("undo step %q", sh.UndoName())
	}
	sh.Undo()
	stored := func() data.PlanAction {
		as, _ := sh.Store().Actions(sh.Ctx(), before.PartnerID)
		return as[slices.IndexFunc(as, func(a data.PlanAction) bool { return a.ID == before.ID })]
	}
	if stored().Risks != before.Risks || v.risk.Text != before.Risks {
		t.Fatalf("undo: stored %q, shown %q", stored().Risks, v.risk.Text)
	}
	sh.Redo()
	if stored().Risks != "The council changes" {
		t.Fatal("redo did not edit again")
	}
	v.funding.SetText("ERDF")
	if err := v.Flush(); err != nil || stored().Funding != "ERDF" {
		t.Fatalf("flush: %v, funding %q", err, stored().Funding)
	}
}
