package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Run opens the database at dbPath in the main window and runs the app
// until it is closed. It returns the process exit code.
func Run(a fyne.App, dbPath string) int {
	w := a.NewWindow("AoCE Desktop")
	w.SetIcon(a.Metadata().Icon)
	w.SetMaster()
	store, err := data.Open(dbPath, data.Writer)
	if err != nil {
		w.Resize(defaultWindowSize)
		w.SetContent(cannotOpen(err, a.Quit))
		w.ShowAndRun()
		return 1
	}
	defer store.Close()
	restoreWindowSize(store, w)
	sh := NewShell(a, w, store)
	w.SetContent(sh.Content())
	w.SetCloseIntercept(sh.RequestQuit)
	w.SetOnDropped(sh.onDropped)
	sh.Start(lastNetwork(store))
	if store.BackupPath != "" {
		widgets.ShowMessage(w, "Database upgraded", "Your data was upgraded to this version of AoCE Desktop. A copy from before is at "+store.BackupPath+".")
	}
	a.Lifecycle().SetOnStopped(sh.whenStopping)
	w.ShowAndRun()
	return 0
}

// whenStopping keeps the window size and valid unsaved partner edits when
// the app stops for any reason: Quit, the window closed, or SIGTERM/SIGINT
// at logout (Fyne's driver turns those into a quit; a second handler of
// ours would race with it on shutdown).
func (sh *Shell) whenStopping() {
	if sh.live != nil { // the server never outlives the window
		sh.live.srv.Stop()
	}
	if v, ok := sh.currentView().(*gridsView); ok && v.dirty {
		v.save() // a grid typed with the room is not lost when the window closes
	}
	if v, ok := sh.currentView().(*partnersView); ok && v.form.dirty {
		if p, valid := v.form.edited(); valid {
			if _, err := sh.store.SavePartner(sh.ctx, p); err != nil {
				fyne.LogError("saving the partner form on exit", err)
			}
		}
	}
	sh.saveWindowSize()
}

// onDropped imports a partner file dropped on the window.
func (sh *Shell) onDropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 0 || sh.network.ID == "" {
		return
	}
	path := uris[0].Path()
	ext := strings.ToLower(filepath.Ext(path))
	if indexOf(importExtensions, ext) < 0 {
		widgets.ShowMessage(sh.win, "Cannot import "+filepath.Base(path), "Drop a partner list as CSV, TSV, TXT or XLSX.")
		return
	}
	if sv, ok := sh.currentView().(*surveysView); ok { // on the surveys screen a dropped file is a survey
		sv.importPath(path)
		return
	}
	sh.withPartners(func(v *partnersView) {
		v.form.leave(func() {
			if info, err := os.Stat(path); err == nil && info.Size() > tabular.DefaultMaxBytes {
				widgets.ShowMessage(sh.win, "File too large", fmt.Sprintf("%s is larger than %d MB; a partner list is much smaller.", filepath.Base(path), tabular.DefaultMaxBytes>>20))
				return
			}
			b, err := os.ReadFile(path)
			if err != nil {
				sh.showError(err)
				return
			}
			v.importBytes(path, b)
		})
	})
}

// cannotOpen is the window's content when the database cannot be used.
func cannotOpen(err error, quit func()) fyne.CanvasObject {
	title := widget.NewLabelWithStyle("AoCE Desktop cannot open its data", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := err.Error()
	msg := widget.NewLabel(strings.ToUpper(text[:1]) + text[1:])
	msg.Wrapping = fyne.TextWrapWord
	btn := widget.NewButtonWithIcon("Quit", theme.LogoutIcon(), quit)
	box := container.NewVBox(widget.NewIcon(theme.ErrorIcon()), title, msg, btn)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 260), box))
}
