package surveys

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

const needsCSV = "Timestamp,Your city,What should the network learn about?\n" +
	"1,Genk,How to run a participatory budget\n2,Gdańsk,Youth councils that last\n3,Genk,Budget rules for NGOs\n"

// importForTest imports a CSV through the wizard and waits for the results.
func importForTest(t *testing.T, sh *shell.Shell, name, csv string) *surveysView {
	t.Helper()
	v := uitest.Open[*surveysView](t, sh, "surveys")
	path := filepath.Join(t.TempDir(), name)
	os.WriteFile(path, []byte(csv), 0o644)
	done := make(chan struct{})
	v.imported = func(data.Survey) { close(done) }
	v.importPath(path)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Import"))
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not finish")
	}
	return v
}

func TestAnswersSearchAndLearningNeedMarksMatrix(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := importForTest(t, sh, "needs.csv", needsCSV)
	if len(v.results.panels) != 1 {
		t.Fatalf("%d answer lists on screen, want 1 for the open question", len(v.results.panels))
	}
	p := v.results.panels[0]
	if p.status.Text != "3 answers." {
		t.Fatalf("status %q", p.status.Text)
	}
	p.search.SetText("BUDGET")
	if p.status.Text != "2 answers." || len(p.list.Objects) != 2 {
		t.Fatalf("search budget: %q, %d rows", p.status.Text, len(p.list.Objects))
	}
	if !p.toNeed.Disabled() {
		t.Fatal("the learning-need button works with nothing ticked")
	}
	for _, row := range p.list.Objects {
		tick, ok := uitest.Find(row, func(*widget.Check) bool { return true })
		if !ok {
			t.Fatal("an answer has no tick box")
		}
		tick.SetChecked(true)
	}
	test.Tap(p.toNeed)
	d := uitest.TopOverlay(sh)
	if !uitest.TextIn(d, "Genk") || !uitest.TextIn(d, "1.6 Participatory budget") {
		t.Fatal("the dialog does not propose Genk and 1.6 Participatory budget")
	}

	genk, _ := sh.Store().PartnerByName(sh.Ctx(), sh.Network().ID, "Genk")
	before := cellState(t, sh, genk.ID, "Participatory budget")
	test.Tap(uitest.ButtonIn(t, d, "Save learning need"))
	needs, err := sh.Store().LearningNeeds(sh.Ctx(), sh.Network().ID)
	if err != nil || len(needs) != 1 {
		t.Fatalf("needs %+v, %v", needs, err)
	}
	n := needs[0]
	if n.PartnerID != genk.ID || n.Source != data.NeedSurvey || n.Respondents != "1,3" || n.Priority != data.PriorityMedium ||
		n.Text != "How to run a participatory budget\nBudget rules for NGOs" {
		t.Fatalf("need %+v", n)
	}
	want := map[string]string{"": data.CellKnowledgeNeed, data.CellGoodPractice: data.CellGoodPracticeKN}[before]
	if want == "" {
		want = before
	}
	if got := cellState(t, sh, genk.ID, "Participatory budget"); got != want {
		t.Fatalf("Genk's participatory budget cell went from %q to %q, want %q", before, got, want)
	}
}

func cellState(t *testing.T, sh *shell.Shell, partnerID, subTheme string) string {
	t.Helper()
	themes, _ := sh.Store().Themes(sh.Ctx(), sh.Network().ID)
	cells, _ := sh.Store().MatrixCells(sh.Ctx(), sh.Network().ID)
	for _, th := range themes {
		for _, st := range th.SubThemes {
			if st.Title != subTheme {
				continue
			}
			for _, c := range cells {
				if c.PartnerID == partnerID && c.SubThemeID == st.ID {
					return c.State
				}
			}
			return ""
		}
	}
	t.Fatalf("no sub-theme %q", subTheme)
	return ""
}

// An answer the presenter hid from the room in a live session stays in
// the expert's list, marked as hidden, and the count says how many are.
func TestTheAnswersListMarksAnswersHiddenFromTheRoom(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := importForTest(t, sh, "needs.csv", needsCSV)
	p := v.results.panels[0]
	if err := sh.Store().SetLiveAnswerHidden(sh.Ctx(), v.results.sv.ID, data.HiddenAnswer{Question: p.q.Position - 1, Position: 1}, true); err != nil {
		t.Fatal(err)
	}
	p.run()
	if p.status.Text != "3 answers. 1 of them hidden from the room in a live session." {
		t.Fatalf("status %q", p.status.Text)
	}
	var marked []string
	for _, row := range p.list.Objects {
		if tick, _ := uitest.Find(row, func(*widget.Check) bool { return true }); tick != nil && strings.HasSuffix(tick.Text, "hidden from the room") {
			marked = append(marked, tick.Text)
		}
	}
	if len(marked) != 1 || !strings.HasPrefix(marked[0], "#2") {
		t.Fatalf("answers marked hidden: %q, want #2's", marked)
	}
}
