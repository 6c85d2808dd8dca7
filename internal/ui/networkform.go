package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// validateDate accepts "" or a real YYYY-MM-DD date.
func validateDate(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", strings.TrimSpace(s)); err != nil {
		return errors.New("write the date as YYYY-MM-DD, e.g. 2023-11-01")
	}
	return nil
}

// networkForm is the dialog to create or edit a network.
type networkForm struct {
	name, acronym, programme, leadExpert, start, end, description *widget.Entry
	dialog                                                        *dialog.FormDialog
}

func newNetworkForm(n data.Network) *networkForm {
	f := &networkForm{}
	entry := func(value, placeholder string, validate func(string) error) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(value)
		e.SetPlaceHolder(placeholder)
		e.Validator = validate
		return e
	}
	f.name = entry(n.Name, "e.g. Agents of Co-Existence", func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("a network needs a name")
		}
		return nil
	})
	f.acronym = entry(n.Acronym, "e.g. AoCE", nil)
	f.programme = entry(n.Programme, "URBACT IV", nil)
	f.leadExpert = entry(n.LeadExpert, "your name", nil)
	f.start = entry(n.StartDate, "YYYY-MM-DD", validateDate)
	f.end = entry(n.EndDate, "YYYY-MM-DD", validateDate)
	f.description = widget.NewMultiLineEntry()
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
	n.LeadExpert, n.StartDate, n.EndDate = strings.TrimSpace(f.leadExpert.Text), strings.TrimSpace(f.start.Text), strings.TrimSpace(f.end.Text)
	n.Description = strings.TrimSpace(f.description.Text)
}

// newNetwork asks for a new network's details and opens it.
func (sh *Shell) newNetwork() {
	sh.leaveCurrent(func() {
		f := newNetworkForm(data.Network{Programme: "URBACT IV"})
		f.dialog = dialog.NewForm("New network", "Create", "Cancel", f.items(), func(ok bool) {
			if !ok {
				return
			}
			var n data.Network
			f.apply(&n)
			created, err := sh.store.CreateNetwork(sh.ctx, n)
			if err != nil {
				sh.showError(err)
				return
			}
			sh.openNetwork(created)
		}, sh.win)
		f.dialog.Resize(widgets.DialogSize)
		f.dialog.Show()
	}, nil)
}

// editNetwork edits the open network's details.
func (sh *Shell) editNetwork() {
	if sh.network.ID == "" {
		return
	}
	f := newNetworkForm(sh.network)
	f.dialog = dialog.NewForm("Network details", "Save", "Cancel", f.items(), func(ok bool) {
		if !ok {
			return
		}
		n := sh.network
		f.apply(&n)
		if err := sh.store.UpdateNetwork(sh.ctx, n); err != nil {
			sh.showError(err)
			return
		}
		sh.reloadAll()
	}, sh.win)
	f.dialog.Resize(widgets.DialogSize)
	f.dialog.Show()
}
