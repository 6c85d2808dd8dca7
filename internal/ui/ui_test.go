package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// menuItem finds the item labelled label (or starting with it) in the
// window's menus, as a user reads them.
func menuItem(t *testing.T, sh *shell.Shell, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range sh.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label || strings.HasPrefix(it.Label, label) {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// Every area of the navigation opens on the demo network and on an empty
// network, and the keys Ctrl+1 … Ctrl+0 are each given once.
func TestEveryAreaOpens(t *testing.T) {
	sh := uitest.NewShell(t, true, Areas()...)
	seen := map[fyne.KeyName]bool{}
	for i, a := range Areas() {
		if v := sh.ViewAt(i); v == nil || sh.CurrentView() != v {
			t.Fatalf("area %s did not open", a.Title)
		}
		if a.Shortcut != "" && seen[a.Shortcut] {
			t.Errorf("Ctrl+%s is given twice", a.Shortcut)
		}
		seen[a.Shortcut] = true
	}
	n, err := sh.Store().CreateNetwork(context.Background(), data.Network{Name: "Empty network"})
	if err != nil {
		t.Fatal(err)
	}
	sh.Start(n.ID)
	for i, a := range Areas() {
		if sh.ViewAt(i) == nil {
			t.Fatalf("area %s did not open on an empty network", a.Title)
		}
	}
}

// showPartner finds a partner with the search box of the Partners screen
// and selects it, as a user would.
func showPartner(t *testing.T, sh *shell.Shell, search, name string) {
	t.Helper()
	sh.ShowArea(1)
	uitest.EntryWithPlaceholder(t, sh.Content(), "Search name, country, region…").SetText(search)
	list, ok := uitest.Find(sh.Content(), func(l *widget.List) bool { return l.Length() == 1 })
	if !ok {
		t.Fatalf("searching %q does not list one partner", search)
	}
	list.Select(0)
	uitest.EntryWithText(t, sh.Content(), name) // the form shows it
}

// Closing the window with an unsaved partner edit asks; Cancel keeps it.
func TestClosingTheWindowGuardsUnsavedChanges(t *testing.T) {
	sh := uitest.NewShell(t, true, Areas()...)
	showPartner(t, sh, "iasi", "Iași")
	uitest.EntryWithText(t, sh.Content(), "Iași").SetText("Iași (Romania)")
	sh.RequestQuit()
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "not saved yet") || !uitest.TextIn(d, "Iași") {
		t.Fatal("closing with unsaved changes did not ask")
	}
	test.Tap(uitest.ButtonIn(t, d, "Cancel"))
	uitest.EntryWithText(t, sh.Content(), "Iași (Romania)") // the edit is still on screen
}

// The file dialogs of the File menu open (Fyne 2.8 panics when a file
// dialog is resized before it is shown).
func TestFileMenuDialogsOpen(t *testing.T) {
	sh := uitest.NewShell(t, true, Areas()...)
	for _, label := range []string{"Import partners…", "Import survey…", "Back up the database…"} {
		menuItem(t, sh, label).Action()
		if uitest.TopOverlay(sh) == nil {
			t.Fatalf("%s opened no dialog", label)
		}
		sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	}
}

// A partner deleted through the screens comes back whole with Edit → Undo:
// its practices, matrix cells and learning grids; Redo deletes it again.
func TestDeletedPartnerIsRestoredWholeByUndo(t *testing.T) {
	sh := uitest.NewShell(t, true, Areas()...)
	ctx := context.Background()
	count := func() (partners, practices, cells, gridRows int) {
		ps, _ := sh.Store().Partners(ctx, sh.Network().ID)
		gps, _ := sh.Store().GoodPractices(ctx, sh.Network().ID)
		cs, _ := sh.Store().MatrixCells(ctx, sh.Network().ID)
		ms, _ := sh.Store().Meetings(ctx, sh.Network().ID)
		for _, m := range ms {
			gs, _ := sh.Store().MeetingGrids(ctx, m.ID)
			for _, g := range gs {
				gridRows += len(g.Rows)
			}
		}
		return len(ps), len(gps), len(cs), gridRows
	}
	p0, gp0, c0, r0 := count()
	showPartner(t, sh, "gdansk", "Gdańsk")
	menuItem(t, sh, "Delete…").Action()
	uitest.Key(sh, fyne.KeyReturn)
	p1, gp1, c1, r1 := count()
	if p1 != p0-1 || gp1 >= gp0 || c1 >= c0 || r1 >= r0 {
		t.Fatalf("the delete took partners %d→%d, practices %d→%d, cells %d→%d, grid rows %d→%d", p0, p1, gp0, gp1, c0, c1, r0, r1)
	}
	undo := menuItem(t, sh, "Undo")
	if undo.Label != "Undo delete partner ‘Gdańsk’" {
		t.Fatalf("the Edit menu says %q", undo.Label)
	}
	undo.Action()
	if p, gp, c, r := count(); p != p0 || gp != gp0 || c != c0 || r != r0 {
		t.Fatalf("after undo partners %d/%d, practices %d/%d, cells %d/%d, grid rows %d/%d", p, p0, gp, gp0, c, c0, r, r0)
	}
	uitest.EntryWithPlaceholder(t, sh.Content(), "Search name, country, region…").SetText("gdansk")
	if _, ok := uitest.Find(sh.Content(), func(l *widget.List) bool { return l.Length() == 1 }); !ok {
		t.Fatal("the partner list does not show Gdańsk after undo")
	}
	menuItem(t, sh, "Redo").Action()
	if p, _, _, _ := count(); p != p0-1 {
		t.Fatal("redo did not delete again")
	}
}
