package shell

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// AskSavePath asks for a folder and a file name and hands back the path,
// without creating or truncating anything: Fyne's save dialog opens the
// chosen file for writing (truncating it) before we see it, which would
// destroy the database if the user picked it. Our own files are refused.
func (sh *Shell) AskSavePath(title, defaultName string, onPath func(path string)) {
	sh.askExport(title, defaultName, nil, onPath)
}

// AskExportPath is AskSavePath with a choice of the export's formats
// (extensions, as the export package lists them), each said with what it
// is for; choosing one changes the name's extension, and typing a known
// extension chooses its format. The format of defaultName is chosen first.
func (sh *Shell) AskExportPath(title, defaultName string, formats []string, onPath func(path string)) {
	sh.askExport(title, defaultName, formats, onPath)
}

// askExport starts in the folder saved to last (else Settings' export
// folder), remembers the folder chosen and asks before replacing a file.
func (sh *Shell) askExport(title, defaultName string, formats []string, onPath func(path string)) {
	sh.askPath(title, sh.saveFolder(), defaultName, lang.L("Save"), formats, func(path string) {
		sh.rememberSaveFolder(path)
		if _, err := os.Stat(path); err == nil {
			sh.ConfirmReplace(path, func() { onPath(path) })
			return
		}
		onPath(path)
	})
}

// askPath is the dialog of a file to write: starting in dir, with confirm
// on its button and, when formats are given, a format chooser; onPath
// decides what an existing file means.
func (sh *Shell) askPath(title, dir, defaultName, confirm string, formats []string, onPath func(path string)) {
	name := widgets.NewEntry()
	name.SetText(defaultName)
	folder := widget.NewLabel(dir)
	choose := widgets.NewButton("Choose folder…", func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				folder.SetText(u.Path())
			}
		}, sh.win)
		if dir, err := storage.ListerForURI(storage.NewFileURI(folder.Text)); err == nil {
			d.SetLocation(dir)
		}
		d.Show()
		d.Resize(widgets.DialogSize)
	})
	form := container.NewVBox(widget.NewLabel("Folder:"), container.NewBorder(nil, nil, nil, choose, folder), widget.NewLabel("File name:"), name)
	chooser := newFormatChooser(formats, name)
	height := float32(260)
	if chooser != nil {
		form.Add(widget.NewLabel("Format:"))
		form.Add(chooser.radio)
		height += 40 * float32(len(formats)+1)
	}
	answer := func(ok bool) {
		if !ok {
			return
		}
		file := strings.TrimSpace(name.Text)
		if chooser != nil && file != "" {
			file = chooser.withExtension(file)
		}
		path := filepath.Join(folder.Text, file)
		if problem := sh.unsafeSavePath(path); problem != "" {
			sh.ShowMessage("Cannot save there", problem)
			return
		}
		sh.RememberFolder(path)
		onPath(path)
	}
	d := sh.Ask(Question{Title: title, Content: form, Confirm: confirm, OnAnswer: answer})
	d.Resize(fyne.NewSize(560, height))
	SubmitOnEnter(func() { d.Hide(); answer(true) }, name)
	sh.win.Canvas().Focus(name)
}

// ConfirmReplace asks before an existing file is written over; Enter
// replaces, Escape keeps the file.
func (sh *Shell) ConfirmReplace(path string, replace func()) {
	sh.Ask(Question{Title: "Replace " + filepath.Base(path) + "?", Message: "A file with this name already exists in " + filepath.Dir(path) + ". Replace it?",
		Confirm: "Replace", OnAnswer: func(yes bool) {
			if yes {
				replace()
			}
		}})
}

// unsafeSavePath explains why a path must not be written, or returns "".
// The database and its companion files are recognised as files, not by
// their spelling: a link or another path to them is refused as well.
func (sh *Shell) unsafeSavePath(path string) string {
	if strings.TrimSpace(filepath.Base(path)) == "" || strings.HasSuffix(path, string(filepath.Separator)) {
		return "Type a file name."
	}
	target, err := os.Stat(path)
	if err != nil {
		return "" // a new file cannot be ours
	}
	db := sh.store.Path()
	for _, own := range []string{db, db + "-wal", db + "-shm", db + "-journal", db + ".lock"} {
		if info, err := os.Stat(own); err == nil && os.SameFile(info, target) {
			return filepath.Base(path) + " is AoCE Desktop's own database; choose another name."
		}
	}
	return ""
}

// OpenFileBytes asks for a file with one of the extensions and hands its
// bytes to use; files larger than any table we read are refused unread.
func (sh *Shell) OpenFileBytes(extensions []string, use func(path string, b []byte)) {
	sh.PickFile(extensions, func(path string) {
		f, err := os.Open(path)
		if err != nil {
			sh.ShowError(err)
			return
		}
		defer f.Close()
		b, err := io.ReadAll(io.LimitReader(f, tabular.DefaultMaxBytes+1))
		if err != nil {
			sh.ShowError(err)
			return
		}
		if int64(len(b)) > tabular.DefaultMaxBytes {
			sh.ShowMessage("File too large", fmt.Sprintf("%s is larger than %d MB; choose a smaller file.", filepath.Base(path), tabular.DefaultMaxBytes>>20))
			return
		}
		use(path, b)
	})
}

// PickFile asks for a file to open, starting in the folder used last, and
// hands back its path (importers stream large files from it).
func (sh *Shell) PickFile(extensions []string, use func(path string)) {
	sh.PickFileTitled("", extensions, use)
}

// PickFileTitled is PickFile whose dialog says what the file is for
// ("Restore from backup"); "" keeps Fyne's "Open File".
func (sh *Shell) PickFileTitled(title string, extensions []string, use func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			sh.ShowError(err)
			return
		}
		path := r.URI().Path()
		r.Close()
		sh.RememberFolder(path)
		use(path)
	}, sh.win)
	d.SetFilter(storage.NewExtensionFileFilter(extensions))
	if title != "" {
		d.SetTitleText(title)
	}
	if dir, err := storage.ListerForURI(storage.NewFileURI(sh.LastFolder())); err == nil {
		d.SetLocation(dir)
	}
	d.Show()
	d.Resize(widgets.DialogSize) // after Show: Fyne 2.8's file dialog has no content to size before
}
