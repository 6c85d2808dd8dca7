package partnerlist

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/partners"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// fieldInput is the widget of one partner field and its error line.
type fieldInput struct {
	field  partners.Field
	entry  *widget.Entry  // text fields
	choice *widget.Select // the role
	err    *widget.Label
}

func (in *fieldInput) text() string {
	if in.choice != nil {
		return in.choice.Selected
	}
	return in.entry.Text
}

func (in *fieldInput) setText(s string) {
	if in.choice != nil {
		in.choice.SetSelected(s)
		return
	}
	in.entry.SetText(s)
}

func (in *fieldInput) showError(err error) {
	if err == nil {
		in.err.SetText("")
		in.err.Hide()
		return
	}
	in.err.SetText(err.Error())
	in.err.Show()
}

// partnerForm edits one partner. Changes are checked as they are typed,
// with the message under the field; they are saved with Save (Ctrl+S).
// It is the view's shell.Editor: leaving with unsaved changes asks first.
type partnerForm struct {
	v         *partnersView
	partner   data.Partner // as stored; ID "" for a new partner
	inputs    map[string]*fieldInput
	dirty     bool
	loading   bool
	heading   *widget.Label
	saveBtn   *widgets.Button
	revertBtn *widgets.Button
	deleteBtn *widgets.Button
	body      *fyne.Container
	empty     fyne.CanvasObject
	obj       *fyne.Container
}

func newPartnerForm(v *partnersView) *partnerForm {
	f := &partnerForm{v: v, inputs: map[string]*fieldInput{}}
	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	grid := container.New(layout.NewFormLayout())
	for _, fld := range partners.Fields {
		in := &fieldInput{field: fld, err: widget.NewLabel("")}
		in.err.Importance = widget.DangerImportance
		in.err.Wrapping = fyne.TextWrapWord
		in.err.Hide()
		var w fyne.CanvasObject
		switch fld.Kind {
		case partners.Role:
			in.choice = widget.NewSelect([]string{partners.RoleLabel(data.RoleLeadPartner), partners.RoleLabel(data.RolePartner)}, func(string) { f.changed(in) })
			w = in.choice
		default:
			in.entry = widget.NewEntry()
			if fld.Kind == partners.LongText {
				in.entry = widget.NewMultiLineEntry()
				in.entry.Wrapping = fyne.TextWrapWord
				in.entry.SetMinRowsVisible(3)
			}
			in.entry.SetPlaceHolder(placeholder(fld))
			in.entry.OnChanged = func(string) { f.changed(in) }
			w = in.entry
		}
		f.inputs[fld.Key] = in
		label := widget.NewLabel(fld.Label)
		label.Alignment = fyne.TextAlignTrailing
		grid.Add(label)
		grid.Add(container.NewVBox(w, in.err))
	}
	f.saveBtn = widgets.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { f.save() })
	f.saveBtn.Importance = widget.HighImportance
	f.revertBtn = widgets.NewButtonWithIcon("Revert", theme.ContentUndoIcon(), f.revert)
	f.deleteBtn = widgets.NewButtonWithIcon("Delete…", theme.DeleteIcon(), v.confirmDelete)
	f.deleteBtn.Importance = widget.DangerImportance
	buttons := container.NewHBox(f.deleteBtn, layout.NewSpacer(), f.revertBtn, f.saveBtn)
	f.body = container.NewBorder(container.NewPadded(f.heading), container.NewPadded(buttons), nil, nil, widgets.VScroll(container.NewPadded(grid)))
	hint := widget.NewLabel("Select a partner on the left to see and edit its profile,\nor add a new one (Ctrl+N).")
	hint.Alignment = fyne.TextAlignCenter
	f.empty = container.NewCenter(hint)
	f.obj = container.NewStack(f.empty)
	f.updateButtons()
	return f
}

func placeholder(f partners.Field) string {
	switch f.Kind {
	case partners.WholeNumber:
		return "a whole number, e.g. 67614 or 67.614"
	case partners.Percent:
		return "0–100, e.g. 38,1"
	case partners.Email:
		return "name@city.eu"
	}
	return ""
}

func (f *partnerForm) Object() fyne.CanvasObject { return f.obj }

// load shows p in the form, unchanged.
func (f *partnerForm) load(p data.Partner) {
	f.loading = true
	f.partner = p
	for _, fld := range partners.Fields {
		in := f.inputs[fld.Key]
		in.setText(fld.Get(&p))
		in.showError(nil)
	}
	f.loading = false
	f.dirty = false
	f.updateHeading()
	f.obj.Objects = []fyne.CanvasObject{f.body}
	f.obj.Refresh()
	f.updateButtons()
}

// clear shows the "select a partner" hint.
func (f *partnerForm) clear() {
	f.partner, f.dirty = data.Partner{}, false
	f.obj.Objects = []fyne.CanvasObject{f.empty}
	f.obj.Refresh()
}

func (f *partnerForm) showing() bool { return len(f.obj.Objects) == 1 && f.obj.Objects[0] == f.body }

func (f *partnerForm) updateHeading() {
	switch {
	case f.partner.ID == "":
		f.heading.SetText("New partner")
	case f.dirty:
		f.heading.SetText(f.partner.Name + " — unsaved changes")
	default:
		f.heading.SetText(f.partner.Name)
	}
}

func (f *partnerForm) changed(in *fieldInput) {
	if f.loading {
		return
	}
	in.showError(in.field.Validate(in.text()))
	f.dirty = true
	f.updateHeading()
	f.updateButtons()
}

func (f *partnerForm) updateButtons() {
	if f.dirty {
		f.saveBtn.Enable()
		f.revertBtn.Enable()
	} else {
		f.saveBtn.Disable()
		f.revertBtn.Disable()
	}
	if f.partner.ID == "" {
		f.deleteBtn.Disable()
	} else {
		f.deleteBtn.Enable()
	}
}

// edited returns the partner as the form shows it, with per-field problems.
func (f *partnerForm) edited() (data.Partner, bool) {
	p := f.partner
	ok := true
	for _, fld := range partners.Fields {
		in := f.inputs[fld.Key]
		err := fld.Set(&p, in.text())
		if err == nil && fld.Key == "name" && p.Name == "" {
			err = errors.New("a partner needs a name")
		}
		in.showError(err)
		ok = ok && err == nil
	}
	return p, ok
}

// save stores the form and records the change for undo; it reports
// whether the partner is now saved. A failed save keeps the changes.
func (f *partnerForm) save() bool {
	if !f.showing() || !f.dirty {
		return true
	}
	p, ok := f.edited()
	if !ok {
		return false
	}
	before := f.partner
	formerLead := f.v.lead()
	sh := f.v.sh
	saved, err := sh.Store().SavePartner(sh.Ctx(), p)
	if err != nil {
		var ce *data.ConstraintError
		if errors.As(err, &ce) {
			f.inputs["name"].showError(nil)
			if p.IsLead() || f.partner.IsLead() {
				f.inputs["role"].showError(errors.New(ce.Msg))
			} else {
				f.inputs["name"].showError(errors.New(ce.Msg))
			}
			return false
		}
		sh.ShowError(err)
		return false
	}
	f.recordUndo(before, saved, formerLead)
	f.partner, f.dirty = saved, false
	sh.ReloadAll()
	f.load(saved)
	f.v.selectInList(saved.ID)
	return true
}

// recordUndo makes the save of after (before as it was loaded) one undo
// step. A partner made lead partner demoted formerLead: undo makes that
// one lead again first, as the store lets no lead partner step down alone.
func (f *partnerForm) recordUndo(before, after data.Partner, formerLead data.Partner) {
	sh := f.v.sh
	save := func(p data.Partner) error {
		_, err := sh.Store().SavePartner(sh.Ctx(), p)
		return err
	}
	if before.ID == "" {
		sh.Added("add partner ‘"+after.Name+"’", func() (string, error) { return sh.Store().DeletePartner(sh.Ctx(), after.ID) })
		return
	}
	sh.Did("edit partner ‘"+after.Name+"’",
		func() error {
			if after.IsLead() && !before.IsLead() && formerLead.ID != "" {
				if err := save(formerLead); err != nil {
					return err
				}
			}
			return save(before)
		},
		func() error { return save(after) })
}

// revert throws away unsaved changes.
func (f *partnerForm) revert() {
	if f.partner.ID == "" {
		f.clear()
		return
	}
	f.load(f.partner)
}

// Unsaved names the partner while the form holds changes (shell.Editor).
func (f *partnerForm) Unsaved() string {
	switch {
	case !f.dirty:
		return ""
	case f.partner.ID == "":
		return "the new partner"
	}
	return "the partner " + f.partner.Name
}

// Save stores the form; invalid fields say why beside them.
func (f *partnerForm) Save() bool { return f.save() }

// Discard throws the changes away.
func (f *partnerForm) Discard() { f.revert() }

// Flush stores valid typed changes when the app stops; changes that do not
// pass the checks cannot be stored and are reported.
func (f *partnerForm) Flush() error {
	if !f.dirty || !f.showing() {
		return nil
	}
	p, ok := f.edited()
	if !ok {
		return errors.New(f.Unsaved() + " has invalid fields and was not kept")
	}
	saved, err := f.v.sh.Store().SavePartner(f.v.sh.Ctx(), p)
	if err != nil {
		return fmt.Errorf("keeping %s: %w", f.Unsaved(), err)
	}
	f.partner, f.dirty = saved, false
	return nil
}
