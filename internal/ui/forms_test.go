package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// The dialogs are not listed: every button of every area (with its first
// records selected, so the forms show) and every item of the File, Edit
// and Network menus on every area is tapped, and what opened is checked;
// the buttons of those dialogs are tapped in turn, one level down. What
// must open no dialog is listed here, with why; a button that opens none
// and is not listed fails the test, so a new one is classified when added.
var noDialog = map[string]string{
	"Add partner":                         "an empty form in the area",
	"Add theme":                           "a theme in the list, its title selected",
	"Add sub-theme":                       "a sub-theme in the list, its title selected",
	"Add good practice":                   "an empty form in the area",
	"Add row":                             "a row in the grid",
	"New action":                          "an empty form in the area",
	"New question":                        "a question in the editor",
	"Revert":                              "puts the stored record back in the form",
	"Present":                             "full screen",
	"Present (F11)":                       "full screen",
	"icon:foreground_view-fullscreen.svg": "full screen",
	"icon:foreground_arrow-up.svg":        "moves the section up",
	"icon:foreground_arrow-down.svg":      "moves the section down",
	"grids/icon:foreground_delete.svg":    "deletes a grid row in the form, kept until Save",
	"Move up":                             "moves the theme up",
	"Move down":                           "moves the theme down",
	"Save":                                "stores the form on screen",
	"Save (Ctrl+S)":                       "stores the form on screen",
	"Save action":                         "stores the form on screen",
	"Restore":                             "a trash row: restores the record",
	"menu:About AoCE Desktop → Open the data folder": "opens the folder in the system's file manager",
	"menu:Save": "Ctrl+S stores the form on screen (checked below)",
}

// either may open a dialog or not, as the area on screen has it.
var either = map[string]string{
	"Make a plan action of it": "makes one of the selected testing action; says how when none is",
	"menu:New":                 "Ctrl+N starts a record in the area's form, or asks for it in a dialog",
	"menu:Find":                "Ctrl+F puts the cursor in the area's search box, or opens the search limited to the area",
}

// limitChip tells whether key is the search's "Only <area>" chip, which
// lifts the limit to the area inside the same dialog.
func limitChip(key string) bool { return strings.HasPrefix(key, "menu:Find → Only ") }

// notTapped are what the walk leaves alone, with why.
var notTapped = map[string]string{
	"menu:Quit":                      "quits",
	"menu:Open the demo network":     "loads the demo, tested in shell",
	"menu:Present full screen (F11)": "full screen",
	"Run live…":                      "Enter would serve the room on the machine's network; its form is tested in livesession",
}

// pickers are dialogs whose typing is a filter or a query: nothing is lost
// when they close, so Cancel does not ask.
var pickers = []string{"Switch network", "Search the network"}

// opener opens a dialog again from scratch: the walk opens each one
// several times, once per check, so that no check sees another's leftovers.
type opener struct {
	name string
	open func() fyne.CanvasObject // the dialog now on top, or nil
}

// Every dialog the areas and the shell open behaves the same: the first
// field has the focus, a filled field is selected when it gets it, Escape
// closes, Enter and Ctrl+S do what the default button does, and Cancel
// (or Escape) on a form with typing in it asks — and its own Cancel goes
// back to the form with the text intact.
func TestEveryDialogTakesTheKeyboardTheSameWay(t *testing.T) {
	sh := uitest.NewShell(t, true, Areas()...)
	sh.StartJob = func(run func()) { startedJobs = append(startedJobs, run) }
	demo := sh.Network().ID
	addSurvey(t, sh)
	opened := 0
	for i, a := range Areas() {
		reset := func() {
			closeAll(sh)
			if sh.Network().ID != demo {
				sh.SwitchTo(demo)
			}
			undoAll(sh) // what a check's Enter deleted or added is back
			showWithRecords(sh, i)
		}
		reset()
		os := areaOpeners(sh, a.ID, reset)
		// What deletes goes last: Enter on its question deletes the record
		// the other buttons and menu items act on.
		slices.SortStableFunc(os, func(a, b opener) int {
			return strings.Compare(fmt.Sprint(strings.Contains(a.name, "Delete")), fmt.Sprint(strings.Contains(b.name, "Delete")))
		})
		for _, o := range os {
			opened += walkOpener(t, sh, o, 0)
		}
	}
	// The shell's own dialogs, on a network of their own each time one
	// was deleted or left (Delete network, Switch network).
	spare := 0
	reset := func() {
		closeAll(sh)
		if !strings.HasPrefix(sh.Network().Name, "Spare network") {
			spare++
			n, err := sh.Store().CreateNetwork(context.Background(), data.Network{Name: fmt.Sprintf("Spare network %d", spare)})
			if err != nil {
				t.Fatal(err)
			}
			sh.Start(n.ID)
		}
	}
	for _, o := range shellOpeners(sh, reset) {
		opened += walkOpener(t, sh, o, 0)
	}
	t.Logf("%d dialogs checked", opened)
	if opened < 25 {
		t.Errorf("only %d dialogs found: the walk lost its way", opened)
	}
}

// addSurvey imports a small survey: the Surveys area then has its forms.
func addSurvey(t *testing.T, sh *shell.Shell) {
	t.Helper()
	csv := filepath.Join(t.TempDir(), "academy.csv")
	os.WriteFile(csv, []byte("Timestamp,Your city,Main learning need that the partner would like to work on during the network,Rating\n1,Genk,Youth,5\n2,Gdańsk,Youth,4\n"), 0o644)
	if _, _, err := survey.Import(context.Background(), sh.Store(), sh.Network().ID, csv, survey.Options{}); err != nil {
		t.Fatal(err)
	}
	sh.ReloadAll()
}

// startedJobs are the background jobs a key or a tap started (an export
// that Enter confirmed): act runs them once the key has been handled, so
// that the window is changed by one goroutine only (the test driver has no
// UI goroutine of its own).
var startedJobs []func()

// act does what the user does, then runs the jobs it started to their end.
func act(do func()) {
	do()
	for len(startedJobs) > 0 {
		run := startedJobs[0]
		startedJobs = startedJobs[1:]
		run()
	}
}

// closeAll closes every dialog and leaves full screen.
func closeAll(sh *shell.Shell) {
	for uitest.TopOverlay(sh) != nil {
		sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	}
	if sh.Presenting() {
		sh.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
	sh.Window().Canvas().Unfocus()
}

// undoAll takes back every step of the Edit menu.
func undoAll(sh *shell.Shell) {
	if e, ok := sh.CurrentView().(shell.Editor); ok && e.Unsaved() != "" {
		e.Discard()
	}
	for n := 0; sh.UndoName() != "" && n < 100; n++ {
		sh.Undo()
		closeAll(sh)
	}
}

// showWithRecords shows area i with the first record of each list chosen,
// dropping any edit left by a check before.
func showWithRecords(sh *shell.Shell, i int) {
	if e, ok := sh.CurrentView().(shell.Editor); ok && e.Unsaved() != "" {
		e.Discard()
	}
	v := sh.ViewAt(i)
	for _, l := range lists(v.Object()) {
		l.Select(0)
	}
	closeAll(sh) // a selection that asked (it should not: nothing is unsaved)
}

func lists(o fyne.CanvasObject) []*widget.List {
	var ls []*widget.List
	uitest.Walk(o, func(c fyne.CanvasObject) bool {
		if l, ok := c.(*widget.List); ok && l.Length() > 0 {
			ls = append(ls, l)
		}
		return true
	})
	return ls
}

// label names a button as a user sees it: its text, or its icon.
func label(b *widget.Button) string {
	if b.Text == "" && b.Icon != nil {
		return "icon:" + b.Icon.Name()
	}
	return b.Text
}

// buttons are the enabled buttons inside o, by label and occurrence.
func buttons(o fyne.CanvasObject) []*widget.Button {
	var bs []*widget.Button
	uitest.Walk(o, func(c fyne.CanvasObject) bool {
		if b, ok := c.(*widget.Button); ok && !b.Disabled() {
			bs = append(bs, b)
		}
		return true
	})
	return bs
}

// nthButton finds the n-th enabled button labelled l inside o.
func nthButton(o fyne.CanvasObject, l string, n int) *widget.Button {
	k := 0
	for _, b := range buttons(o) {
		if label(b) == l {
			if k == n {
				return b
			}
			k++
		}
	}
	return nil
}

// areaOpeners are the area's buttons and the menu items on it. Shell menu
// items are walked on the last area only (they open the same dialogs
// everywhere); the Edit items a view offers are walked on every area.
func areaOpeners(sh *shell.Shell, area string, reset func()) []opener {
	var os []opener
	seen := map[string]int{}
	for _, b := range buttons(sh.CurrentView().Object()) {
		l, n := label(b), seen[label(b)]
		seen[l]++
		os = append(os, opener{area + "/" + l, func() fyne.CanvasObject {
			reset()
			b := nthButton(sh.CurrentView().Object(), l, n)
			if b == nil {
				return nil
			}
			act(func() { test.Tap(b) })
			return uitest.TopOverlay(sh)
		}})
	}
	for _, l := range viewItems {
		if menuItemOffered(sh, l) {
			os = append(os, opener{area + "/menu:" + l, func() fyne.CanvasObject {
				reset()
				act(menuAction(sh, l))
				return uitest.TopOverlay(sh)
			}})
		}
	}
	return os
}

// viewItems are the Edit menu's items that act on the view on screen.
var viewItems = []string{"New", "Save", "Find", "Delete…", "Export…"}

func menuItemOffered(sh *shell.Shell, l string) bool {
	for _, m := range sh.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == l {
				return !it.Disabled
			}
		}
	}
	return false
}

// shellOpeners are the items of the File, Edit and Network menus but the
// view's own.
func shellOpeners(sh *shell.Shell, reset func()) []opener {
	var os []opener
	for _, m := range sh.Window().MainMenu().Items {
		if m.Label == "Go" {
			continue
		}
		for _, it := range m.Items {
			if it.IsSeparator || it.ChildMenu != nil || slices.Contains(viewItems, it.Label) {
				continue
			}
			l := it.Label
			os = append(os, opener{m.Label + "/menu:" + l, func() fyne.CanvasObject {
				reset()
				act(menuAction(sh, l))
				return uitest.TopOverlay(sh)
			}})
		}
	}
	return os
}

// menuAction is the action of the menu item labelled l (the menu is built
// afresh after full screen, so it is looked up each time).
func menuAction(sh *shell.Shell, l string) func() {
	for _, m := range sh.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == l {
				return it.Action
			}
		}
	}
	return func() {}
}

// walkOpener opens o's dialog, checks it and walks its buttons; it returns
// how many dialogs it checked.
func walkOpener(t *testing.T, sh *shell.Shell, o opener, depth int) int {
	t.Helper()
	key := o.name[strings.Index(o.name, "/")+1:]
	if _, ok := noDialog[o.name]; ok {
		key = o.name // listed for its area only
	}
	if _, skip := notTapped[key]; skip || strings.HasPrefix(key, "menu:Undo") || strings.HasPrefix(key, "menu:Redo") {
		return 0 // the Edit menu's own steps, tested in shell
	}
	d := o.open()
	if d == nil {
		if _, ok := noDialog[key]; !ok && either[key] == "" && !limitChip(key) {
			t.Errorf("%s opened no dialog: list it in noDialog with why, or make it open one", o.name)
		}
		return 0
	}
	if why, ok := noDialog[key]; ok {
		t.Errorf("%s opened a dialog (%s), but is listed as one that does not (%s)", o.name, dialogText(d), why)
	}
	checkDialog(t, sh, o)
	n := 1
	if depth == 1 || fyneChooser(d) {
		return n
	}
	// One level down: the dialog's own buttons but its answers, with the
	// first row of its lists chosen (a snapshot to restore).
	for _, l := range lists(d) {
		l.Select(0)
	}
	seen := map[string]int{}
	for _, b := range buttons(d) {
		l := label(b)
		k := seen[l]
		seen[l]++
		if b.Importance == widget.HighImportance || slices.Contains([]string{"Cancel", "Close", "OK", "Discard", "Delete", "Keep editing", "Yes", "No"}, l) || strings.HasPrefix(l, "icon:") {
			continue
		}
		n += walkOpener(t, sh, opener{o.name + " → " + l, func() fyne.CanvasObject {
			d := o.open()
			if d == nil {
				return nil
			}
			for _, l := range lists(d) {
				l.Select(0)
			}
			b := nthButton(d, l, k)
			if b == nil {
				return nil
			}
			act(func() { test.Tap(b) })
			if uitest.TopOverlay(sh) == d {
				return nil
			}
			return uitest.TopOverlay(sh)
		}}, depth+1)
	}
	return n
}

// fyneChooser tells Fyne's file and folder dialogs, whose buttons are
// Fyne's to test (its breadcrumb of folders, say): they alone list the
// places "Home" and "Computer".
func fyneChooser(d fyne.CanvasObject) bool {
	return uitest.TextIn(d, "Computer") && uitest.TextIn(d, "Home")
}

// fields are the enabled text fields inside d, in the order Tab visits them.
func fields(d fyne.CanvasObject) []*widget.Entry {
	var es []*widget.Entry
	uitest.Walk(d, func(c fyne.CanvasObject) bool {
		if e := uitest.EntryOf(c); e != nil && !e.Disabled() {
			es = append(es, e)
			return true
		}
		return true
	})
	return es
}

// focusable is the widget that takes the focus for e (a wrapper of it).
func focusable(d fyne.CanvasObject, e *widget.Entry) fyne.Focusable {
	var f fyne.Focusable
	uitest.Walk(d, func(c fyne.CanvasObject) bool {
		if uitest.EntryOf(c) == e {
			f, _ = c.(fyne.Focusable)
			return false
		}
		return true
	})
	return f
}

// defaultButton is the dialog's highlighted button, or nil.
func defaultButton(d fyne.CanvasObject) *widget.Button {
	b, _ := uitest.Find(d, func(b *widget.Button) bool { return b.Importance == widget.HighImportance })
	return b
}

// acted tells whether the dialog d answered a key: it is gone, or
// something opened above it.
func acted(sh *shell.Shell, d fyne.CanvasObject) bool { return uitest.TopOverlay(sh) != d }

func checkDialog(t *testing.T, sh *shell.Shell, o opener) {
	t.Helper()
	name := o.name
	d := o.open()
	fs := fields(d)
	picker := slices.ContainsFunc(pickers, func(p string) bool { return uitest.TextIn(d, p) })
	_, isForm := uitest.Find(d, func(*widget.Form) bool { return true })
	// The first field has the focus.
	if len(fs) > 0 && uitest.FocusedEntry(sh) != fs[0] {
		t.Errorf("%s: the first field is not focused when it opens (the focus is on %T)", name, sh.Window().Canvas().Focused())
	}
	// A filled one-line field is selected when it gets the focus, so
	// typing replaces it.
	for _, e := range fs {
		if e.MultiLine || e.Text == "" {
			continue
		}
		f := focusable(d, e)
		sh.Window().Canvas().Focus(nil)
		sh.Window().Canvas().Focus(f)
		if e.SelectedText() != e.Text {
			t.Errorf("%s: the field holding %q is not selected when it gets the focus (selected %q)", name, e.Text, e.SelectedText())
		}
	}
	// The menus' shortcuts do not act behind it: Ctrl+1 and Ctrl+2 (one
	// of them another area) leave the screen and the dialog as they are.
	behind := sh.CurrentView()
	for _, k := range []fyne.KeyName{fyne.Key1, fyne.Key2} {
		uitest.Shortcut(sh, &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	}
	if sh.CurrentView() != behind || uitest.TopOverlay(sh) != d {
		t.Errorf("%s: Ctrl+1 / Ctrl+2 changed the screen behind it", name)
		d = o.open()
	}
	// Escape closes it.
	if len(fs) > 0 {
		sh.Window().Canvas().Focus(focusable(d, fs[0]))
	}
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) == d {
		t.Errorf("%s: Escape does not close it (the focus is on %T)", name, sh.Window().Canvas().Focused())
	}
	// Enter, and on a form Ctrl+S, do what the default button does.
	keys := []struct {
		what  string
		press func()
	}{{"Enter", func() { uitest.Key(sh, fyne.KeyReturn) }}}
	if isForm {
		keys = append(keys, struct {
			what  string
			press func()
		}{"Ctrl+S", func() {
			uitest.Shortcut(sh, &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
		}})
	}
	for _, k := range keys {
		d := o.open()
		if d == nil {
			t.Errorf("%s did not open again", name)
			return
		}
		if f := uitest.FocusedEntry(sh); f != nil && f.MultiLine && k.what == "Enter" {
			continue // Enter is a new line there
		}
		if fyneChooser(d) {
			continue // Fyne's file dialog takes Enter only in its own fields
		}
		def := defaultButton(d)
		act(k.press)
		switch {
		case def != nil && !def.Disabled() && !acted(sh, d):
			t.Errorf("%s: %s does not do what “%s” does", name, k.what, def.Text)
		case (def == nil || def.Disabled()) && k.what == "Ctrl+S" && acted(sh, d):
			t.Errorf("%s: %s went on while “%s” is disabled", name, k.what, def.Text)
		}
	}
	// Cancel with typing asks, and the question's Cancel returns to the
	// form as it was; Escape likewise.
	if !isForm || picker || len(fs) == 0 {
		return
	}
	for _, how := range []string{"Cancel", "Escape"} {
		d := o.open()
		first := uitest.FocusedEntry(sh)
		if first == nil {
			return // said above
		}
		uitest.TypeInFocused(sh, "Zq")
		typed := first.Text
		if !answer(sh, d, how, "Cancel") {
			t.Errorf("%s: a form without Cancel", name)
			return
		}
		q := uitest.TopOverlay(sh)
		if q == d || q == nil {
			t.Errorf("%s: %s with typing in it does not ask", name, how)
			continue
		}
		// The question's highlighted answer is the safe one, and Enter
		// gives it: a stray Enter after typing keeps the work.
		if def := defaultButton(q); def == nil || def.Text != "Keep editing" {
			t.Errorf("%s: the question's highlighted button is not Keep editing (%v)", name, def)
		}
		uitest.Key(sh, fyne.KeyReturn)
		if uitest.TopOverlay(sh) != d || first.Text != typed {
			t.Errorf("%s: Enter on the question does not keep editing", name)
			continue
		}
		if !answer(sh, d, how, "Cancel") {
			continue
		}
		if q = uitest.TopOverlay(sh); q == d {
			continue
		}
		if !answer(sh, q, how, "Keep editing", "Cancel", "Go back") {
			t.Errorf("%s: the question has no way back to the form", name)
			continue
		}
		if uitest.TopOverlay(sh) != d || first.Text != typed {
			t.Errorf("%s: %s on the question does not return to the form as typed (%q)", name, how, first.Text)
		}
	}
}

// dialogText is the first words of a dialog, for messages.
func dialogText(d fyne.CanvasObject) string {
	var words []string
	uitest.Walk(d, func(c fyne.CanvasObject) bool {
		if l, ok := c.(*widget.Label); ok && l.Text != "" {
			words = append(words, l.Text)
		}
		return len(words) < 2
	})
	return strings.Join(words, " / ")
}

// answer presses Escape on the dialog d, or taps its button labelled one
// of labels; false when it has none.
func answer(sh *shell.Shell, d fyne.CanvasObject, how string, labels ...string) bool {
	if how == "Escape" {
		uitest.Key(sh, fyne.KeyEscape)
		return true
	}
	b, ok := uitest.Find(d, func(b *widget.Button) bool { return slices.Contains(labels, b.Text) })
	if ok {
		act(func() { test.Tap(b) })
	}
	return ok
}

// saveButtons are the buttons that store the form on screen.
var saveButtons = []string{"Save", "Save (Ctrl+S)", "Save action"}

// autosaved are the editor areas whose typing is stored as it is typed.
var autosaved = map[string]string{
	"study":   "a section is stored as it is typed (one undo step per run)",
	"surveys": "its editor is the Questions… dialog, walked above",
	"roadmap": "meetings are edited in the Edit meeting… form",
}

// Ctrl+S saves the form of every area that has one, and the area's Save
// button follows the form: disabled while nothing is typed, enabled once
// something is, disabled again after Ctrl+S stored it.
func TestCtrlSSavesEveryAreaForm(t *testing.T) {
	sh := uitest.NewShell(t, true, Areas()...)
	ctrlS := &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	checked := 0
	for i, a := range Areas() {
		showWithRecords(sh, i)
		e, ok := sh.CurrentView().(shell.Editor)
		if !ok || autosaved[a.ID] != "" {
			continue
		}
		saveState := func(when string, enabled bool) {
			t.Helper()
			b, found := uitest.Find(sh.CurrentView().Object(), func(b *widget.Button) bool { return slices.Contains(saveButtons, b.Text) })
			if found && b.Disabled() == enabled {
				t.Errorf("%s: %s, its “%s” button is enabled=%v", a.Title, when, b.Text, !b.Disabled())
			}
		}
		saveState("with nothing typed", false)
		typed := false
		var searchBox *widget.Entry // not a field of the form: typing there filters (and may hide the form's record)
		if f, ok := sh.CurrentView().(shell.Finder); ok {
			f.Find()
			searchBox = uitest.FocusedEntry(sh)
		}
		for _, f := range fields(sh.CurrentView().Object()) {
			if f.MultiLine || f.Disabled() || f == searchBox {
				continue
			}
			sh.Window().Canvas().Focus(focusable(sh.CurrentView().Object(), f))
			uitest.TypeInFocused(sh, "Zq")
			if e.Unsaved() != "" {
				typed = true
				break
			}
		}
		if !typed {
			t.Errorf("%s is an editor, but typing in none of its fields leaves anything unsaved", a.Title)
			continue
		}
		saveState("with a field typed in", true)
		uitest.Shortcut(sh, ctrlS)
		if what := e.Unsaved(); what != "" {
			t.Errorf("%s: Ctrl+S left %s unsaved (on screen: %s)", a.Title, what, dialogText(uitest.TopOverlay(sh)))
			closeAll(sh)
			e.Discard()
			continue
		}
		saveState("after Ctrl+S", false)
		checked++
	}
	if checked < 4 {
		t.Errorf("Ctrl+S checked on %d areas only", checked)
	}
}

// Ctrl+Z in a dialog's field undoes its typing, never the store's last
// change behind the dialog.
func TestCtrlZInADialogUndoesItsTyping(t *testing.T) {
	sh := uitest.NewShell(t, true, Areas()...)
	showPartner(t, sh, "gdansk", "Gdańsk")
	menuItem(t, sh, "Delete…").Action()
	uitest.Key(sh, fyne.KeyReturn)
	step := sh.UndoName()
	if step == "" {
		t.Fatal("the delete left no undo step")
	}
	menuItem(t, sh, "Edit network details…").Action()
	name := uitest.FocusedEntry(sh)
	was := name.Text
	uitest.TypeInFocused(sh, "Zq")            // replaces the selected name
	uitest.Shortcut(sh, &fyne.ShortcutUndo{}) // the typing
	uitest.Shortcut(sh, &fyne.ShortcutUndo{}) // the replaced name (Fyne's entry: two steps)
	if name.Text != was {
		t.Errorf("Ctrl+Z left the field at %q, not %q", name.Text, was)
	}
	if sh.UndoName() != step || uitest.TopOverlay(sh) == nil {
		t.Errorf("Ctrl+Z in the dialog undid %q behind it", step)
	}
}
