package shell

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Run opens the database at dbPath in the main window with these areas
// and runs the app until it is closed. It returns the process exit code.
func Run(a fyne.App, dbPath string, areas []Area) int {
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
	RestoreWindowSize(store, w)
	sh := New(a, w, store, areas)
	w.SetContent(sh.Content())
	w.SetCloseIntercept(sh.RequestQuit)
	w.SetOnDropped(sh.onDropped)
	sh.Start(LastNetwork(store))
	if store.BackupPath != "" {
		sh.ShowMessage("Database upgraded", "Your data was upgraded to this version of AoCE Desktop. A copy from before is at "+store.BackupPath+".")
	}
	a.Lifecycle().SetOnStopped(sh.whenStopping)
	w.ShowAndRun()
	if err := store.Close(); err != nil { // last: after every view, job and session let go
		sh.logError("closing the database", err)
		return 1
	}
	return 0
}

// onDropped hands a dropped file to the view on screen, or to the area
// that takes dropped files.
func (sh *Shell) onDropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 0 || sh.network.ID == "" {
		return
	}
	path := uris[0].Path()
	if d, ok := sh.CurrentView().(Dropper); ok && d.Drop(path) {
		return
	}
	for _, a := range sh.areas {
		if a.TakesDrops {
			sh.WithArea(a.ID, func(v View) {
				if d, ok := v.(Dropper); ok {
					d.Drop(path)
				}
			})
			return
		}
	}
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
