// Package wizard is File → New network…: a network in minutes, in three
// steps of one dialog each, all from the keyboard. Step 1 the network's
// name, acronym, dates and lead expert (Enter: Next); step 2 the partners
// pasted as the URBACT site lists them, or nothing to skip; step 3 the
// themes typed as an indented outline (Ctrl+Enter or Next in those two).
// Create stores everything in one transaction and opens the network;
// Edit → Undo takes it back. Back returns to the page before with what was
// typed; Escape or Cancel asks before it drops what was typed on any page.
package wizard

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/outline"
	"github.com/aoce-desktop/aoce-desktop/internal/partners"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Wizard is the new network being typed.
type Wizard struct {
	sh                  *shell.Shell
	name, acronym, lead *widgets.Entry
	start, end          *widgets.DateEntry
	partners            *linesEntry
	themes              *linesEntry
}

// Show opens the wizard (what File → New network… does).
func Show(sh *shell.Shell) { Open(sh) }

// Open opens the wizard at step 1 and returns it (tests drive it).
func Open(sh *shell.Shell) *Wizard {
	w := &Wizard{sh: sh}
	entry := func(placeholder string, validate func(string) error) *widgets.Entry {
		e := widgets.NewEntry()
		e.SetPlaceHolder(placeholder)
		e.Validator = validate
		return e
	}
	w.name = entry("e.g. Agents of Co-Existence", sh.NetworkNameRule(""))
	w.name.AlwaysShowValidationError = true // a taken name is said while typed, not once the field is left
	w.acronym = entry("e.g. AoCE", nil)
	w.start, w.end = widgets.NewDateEntry(""), widgets.NewDateEntry("")
	w.lead = entry("your name", nil)
	w.partners = newLinesEntry("LEAD PARTNER : Braga - Portugal\n• Varna - Bulgaria", func(s string) error {
		_, err := parsePartners(s)
		return err
	})
	w.themes = newLinesEntry("1 Working with citizens\n  1.1 Participatory budgets", func(s string) error {
		_, err := parseThemes(s)
		return err
	})
	w.step1()
	return w
}

func (w *Wizard) typed() bool {
	for _, e := range []*widgets.Entry{w.name, w.acronym, &w.start.Entry, &w.end.Entry, w.lead, &w.partners.Entry, &w.themes.Entry} {
		if strings.TrimSpace(e.Text) != "" {
			return true
		}
	}
	return false
}

// discard is what Cancel asks on every page: the whole wizard goes.
func (w *Wizard) discard() string {
	if name := strings.TrimSpace(w.name.Text); name != "" {
		return "Discard the new network " + name + "?"
	}
	return "Discard the new network?"
}

// Each step closes itself before it shows the next one, which so gets the
// focus (a dialog shown above one that closes then loses it).
func (w *Wizard) step1() {
	var closeForm func()
	closeForm = w.sh.ShowForm(shell.Form{Title: "New network — 1 of 3: the network", Confirm: "Next", Size: widgets.DialogSize,
		Items: []*widget.FormItem{
			widget.NewFormItem("Name", w.name), widget.NewFormItem("Acronym", w.acronym),
			widget.NewFormItem("Start date", w.start), widget.NewFormItem("End date", w.end),
			widget.NewFormItem("Lead expert", w.lead),
		},
		Changed: w.typed, Discard: w.discard,
		OnConfirm: func() bool { closeForm(); w.step2(); return false },
	})
}

func (w *Wizard) step2() {
	item := widget.NewFormItem("Partners", w.partners)
	item.HintText = "Paste the partners from the network's URBACT page; leave it empty to skip. Ctrl+Enter: Next"
	w.multiLineStep("New network — 2 of 3: the partners", "Next", item, w.step1, func(closeForm func()) bool { closeForm(); w.step3(); return false })
}

func (w *Wizard) step3() {
	item := widget.NewFormItem("Themes", w.themes)
	item.HintText = "Themes flush left, their sub-themes indented under them; numbers are optional. Ctrl+Enter: Create"
	w.multiLineStep("New network — 3 of 3: the themes", "Create", item, w.step2, func(func()) bool { return w.create() })
}

// multiLineStep shows a step of one multi-line field, whose Ctrl+Enter
// does what the step's button does (Enter starts a new line).
// back shows the step before; next returns true when the step is done
// and the form is to close.
func (w *Wizard) multiLineStep(title, confirm string, item *widget.FormItem, back func(), next func(closeForm func()) bool) {
	e := item.Widget.(*linesEntry)
	// The line that is wrong, said under the field as it is typed (Fyne's
	// form shows a validation error only after the field loses the focus).
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	e.OnChanged = func(s string) {
		if err := e.check(s); err != nil {
			problem.SetText(err.Error())
		} else {
			problem.SetText("")
		}
	}
	e.OnChanged(e.Text)
	var closeForm func()
	e.next = func() {
		if e.check(e.Text) != nil {
			return // the line under the field says why
		}
		if next(closeForm) {
			closeForm()
		}
	}
	closeForm = w.sh.ShowForm(shell.Form{Title: title, Confirm: confirm, Size: widgets.DialogSize,
		Items:   []*widget.FormItem{item, widget.NewFormItem("", problem)},
		Changed: w.typed, Discard: w.discard, Back: back,
		OnConfirm: func() bool { return e.check(e.Text) == nil && next(closeForm) },
	})
}

func parsePartners(text string) ([]data.Partner, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	records, problems := partners.ParsePaste("the partners", text)
	plan := partners.MakePlan("the partners", "", nil, records, problems)
	if len(plan.Problems) > 0 {
		return nil, plan.Problems[0]
	}
	list := make([]data.Partner, len(plan.Adds))
	for i, c := range plan.Adds {
		list[i] = c.Partner
	}
	return list, nil
}

func parseThemes(text string) ([]data.Theme, error) {
	themes, problems := outline.Parse("the themes", "", text)
	if len(problems) > 0 {
		return nil, problems[0]
	}
	return themes, nil
}

// create stores the network, its partners, themes and sub-themes in one
// transaction and opens it.
func (w *Wizard) create() bool {
	ps, err := parsePartners(w.partners.Text)
	if err == nil {
		var themes []data.Theme
		themes, err = parseThemes(w.themes.Text)
		if err == nil {
			err = w.store(ps, themes)
		}
	}
	if err != nil {
		w.sh.ShowError(err)
		return false
	}
	return true
}

func (w *Wizard) store(ps []data.Partner, themes []data.Theme) error {
	n := data.Network{Name: strings.TrimSpace(w.name.Text), Acronym: strings.TrimSpace(w.acronym.Text), Programme: "URBACT IV",
		LeadExpert: strings.TrimSpace(w.lead.Text), StartDate: w.start.ISO(), EndDate: w.end.ISO()}
	taken, err := w.sh.Store().NetworkNameTaken(w.sh.Ctx(), n.Name, "")
	if err != nil {
		return err
	}
	if taken {
		return &data.ConstraintError{Msg: fmt.Sprintf("A network is already called %q: go Back to the first page and pick another name.", n.Name)}
	}
	err = w.sh.Store().Update(w.sh.Ctx(), func(tx *data.Tx) error {
		var err error
		if n, err = tx.CreateNetwork(n); err != nil {
			return err
		}
		for _, p := range ps {
			p.NetworkID = n.ID
			if _, err := tx.SavePartner(p); err != nil {
				return fmt.Errorf("%s: %w", p.Name, err)
			}
		}
		for _, th := range themes {
			th.NetworkID = n.ID
			if _, err := tx.CreateTheme(th); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	from := w.sh.Network().ID
	w.sh.Start(n.ID)
	w.sh.NetworkCreated(n, from) // after the open, which starts a new undo history
	return nil
}

// linesEntry is a multi-line field whose Ctrl+Enter moves the wizard on.
type linesEntry struct {
	widgets.Entry
	next  func()
	check func(string) error // not the entry's Validator: Fyne's form says its error only once the field lost the focus
}

func newLinesEntry(placeholder string, validate func(string) error) *linesEntry {
	e := &linesEntry{}
	e.MultiLine, e.Wrapping = true, fyne.TextWrapOff
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(8)
	e.check = validate
	e.ExtendBaseWidget(e)
	return e
}

// TextEntry is the entry the shell's forms look for.
func (e *linesEntry) TextEntry() *widget.Entry { return &e.Entry.Entry }

// TypedShortcut takes Ctrl+Enter (Cmd+Enter on a Mac) as Next.
func (e *linesEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && (c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) &&
		(c.Modifier == fyne.KeyModifierControl || c.Modifier == fyne.KeyModifierShortcutDefault) {
		if e.next != nil {
			e.next()
		}
		return
	}
	e.Entry.TypedShortcut(s)
}

// TypedKey hands Escape to the window (the shell asks before dropping the
// wizard), as widgets.Entry does for its own fields.
func (e *linesEntry) TypedKey(key *fyne.KeyEvent) {
	if key.Name == fyne.KeyEscape {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(key)
			return
		}
	}
	e.Entry.Entry.TypedKey(key)
}
