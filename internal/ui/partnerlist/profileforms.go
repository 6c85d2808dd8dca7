package partnerlist

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/partners"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// profileForms offers the two halves of collecting partner data offline:
// writing a form per partner, and importing the ones that came back.
func (v *partnersView) profileForms() {
	v.sh.Leave(v.form, func() {
		var d dialog.Dialog
		write := widgets.NewButtonWithIcon("Write a form for every partner…", theme.DocumentSaveIcon(), func() { d.Hide(); v.chooseFolder(v.writeForms) })
		write.Importance = widget.HighImportance
		back := widgets.NewButtonWithIcon("Import returned forms…", theme.DownloadIcon(), func() { d.Hide(); v.chooseFolder(v.importFormsIn) })
		hint := widget.NewLabel("Each partner gets an Excel file with its profile to correct and complete offline. Import the\n" +
			"returned files from their folder: you see every change, field by field, before it is stored.")
		d = dialog.NewCustom("Profile forms", "Cancel", container.NewVBox(hint, write, back), v.sh.Window())
		d.Show()
		v.sh.Keys(shell.DialogKeys{Escape: d.Hide, Enter: write.OnTapped}) // Enter: the highlighted choice
	}, nil)
}

// chooseFolder asks for a folder, starting in the one used last.
func (v *partnersView) chooseFolder(use func(dir string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		if u != nil {
			v.sh.RememberFolder(filepath.Join(u.Path(), "x")) // remembers the folder a file in it is in
			use(u.Path())
		}
	}, v.sh.Window())
	if dir, err := storage.ListerForURI(storage.NewFileURI(v.sh.LastFolder())); err == nil {
		d.SetLocation(dir)
	}
	d.Show()
	d.Resize(widgets.DialogSize)
}

// writeForms writes every partner's form into dir off the UI goroutine.
func (v *partnersView) writeForms(dir string) {
	var paths []string
	n := v.sh.Network()
	v.sh.InBackground(shell.BackgroundJob{
		Title: "Writing profile forms", Cancelled: "Writing the forms was cancelled.",
		Work: func(ctx context.Context, _ func(string, float64)) error {
			var err error
			paths, err = partners.WriteForms(ctx, v.sh.Store(), n, dir, "")
			return err
		},
		Failed: func(err error) { v.sh.ShowMessage("The forms were not all written", err.Error()) },
		Done: func() {
			v.sh.ShowMessage("Profile forms written", fmt.Sprintf("%d forms are in %s, one per partner (%s, …). Send each to its partner.", len(paths), dir, filepath.Base(paths[0])))
		},
	})
}

// importFormsIn previews the profile forms among the XLSX files of dir.
func (v *partnersView) importFormsIn(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	var forms []string
	for _, e := range entries {
		if path := filepath.Join(dir, e.Name()); !e.IsDir() && partners.IsForm(path) {
			forms = append(forms, path)
		}
	}
	if len(forms) == 0 {
		v.sh.ShowMessage("No profile forms there", dir+" holds no profile form (an .xlsx written by Profile forms…).")
		return
	}
	v.previewForms(forms)
}

// previewForms shows what the forms change, field by field (old → new),
// and the forms refused and why; Apply stores them all in one transaction.
func (v *partnersView) previewForms(paths []string) {
	plan, err := partners.PlanForms(v.sh.Ctx(), v.sh.Store(), v.sh.Network(), paths)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	body := container.NewVBox()
	summary := fmt.Sprintf("%d form(s): %d partner(s) to update, %d without changes.", len(paths), len(plan.Changes), len(plan.Unchanged))
	if len(plan.Problems) > 0 {
		summary = fmt.Sprintf("%d of %d form(s) cannot be imported; nothing is stored until they are fixed or left out.", len(plan.Problems), len(paths))
		for _, p := range plan.Problems {
			body.Add(wrapped("✗ " + p.Error()))
		}
	}
	for _, c := range plan.Changes {
		body.Add(widget.NewLabelWithStyle(c.Partner.Name+" — "+filepath.Base(c.File), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		// Field, stored value, the form's value: columns rather than an
		// arrow, which Fyne 2.8 drew with stray glyphs in a wrapped label.
		grid := container.New(layout.NewGridLayoutWithColumns(3), bold("Field"), bold("Stored now"), bold("In the form"))
		for _, fc := range c.Fields {
			grid.Add(widget.NewLabel(fc.Label))
			grid.Add(wrapped(oneLine(fc.Old)))
			grid.Add(wrapped(oneLine(fc.New)))
		}
		for _, fc := range c.Newer { // changed here since the form was written: the stored value stays
			grid.Add(widget.NewLabel("! " + fc.Label))
			grid.Add(wrapped(oneLine(fc.Old) + " (changed here since the form was written: kept)"))
			grid.Add(wrapped(oneLine(fc.New)))
		}
		body.Add(grid)
	}
	if len(plan.Unchanged) > 0 {
		body.Add(wrapped("= No changes: " + strings.Join(plan.Unchanged, ", ")))
	}
	var d *dialog.CustomDialog
	apply := widgets.NewButtonWithIcon("Apply", theme.ConfirmIcon(), func() { v.applyForms(plan, d) })
	apply.Importance = widget.HighImportance
	if !plan.Ready() {
		apply.Disable()
	}
	cancel := widgets.NewButton("Cancel", func() { d.Hide() })
	head := widget.NewLabelWithStyle(summary, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons("Import profile forms — preview", container.NewBorder(head, nil, nil, nil, widgets.VScroll(body)), v.sh.Window())
	d.SetButtons([]fyne.CanvasObject{cancel, apply})
	d.Resize(widgets.DialogSize)
	d.Show()
	v.sh.Keys(shell.DialogKeys{Escape: d.Hide, Enter: func() {
		if !apply.Disabled() {
			v.applyForms(plan, d)
		}
	}})
}

func (v *partnersView) applyForms(plan *partners.FormPlan, d dialog.Dialog) {
	v.sh.InBackground(shell.BackgroundJob{
		Title: "Importing profile forms", Cancelled: "The import was cancelled; nothing was imported.",
		Loses: "Nothing of the import is stored.",
		Work:  func(ctx context.Context, _ func(string, float64)) error { return plan.Apply(ctx, v.sh.Store()) },
		Failed: func(err error) {
			v.sh.ShowMessage("Nothing was imported", err.Error())
		},
		Done: func() {
			d.Hide()
			st, ctx := v.sh.Store(), v.sh.Ctx()
			v.sh.Did(fmt.Sprintf("import %d profile form(s)", len(plan.Changes)),
				func() error { return plan.Undo(ctx, st) }, func() error { return plan.Redo(ctx, st) })
			v.sh.ReloadAll()
			v.sh.ShowMessage("Profile forms imported", fmt.Sprintf("%d partner(s) updated from their forms.", len(plan.Changes)))
			if v.imported != nil {
				v.imported()
			}
		},
	})
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// oneLine shows a value on one line, "(empty)" for nothing.
func oneLine(s string) string {
	if s == "" {
		return "(empty)"
	}
	return widgets.Truncate(s, 140)
}
