package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// NewMessage is a titled message whose text wraps, for errors that name
// files, lines and what to do.
func NewMessage(w fyne.Window, title, msg string) dialog.Dialog {
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	return dialog.NewCustom(title, "OK", container.NewGridWrap(fyne.NewSize(460, label.MinSize().Height*float32(1+len(msg)/60)), label), w)
}

// ShowMessage shows NewMessage's dialog (where no shell is at hand; the
// shell's ShowMessage also answers Enter).
func ShowMessage(w fyne.Window, title, msg string) { NewMessage(w, title, msg).Show() }

// AskUnsaved offers Save, Discard and Cancel for unsaved changes.
func AskUnsaved(w fyne.Window, what string, save, discard func()) {
	var d *dialog.CustomDialog
	msg := widget.NewLabel("Your changes to " + what + " are not saved yet.")
	saveBtn := widget.NewButton("Save", func() { d.Hide(); save() })
	saveBtn.Importance = widget.HighImportance
	discardBtn := widget.NewButton("Discard changes", func() { d.Hide(); discard() })
	cancelBtn := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Save changes?", msg, w)
	d.SetButtons([]fyne.CanvasObject{cancelBtn, discardBtn, saveBtn})
	d.Show()
}

// ShowForm shows a form dialog 560 wide; onOK runs when it is confirmed.
func ShowForm(w fyne.Window, title, confirm string, items []*widget.FormItem, onOK func()) {
	d := dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if ok {
			onOK()
		}
	}, w)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// DialogSize is the size of the larger dialogs (forms, import preview).
var DialogSize = fyne.NewSize(760, 560)
