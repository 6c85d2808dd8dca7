//go:build ci

package wizard_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/wizard"
)

const pasted = `LEAD PARTNER : Braga - Portugal
• Varna - Bulgaria
• Genk - Belgium
• Iași - Romania
• Vilnius - Lithuania`

const themes = `1 Working with citizens
  1.1 Participatory budgets
  1.2 Neighbourhood councils
2 Green transition
  2.1 Urban gardens
3 Culture
  3.1 Festivals
  3.2 Libraries`

// actions drives the window as the user does and counts what they do.
type actions struct {
	t  *testing.T
	sh *shell.Shell
	n  int
}

// typeText types a whole field's text into the focused field: one action.
func (a *actions) typeText(s string) {
	a.t.Helper()
	e := uitest.FocusedEntry(a.sh)
	if l, ok := a.sh.Window().Canvas().Focused().(interface{ TextEntry() *widget.Entry }); ok {
		e = l.TextEntry()
	}
	if e == nil {
		a.t.Fatalf("no field has the focus to type %q", s)
	}
	test.Type(a.sh.Window().Canvas().Focused(), s)
	if e.Text != s {
		a.t.Fatalf("typed %q, the field holds %q", s, e.Text)
	}
	a.n++
}

// toThemesTyped types the network's name, the partners and the themes,
// and stays on page 3.
func (a *actions) toThemesTyped() {
	a.t.Helper()
	a.typeText("Cities of Welcome")
	a.key(fyne.KeyReturn)
	a.typeText(pasted)
	a.ctrlEnter()
	a.typeText(themes)
}

func (a *actions) tab() { a.sh.Window().Canvas().FocusNext(); a.n++ }

func (a *actions) key(k fyne.KeyName) { uitest.Key(a.sh, k); a.n++ }

func (a *actions) ctrlEnter() {
	a.t.Helper()
	f, ok := a.sh.Window().Canvas().Focused().(fyne.Shortcutable)
	if !ok {
		a.t.Fatal("the focused widget takes no shortcut")
	}
	f.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	a.n++
}

// The target: five partners, three themes and five sub-themes in
// at most 20 actions, from the menu item to the open network.
func TestNewNetworkInTwentyActions(t *testing.T) {
	sh := uitest.NewShell(t, true)
	a := &actions{t: t, sh: sh}
	wizard.Open(sh) // File → New network…
	a.n++
	a.typeText("Cities of Welcome")
	a.tab()
	a.typeText("CoW")
	a.tab()
	a.typeText("1.6.2023")
	a.tab()
	a.typeText("31/12/2025")
	a.tab()
	a.typeText("Ana Expert")
	a.key(fyne.KeyReturn)
	if !uitest.TextIn(uitest.TopOverlay(sh), "2 of 3") {
		t.Fatal("Enter did not go to step 2")
	}
	a.typeText(pasted)
	a.ctrlEnter()
	if !uitest.TextIn(uitest.TopOverlay(sh), "3 of 3") {
		t.Fatal("Ctrl+Enter did not go to step 3")
	}
	a.typeText(themes)
	a.ctrlEnter()

	t.Logf("%d actions", a.n)
	if a.n > 20 {
		t.Errorf("%d actions, the target is at most 20", a.n)
	}
	n := sh.Network()
	if n.Name != "Cities of Welcome" || n.Acronym != "CoW" || n.StartDate != "2023-06-01" || n.EndDate != "2025-12-31" || n.LeadExpert != "Ana Expert" {
		t.Fatalf("open network: %+v", n)
	}
	if o := uitest.TopOverlay(sh); o != nil {
		t.Errorf("a dialog is still shown after Create")
	}
	ps, err := sh.Store().Partners(sh.Ctx(), n.ID)
	if err != nil {
		t.Fatal(err)
	}
	leads := 0
	for _, p := range ps {
		if p.IsLead() {
			leads++
			if p.Name != "Braga" || p.Country != "Portugal" {
				t.Errorf("lead partner %s (%s)", p.Name, p.Country)
			}
		}
	}
	if len(ps) != 5 || leads != 1 {
		t.Errorf("%d partners, %d lead", len(ps), leads)
	}
	ths, err := sh.Store().Themes(sh.Ctx(), n.ID)
	if err != nil {
		t.Fatal(err)
	}
	subs := 0
	for _, th := range ths {
		subs += len(th.SubThemes)
	}
	if len(ths) != 3 || subs != 5 || ths[2].SubThemes[1].Label() != "3.2 Libraries" {
		t.Errorf("%d themes, %d sub-themes: %+v", len(ths), subs, ths)
	}
}

// A bad outline line keeps the wizard on step 3 and says which line.
func TestBadOutlineLineIsRefused(t *testing.T) {
	sh := uitest.NewShell(t, false)
	before := sh.Network()
	wizard.Open(sh)
	a := &actions{t: t, sh: sh}
	a.typeText("Cities of Welcome")
	a.key(fyne.KeyReturn)
	a.ctrlEnter() // no partners: skipped
	a.typeText("1 Working with citizens\n  2.1 Misplaced")
	a.ctrlEnter()
	if !uitest.TextIn(uitest.TopOverlay(sh), "line 2") {
		t.Error("the problem does not name line 2")
	}
	if !uitest.TextIn(uitest.TopOverlay(sh), "3 of 3") || sh.Network() != before {
		t.Error("Ctrl+Enter went on with a bad outline")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Create"))
	if !uitest.TextIn(uitest.TopOverlay(sh), "3 of 3") || sh.Network() != before {
		t.Error("Create went on with a bad outline")
	}
}

// Escape or Cancel on any page asks about the whole wizard, named, when
// anything was typed on any page; the question's Keep editing returns to
// the page as it was. With nothing typed, Escape just closes.
func TestCancelAsksAboutTheWholeWizard(t *testing.T) {
	sh := uitest.NewShell(t, false)
	wizard.Open(sh)
	uitest.Key(sh, fyne.KeyEscape)
	if o := uitest.TopOverlay(sh); o != nil {
		t.Fatal("Escape on the untouched wizard did not close it")
	}
	wizard.Open(sh)
	a := &actions{t: t, sh: sh}
	a.typeText("Cities of Welcome")
	a.key(fyne.KeyReturn) // page 2, nothing typed on it
	for _, cancel := range []func(){
		func() { uitest.Key(sh, fyne.KeyEscape) },
		func() { test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Cancel")) },
	} {
		page := uitest.TopOverlay(sh)
		cancel()
		q := uitest.TopOverlay(sh)
		if q == page || !uitest.TextIn(q, "Discard the new network Cities of Welcome?") {
			t.Fatal("cancelling page 2 did not ask about the new network by its name")
		}
		test.Tap(uitest.ButtonIn(t, q, "Keep editing"))
		if uitest.TopOverlay(sh) != page || !uitest.TextIn(page, "2 of 3") {
			t.Fatal("Keep editing did not return to page 2")
		}
	}
	ns, _ := sh.Store().Networks(sh.Ctx())
	if len(ns) != 0 {
		t.Errorf("%d networks stored", len(ns))
	}
}

// Back on pages 2 and 3 returns to the page before with everything typed
// still there, and going on again keeps it too.
func TestBackKeepsWhatWasTyped(t *testing.T) {
	sh := uitest.NewShell(t, false)
	wizard.Open(sh)
	a := &actions{t: t, sh: sh}
	a.toThemesTyped()
	back := func(want string) {
		t.Helper()
		test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Back"))
		if !uitest.TextIn(uitest.TopOverlay(sh), want) {
			t.Fatalf("Back did not go to %q", want)
		}
	}
	back("2 of 3")
	if e := uitest.FocusedEntry(sh); e == nil || e.Text != pasted {
		t.Fatalf("page 2 after Back: the focused field holds %v", e)
	}
	back("1 of 3")
	if e := uitest.FocusedEntry(sh); e == nil || e.Text != "Cities of Welcome" {
		t.Fatalf("page 1 after Back: the focused field holds %v", e)
	}
	if _, ok := uitest.Find(uitest.TopOverlay(sh), func(b *widget.Button) bool { return b.Text == "Back" }); ok {
		t.Error("page 1 has a Back button")
	}
	a.key(fyne.KeyReturn)
	a.ctrlEnter()
	if e := uitest.FocusedEntry(sh); !uitest.TextIn(uitest.TopOverlay(sh), "3 of 3") || e == nil || e.Text != themes {
		t.Fatal("page 3 lost its outline on the way back and forth")
	}
	a.ctrlEnter()
	if n := sh.Network(); n.Name != "Cities of Welcome" {
		t.Fatalf("open network %q", n.Name)
	}
}

// After Create, Edit → Undo moves the new network to the trash and goes
// back to the network open before; Redo brings it back, whole, and opens it.
func TestUndoTakesBackTheNewNetwork(t *testing.T) {
	sh := uitest.NewShell(t, true)
	demo := sh.Network()
	wizard.Open(sh)
	a := &actions{t: t, sh: sh}
	a.toThemesTyped()
	a.ctrlEnter()
	created := sh.Network()
	if created.Name != "Cities of Welcome" {
		t.Fatalf("open network %q", created.Name)
	}
	if got := sh.UndoName(); got != "create network ‘Cities of Welcome’" {
		t.Fatalf("Undo would %q", got)
	}
	sh.Undo()
	if sh.Network().ID != demo.ID {
		t.Fatalf("after Undo the open network is %q, not %q", sh.Network().Name, demo.Name)
	}
	ns, _ := sh.Store().Networks(sh.Ctx())
	for _, n := range ns {
		if n.ID == created.ID {
			t.Fatal("the new network is still listed after Undo")
		}
	}
	if sh.RedoName() != "create network ‘Cities of Welcome’" {
		t.Fatalf("Redo would %q", sh.RedoName())
	}
	sh.Redo()
	if sh.Network().ID != created.ID {
		t.Fatalf("after Redo the open network is %q", sh.Network().Name)
	}
	ps, _ := sh.Store().Partners(sh.Ctx(), created.ID)
	ths, _ := sh.Store().Themes(sh.Ctx(), created.ID)
	if len(ps) != 5 || len(ths) != 3 {
		t.Errorf("after Redo %d partners, %d themes", len(ps), len(ths))
	}
	if sh.UndoName() != "create network ‘Cities of Welcome’" {
		t.Errorf("after Redo, Undo would %q", sh.UndoName())
	}
}
