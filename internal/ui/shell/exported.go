package shell

import (
	"errors"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// exportedNote is the last export's message and its file.
type exportedNote struct {
	d    *dialog.CustomDialog
	path string
}

// showAgain brings the export's message back under a failure's, so that
// the user can still Open the file (or show its folder) once it is read.
func (n exportedNote) showAgain(path string) {
	if n.d != nil && n.path == path {
		n.d.Show()
	}
}

// showExported tells where an export went, with what one does next: Open
// it, or Show in folder (to attach it to an e-mail). Enter and Escape
// close the message; when handing the file over fails, it comes back
// under the message that says why.
func (sh *Shell) showExported(path, said string) {
	sh.showFileMessage(lang.L("Exported"), said, path, widgets.NewButtonWithIcon("Open", theme.FileIcon(), nil), sh.Opener.Open)
}

// showFileMessage says what became of the file at path, with Close, Show
// in folder (the file may be in a folder Fyne's file dialog hides, such as
// ~/.local) and main, the highlighted next step, which runs use on path.
func (sh *Shell) showFileMessage(title, said, path string, main *widgets.Button, use func(string) error) {
	msg := widget.NewLabel(said)
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	handOver := func(how func(string) error) func() {
		return func() {
			d.Hide()
			if err := how(path); err != nil {
				d.Show()
				sh.cannotHandOver(path, err)
			}
		}
	}
	main.OnTapped = handOver(use)
	main.Importance = widget.HighImportance
	show := widgets.NewButtonWithIcon("Show in folder", theme.FolderOpenIcon(), handOver(sh.Opener.ShowInFolder))
	d = dialog.NewCustomWithoutButtons(title, msg, sh.win)
	d.SetButtons([]fyne.CanvasObject{widgets.NewButton("Close", func() { d.Hide() }), show, main})
	d.Resize(fyne.NewSize(560, 0))
	sh.exported = exportedNote{d: d, path: path}
	d.Show()
	sh.Keys(DialogKeys{Escape: d.Hide, Enter: d.Hide})
}

// openerFailed tells, from the goroutine that waited for it, that the
// system's opener gave up (xdg-open's status 3: no program for the kind)
// on the file, or on showing its folder.
func (sh *Shell) openerFailed(program, file string, folder bool, err error) {
	fyne.Do(func() {
		sh.exported.showAgain(file)
		sh.ShowMessage("Nothing opened it", openerFailure(program, file, folder, err))
	})
}

// openerFailure says what the opener could not do and where the file is.
func openerFailure(program, file string, folder bool, err error) string {
	if folder {
		return program + " could not show the folder " + filepath.Dir(file) + " (where " + filepath.Base(file) + " is): " + err.Error() +
			". Open that folder from your file manager."
	}
	return program + " could not open " + filepath.Base(file) + " (" + err.Error() + "): this computer may have no program set up for it. " +
		"Open it from your file manager with a program of your choice; it is in " + filepath.Dir(file) + "."
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
