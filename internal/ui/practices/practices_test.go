package practices

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func TestGoodPracticeCatalogueFiltersAndEdits(t *testing.T) {
	ctx := context.Background()
	sh, v := open(t)
	total := len(v.shown)
	v.owner.SetSelected(outsideOwner)
	if len(v.shown) != 4 {
		t.Fatalf("%d outside practices, want 4", len(v.shown))
	}
	v.owner.SetSelected("Gdańsk")
	var titles []string
	for _, gp := range v.shown {
		titles = append(titles, gp.Title)
	}
	if !strings.Contains(strings.Join(titles, "|"), "Citizens' Assembly") {
		t.Fatalf("Gdańsk's practices: %v", titles)
	}
	v.owner.SetSelected(allOwners)
	v.subTheme.SetSelected(v.subTheme.Options[6]) // 1.6 Participatory budget
	if len(v.shown) == 0 || len(v.shown) >= total {
		t.Fatalf("%d of %d practices for one sub-theme", len(v.shown), total)
	}
	v.list.Select(0)
	f := v.form
	f.link.SetText("https://example.org/pb")
	f.save()
	gps, _ := sh.Store().GoodPractices(ctx, sh.Network().ID)
	found := false
	for _, gp := range gps {
		found = found || gp.SourceLink == "https://example.org/pb"
	}
	if !found {
		t.Fatal("the link was not saved")
	}
	// A new outside practice needs a city.
	v.subTheme.SetSelected(allSubThemes)
	f.load(f.gp)
	f.gp.ID = ""
	f.owner.SetSelected(outsideOwner)
	f.city.SetText("")
	if f.save() || !strings.Contains(f.problem.Text, "name the city") {
		t.Fatalf("saved without a city; problem %q", f.problem.Text)
	}
}

func open(t *testing.T) (*shell.Shell, *practicesView) {
	t.Helper()
	sh := uitest.NewShell(t, true, Area())
	return sh, uitest.Open[*practicesView](t, sh, "practices")
}

func storedPractice(t *testing.T, sh *shell.Shell, id string) (data.GoodPractice, bool) {
	t.Helper()
	gps, err := sh.Store().GoodPractices(context.Background(), sh.Network().ID)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(gps, func(gp data.GoodPractice) bool { return gp.ID == id })
	if i < 0 {
		return data.GoodPractice{}, false
	}
	return gps[i], true
}

func TestUndoAndRedoPracticeChanges(t *testing.T) {
	sh, v := open(t)
	v.list.Select(0)
	gp := v.form.gp
	v.form.link.SetText("https://example.org/undo")
	test.Tap(uitest.ButtonIn(t, v.Object(), "Save"))
	if sh.UndoName() != "edit practice ‘"+gp.Title+"’" {
		t.Fatalf("undo step %q", sh.UndoName())
	}
	sh.Undo()
	if got, _ := storedPractice(t, sh, gp.ID); got.SourceLink != gp.SourceLink || v.form.link.Text != gp.SourceLink {
		t.Fatalf("after undo the link is %q, the form shows %q", got.SourceLink, v.form.link.Text)
	}
	sh.Redo()
	if got, _ := storedPractice(t, sh, gp.ID); got.SourceLink != "https://example.org/undo" {
		t.Fatalf("after redo the link is %q", got.SourceLink)
	}

	v.New()
	test.Type(v.form.title, "Street festivals")
	v.form.save()
	added := v.form.gp
	if sh.UndoName() != "add practice ‘Street festivals’" {
		t.Fatalf("undo step %q", sh.UndoName())
	}
	sh.Undo()
	if _, ok := storedPractice(t, sh, added.ID); ok || v.form.gp.ID != "" {
		t.Fatal("undo did not take the new practice back, or the form still shows it")
	}
	sh.Redo()
	if !slices.ContainsFunc(v.all, func(gp data.GoodPractice) bool { return gp.Title == "Street festivals" }) {
		t.Fatal("redo did not add the practice again")
	}
}

func TestLeavingAPracticeWithChangesAsks(t *testing.T) {
	sh, v := open(t)
	v.list.Select(0)
	first := v.form.gp
	v.form.description.SetText("Typed, not saved")
	v.list.Select(1)
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "the good practice ‘"+first.Title+"’") || v.form.gp.ID != first.ID {
		t.Fatal("selecting another practice did not ask about the changes")
	}
	test.Tap(uitest.ButtonIn(t, d, "Cancel"))
	if v.form.description.Text != "Typed, not saved" || v.shown[0].ID != first.ID {
		t.Fatal("Cancel lost the typing")
	}
	sh.ReloadAll() // a reload elsewhere keeps the typing
	if v.form.description.Text != "Typed, not saved" {
		t.Fatal("a reload dropped the unsaved typing")
	}
	if err := v.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, _ := storedPractice(t, sh, first.ID); got.Description != "Typed, not saved" {
		t.Fatalf("Flush stored %q", got.Description)
	}
}
