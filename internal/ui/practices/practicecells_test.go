package practices

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// The case on screen: a new practice of Iași ticked for 2.1
// (nothing) and 2.2 (KN) makes those cells GP and GP+KN; undo puts them back.
func TestTickingSubThemesInTheFormMakesTheCellsGoodPractice(t *testing.T) {
	sh, v := open(t)
	ctx := context.Background()
	cells := func() (matrix.Cell, matrix.Cell, data.Partner) {
		t.Helper()
		m, err := matrix.Load(ctx, sh.Store(), sh.Network().ID)
		if err != nil {
			t.Fatal(err)
		}
		p := widgets.PartnerNamed(m.Partners, "Iași")
		var c21, c22 matrix.Cell
		for _, r := range m.Rows {
			switch r.SubTheme.Number {
			case "2.1":
				c21 = m.Cell(p.ID, r.SubTheme.ID)
			case "2.2":
				c22 = m.Cell(p.ID, r.SubTheme.ID)
			}
		}
		return c21, c22, p
	}
	if a, b, _ := cells(); a.State != matrix.None || b.State != matrix.KnowledgeNeed {
		t.Fatalf("before: Iași 2.1 %q, 2.2 %q", a.State, b.State)
	}
	test.Tap(uitest.ButtonIn(t, v.Object(), "Add good practice"))
	f := v.form
	test.Type(f.title, "Participatory budget follow-up")
	f.owner.SetSelected("Iași")
	var ticks []string
	for _, o := range f.subs.Options {
		if o[:4] == "2.1 " || o[:4] == "2.2 " {
			ticks = append(ticks, o)
		}
	}
	f.subs.SetSelected(ticks)
	test.Tap(uitest.ButtonIn(t, v.Object(), "Save"))
	a, b, _ := cells()
	if a.State != matrix.GoodPractice || b.State != matrix.GoodPracticeAndKN || len(a.Practices) != 1 || a.Practices[0].Title != "Participatory budget follow-up" {
		t.Fatalf("after saving: Iași 2.1 %+v, 2.2 %+v; want GP and GP+KN naming the practice", a, b)
	}
	sh.Undo()
	if a, b, _ := cells(); a.State != matrix.None || b.State != matrix.KnowledgeNeed {
		t.Fatalf("after undo: Iași 2.1 %q, 2.2 %q, want nothing and KN", a.State, b.State)
	}
	sh.Redo()
	if a, b, _ := cells(); a.State != matrix.GoodPractice || b.State != matrix.GoodPracticeAndKN {
		t.Fatalf("after redo: Iași 2.1 %q, 2.2 %q", a.State, b.State)
	}
	// Unticking 2.2 in the form takes the practice out of that cell.
	v = uitest.Open[*practicesView](t, sh, "practices")
	for i, gp := range v.shown {
		if gp.Title == "Participatory budget follow-up" {
			v.list.Select(i)
		}
	}
	v.form.subs.SetSelected(ticks[:1])
	test.Tap(uitest.ButtonIn(t, v.Object(), "Save"))
	if a, b, _ := cells(); a.State != matrix.GoodPractice || b.State != matrix.KnowledgeNeed {
		t.Fatalf("after unticking 2.2: Iași 2.1 %q, 2.2 %q, want GP and KN", a.State, b.State)
	}
}
