package shell

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// showExported tells where an export went, with what one does next: Open
// it, or Show in folder (to attach it to an e-mail). Enter and Escape
// close the message.
func (sh *Shell) showExported(path, said string) {
	sh.showFileMessage("Exported", said, path, widget.NewButtonWithIcon("Open", theme.FileIcon(), nil), sh.Opener.Open)
}

// showFileMessage says what became of the file at path, with Close, Show
// in folder (the file may be in a folder Fyne's file dialog hides, such as
// ~/.local) and main, the highlighted next step, which runs use on path.
func (sh *Shell) showFileMessage(title, said, path string, main *widget.Button, use func(string) error) {
	msg := widget.NewLabel(said)
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	handOver := func(how func(string) error) func() {
		return func() {
			d.Hide()
			if err := how(path); err != nil {
				sh.cannotHandOver(path, err)
			}
		}
	}
	main.OnTapped = handOver(use)
	main.Importance = widget.HighImportance
	show := widget.NewButtonWithIcon("Show in folder", theme.FolderOpenIcon(), handOver(sh.Opener.ShowInFolder))
	d = dialog.NewCustomWithoutButtons(title, msg, sh.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { d.Hide() }), show, main})
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	sh.Keys(DialogKeys{Escape: d.Hide, Enter: d.Hide})
}

// openerFailed tells, from the goroutine that waited for it, that the
// system's opener gave up (xdg-open's status 3: no program for the kind).
func (sh *Shell) openerFailed(program, target string, err error) {
	fyne.Do(func() {
		sh.ShowMessage("Nothing opened it", program+" could not open "+filepath.Base(target)+" ("+err.Error()+"): this computer may have no program set up for it. "+
			"Open it from your file manager with a program of your choice; it is in "+filepath.Dir(target)+".")
	})
}

// cannotHandOver says why the file could not be opened, and where it is.
func (sh *Shell) cannotHandOver(path string, err error) {
	if errors.Is(err, ErrNoOpener) {
		sh.ShowMessage("No program to open it", "The file cannot be handed to another program: "+err.Error()+".\n\nIt is "+
			filepath.Base(path)+" in "+filepath.Dir(path)+"; open it from your file manager.")
		return
	}
	sh.ShowMessage("Cannot open "+filepath.Base(path), err.Error())
}
