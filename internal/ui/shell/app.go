package shell

import (
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Run opens the database at dbPath in the main window with these areas
// and runs the app until it is closed. It returns the process exit code.
// network, if not "", is the id or name of the network to open (--network);
// else the one open when the app last closed. One that names none opens
// the switcher with a message naming those there are.
//
// The store opens off the UI goroutine: a Writer checks every page of the
// file first (about a second for 1 GB), and nothing writes before that
// check passed. A file checked within openWait gets its screens at once;
// for a larger one the window shows that it is checking meanwhile.
func Run(a fyne.App, dbPath, network string, areas []Area) int {
	w := a.NewWindow("AoCE Desktop")
	w.SetIcon(a.Metadata().Icon)
	w.SetMaster()
	var sh *Shell
	offUI(w, dbPath, func(run func()) { go run() }, func() (*data.Store, error) { return data.Open(dbPath, data.Writer) }, func(s *data.Store, err error) {
		if err != nil {
			w.Resize(defaultWindowSize)
			w.SetContent(cannotOpen(err, a.Quit))
			return
		}
		RestoreWindowSize(s, w)
		sh = New(a, w, s, areas)
		w.SetContent(sh.Content())
		w.SetCloseIntercept(sh.RequestQuit)
		w.SetOnDropped(sh.onDropped)
		sh.autoBackups = true
		sh.autoSync = true
		sh.begin(network)
		a.Lifecycle().SetOnStopped(sh.whenStopping)
	})
	w.ShowAndRun()
	if sh == nil || sh.store == nil {
		return 1 // it could not be opened (or not again after a restore), or the window closed during the check (which writes nothing)
	}
	if err := sh.store.Close(); err != nil { // last: after every view, job and session let go
		sh.logError("closing the database", err)
		return 1
	}
	return 0
}

// checking is the window's content while a large database is checked.
func checking(dbPath string) fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Checking your data…", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel("AoCE Desktop checks " + dbPath + " for damage before it changes anything. A large file takes a few seconds.")
	msg.Wrapping = fyne.TextWrapWord
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 160), container.NewVBox(title, msg, widget.NewProgressBarInfinite())))
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
	btn := widgets.NewButtonWithIcon("Quit", theme.LogoutIcon(), quit)
	box := container.NewVBox(widget.NewIcon(theme.ErrorIcon()), title, msg, btn)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 260), box))
}
