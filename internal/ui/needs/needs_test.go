package needs

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// fillNeed fills the open dialog with a need of Breda on NGOs.
func fillNeed(t *testing.T, sh *shell.Shell) fyne.CanvasObject {
	t.Helper()
	d := uitest.TopOverlay(sh)
	var sels []*widget.Select
	uitest.Walk(d, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*widget.Select); ok {
			sels = append(sels, s)
		}
		return true
	})
	if len(sels) != 2 {
		t.Fatalf("%d choosers in the dialog", len(sels))
	}
	sels[0].SetSelected("Breda")
	for _, o := range sels[1].Options {
		if strings.Contains(o, "Cooperation with NGOs") {
			sels[1].SetSelected(o)
		}
	}
	text, _ := uitest.FindEntry(d, func(e *widget.Entry) bool { return e.MultiLine })
	text.SetText("How to share decisions with neighbourhood NGOs")
	return d
}

func TestLearningNeedsScreenAddUndoRedo(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*needsView](t, sh, "needs")
	if !uitest.TextIn(v.prepare, "No learning needs yet.") || !uitest.TextIn(v.byPart, "Genk — 0 of 6 learning needs") {
		t.Fatal("empty state")
	}
	breda, err := sh.Store().PartnerByName(sh.Ctx(), sh.Network().ID, "Breda")
	if err != nil {
		t.Fatal(err)
	}
	cellBefore := cellState(t, sh, breda.ID, "Cooperation with NGOs")
	test.Tap(uitest.ButtonIn(t, v.obj, "Add learning need…"))
	d := fillNeed(t, sh)
	test.Tap(uitest.ButtonIn(t, d, "Save learning need"))
	if !uitest.TextIn(uitest.TopOverlay(sh), "Saved for Breda") {
		t.Fatal("no word that the need was saved")
	}
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	if !uitest.TextIn(v.byPart, "Breda — 1 of 6 learning needs") || !uitest.TextIn(v.prepare, "Cooperation with NGOs — 1 partner(s), urgency 2") || !uitest.TextIn(v.prepare, "can help:") {
		t.Fatal("the new need is not listed with who can help")
	}
	if cellState(t, sh, breda.ID, "Cooperation with NGOs") == cellBefore {
		t.Fatal("the matrix cell was not marked")
	}

	if name := sh.UndoName(); !strings.HasPrefix(name, "add learning need ‘How to share") {
		t.Fatalf("the Edit menu offers to undo %q", name)
	}
	sh.Undo()
	if ns, _ := sh.Store().LearningNeeds(sh.Ctx(), sh.Network().ID); len(ns) != 0 {
		t.Fatalf("after undo the store holds %d needs", len(ns))
	}
	if got := cellState(t, sh, breda.ID, "Cooperation with NGOs"); got != cellBefore {
		t.Fatalf("after undo the cell is %q, was %q", got, cellBefore)
	}
	if !uitest.TextIn(v.byPart, "Breda — 0 of 6 learning needs") {
		t.Fatal("the screen still lists the undone need")
	}
	sh.Redo()
	sh.Undo() // the redone need has a new id: undo must find that one
	sh.Redo()
	ns, _ := sh.Store().LearningNeeds(sh.Ctx(), sh.Network().ID)
	if len(ns) != 1 || ns[0].PartnerID != breda.ID || !uitest.TextIn(v.byPart, "Breda — 1 of 6 learning needs") {
		t.Fatalf("after redo: %+v", ns)
	}
}

// Escape and Cancel on the need dialog ask before dropping what was typed.
func TestNeedDialogAsksBeforeDroppingTyping(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*needsView](t, sh, "needs")
	v.New()
	d := fillNeed(t, sh)
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) == d || !uitest.TextIn(uitest.TopOverlay(sh), "is not saved yet") {
		t.Fatal("Escape did not ask about the typed need")
	}
	uitest.Key(sh, fyne.KeyEscape) // keep typing
	if uitest.TopOverlay(sh) != d {
		t.Fatal("Escape on the question did not keep the dialog")
	}
	test.Tap(uitest.ButtonIn(t, d, "Cancel"))
	if uitest.TopOverlay(sh) == d {
		t.Fatal("Cancel closed the dialog without asking")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Discard"))
	if uitest.TopOverlay(sh) != nil {
		t.Fatal("discarding did not close the dialog")
	}
	if ns, _ := sh.Store().LearningNeeds(sh.Ctx(), sh.Network().ID); len(ns) != 0 {
		t.Fatal("a cancelled need was stored")
	}
	// Nothing typed: Escape closes at once.
	v.New()
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) != nil {
		t.Fatal("Escape on an untouched dialog did not close it")
	}
}

// cellState is the stored state of a partner's cell on a sub-theme.
func cellState(t *testing.T, sh *shell.Shell, partnerID, subTheme string) string {
	t.Helper()
	themes, err := sh.Store().Themes(sh.Ctx(), sh.Network().ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range themes {
		for _, st := range th.SubThemes {
			if st.Title == subTheme {
				c, _, err := cellOf(sh, partnerID, st.ID)
				if err != nil {
					t.Fatal(err)
				}
				return c.State
			}
		}
	}
	t.Fatalf("no sub-theme %q", subTheme)
	return ""
}
