package shell

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// networkForm is the dialog to create or edit a network.
type networkForm struct {
	name, acronym, programme, leadExpert, description *widgets.Entry
	start, end                                        *widgets.DateEntry
}

// nameRule checks the name as it is typed (Shell.NetworkNameRule).
func newNetworkForm(n data.Network, nameRule func(string) error) *networkForm {
	f := &networkForm{}
	entry := func(value, placeholder string, validate func(string) error) *widgets.Entry {
		e := widgets.NewEntry()
		e.SetText(value)
		e.SetPlaceHolder(placeholder)
		e.Validator = validate
		return e
	}
	f.name = entry(n.Name, "e.g. Agents of Co-Existence", nameRule)
	f.name.AlwaysShowValidationError = true // a taken name is said while typed, not once the field is left
	f.acronym = entry(n.Acronym, "e.g. AoCE", nil)
	f.programme = entry(n.Programme, "URBACT IV", nil)
	f.leadExpert = entry(n.LeadExpert, "your name", nil)
	f.start, f.end = widgets.NewDateEntry(""), widgets.NewDateEntry("")
	f.start.SetISO(n.StartDate)
	f.end.SetISO(n.EndDate)
	f.description = widgets.NewMultiLineEntry()
	f.description.SetText(n.Description)
	f.description.SetMinRowsVisible(3)
	return f
}

func (f *networkForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("Name", f.name), widget.NewFormItem("Acronym", f.acronym),
		widget.NewFormItem("Programme", f.programme), widget.NewFormItem("Lead expert", f.leadExpert),
		widget.NewFormItem("Start date", f.start), widget.NewFormItem("End date", f.end),
		widget.NewFormItem("Description", f.description),
	}
}

func (f *networkForm) apply(n *data.Network) {
	n.Name, n.Acronym, n.Programme = strings.TrimSpace(f.name.Text), strings.TrimSpace(f.acronym.Text), strings.TrimSpace(f.programme.Text)
	n.LeadExpert, n.StartDate, n.EndDate = strings.TrimSpace(f.leadExpert.Text), f.start.ISO(), f.end.ISO()
	n.Description = strings.TrimSpace(f.description.Text)
}

// changed tells whether the form differs from n.
func (f *networkForm) changed(n data.Network) bool {
	edited := n
	f.apply(&edited)
	return edited != n
}

// newNetworkWizard is what File → New network… opens: package ui hands
// the shell the wizard (package wizard imports the shell, not the other
// way). Without one the shell shows its one form.
var newNetworkWizard func(*Shell)

// SetNewNetwork sets what File → New network… opens.
func SetNewNetwork(open func(*Shell)) { newNetworkWizard = open }

// newNetwork asks for a new network's details and opens it.
func (sh *Shell) newNetwork() {
	sh.leaveCurrent(func() {
		if newNetworkWizard != nil {
			newNetworkWizard(sh)
			return
		}
		blank := data.Network{Programme: "URBACT IV"}
		f := newNetworkForm(blank, sh.NetworkNameRule(""))
		sh.ShowForm(Form{Title: "New network", Confirm: "Create", Items: f.items(), Size: widgets.DialogSize,
			Changed: func() bool { return f.changed(blank) },
			OnConfirm: func() bool {
				var n data.Network
				f.apply(&n)
				from := sh.network.ID
				created, err := sh.store.CreateNetwork(sh.ctx, n)
				if err != nil {
					sh.ShowError(err)
					return false
				}
				sh.openNetwork(created)
				sh.NetworkCreated(created, from)
				return true
			}})
	}, nil)
}

// NetworkCreated records the creation of n, now open, from the network
// whose id is from ("" on the welcome screen): Undo moves n to the trash,
// as Delete network does, and goes back to from (or the most recent other
// network); Redo brings n back from the trash and opens it again.
func (sh *Shell) NetworkCreated(n data.Network, from string) { sh.networkAdded("create", n, from) }

// networkAdded is NetworkCreated for a network added by verb ("create",
// "import": the undo of an import, too, moves it to the trash).
func (sh *Shell) networkAdded(verb string, n data.Network, from string) {
	var trashID string
	sh.push(step{name: verb + " network ‘" + n.Name + "’", trash: &trashID, undo: func() error {
		var err error
		if trashID, err = sh.store.DeleteNetwork(sh.ctx, n.ID); err != nil {
			return err
		}
		if from == "" {
			from = sh.recentOther(n.ID)
		}
		back, err := sh.store.Network(sh.ctx, from)
		if err != nil {
			sh.views, sh.current = make([]View, len(sh.areas)), -1 // nothing left to reload
			sh.showWelcome()
			return nil
		}
		sh.showNetwork(back)
		return nil
	}, redo: func() error {
		if _, err := sh.store.RestoreTrash(sh.ctx, trashID); err != nil {
			return err
		}
		again, err := sh.store.Network(sh.ctx, n.ID)
		if err != nil {
			return err
		}
		sh.showNetwork(again)
		return nil
	}})
}

// EditNetwork edits the open network's details. The view on screen is
// asked about its unsaved changes first: saving reloads every view.
func (sh *Shell) EditNetwork() {
	if sh.network.ID == "" {
		return
	}
	sh.leaveCurrent(func() {
		before := sh.network
		f := newNetworkForm(before, sh.NetworkNameRule(before.ID))
		sh.ShowForm(Form{Title: "Network details", Confirm: "Save", Items: f.items(), Size: widgets.DialogSize,
			Changed: func() bool { return f.changed(before) },
			OnConfirm: func() bool {
				n := before
				f.apply(&n)
				if n == before {
					return true
				}
				if err := sh.store.UpdateNetwork(sh.ctx, n); err != nil {
					sh.ShowError(err)
					return false
				}
				sh.Did("edit network details", func() error { return sh.store.UpdateNetwork(sh.ctx, before) },
					func() error { return sh.store.UpdateNetwork(sh.ctx, n) })
				sh.ReloadAll()
				return true
			}})
	}, nil)
}
