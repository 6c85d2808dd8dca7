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

// DialogSize is the size of the larger dialogs (forms, import preview).
var DialogSize = fyne.NewSize(760, 560)
