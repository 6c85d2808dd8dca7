package practices

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestThemesEditorRenamesMovesAndGuardsDelete(t *testing.T) {
	ctx := context.Background()
	sh := newTestShell(t, true)
	v, ok := sh.ViewAt(4).(*themesView)
	if !ok {
		t.Fatal("area 4 is not themes")
	}
	if len(v.rows) != 20 {
		t.Fatalf("%d rows, want 4 themes + 16 sub-themes", len(v.rows))
	}
	v.list.Select(1) // 1.1
	v.title.SetText("Citizen engagement methods")
	v.list.Select(2) // leaving saves the valid edit
	themes, _ := sh.Store().Themes(ctx, sh.Network().ID)
	if themes[0].SubThemes[0].Title != "Citizen engagement methods" {
		t.Fatalf("title %q", themes[0].SubThemes[0].Title)
	}
	v.move(-1) // 1.2 above 1.1
	themes, _ = sh.Store().Themes(ctx, sh.Network().ID)
	if themes[0].SubThemes[0].Number != "1.2" {
		t.Fatalf("first sub-theme is %s after moving 1.2 up", themes[0].SubThemes[0].Number)
	}
	v.list.Select(0)
	v.confirmDelete()
	d := topOverlay(sh)
	if d == nil || !textIn(d, "6 sub-theme(s)") || !textIn(d, "matrix cell(s)") {
		t.Fatal("deleting a theme in use does not say what goes with it")
	}
	test.Tap(buttonIn(t, d, "Cancel"))
	themes, _ = sh.Store().Themes(ctx, sh.Network().ID)
	if len(themes) != 4 {
		t.Fatal("Cancel deleted the theme")
	}
	v.addTheme()
	themes, _ = sh.Store().Themes(ctx, sh.Network().ID)
	if len(themes) != 5 || themes[4].Title != "New theme" || sh.Window().Canvas().Focused() != v.title {
		t.Fatal("Add theme did not add a theme ready to be named")
	}
}

func TestGoodPracticeCatalogueFiltersAndEdits(t *testing.T) {
	ctx := context.Background()
	sh := newTestShell(t, true)
	v, ok := sh.ViewAt(5).(*practicesView)
	if !ok {
		t.Fatal("area 5 is not good practices")
	}
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
