// Package shell is the main window of AoCE Desktop: navigation, menus, the
// network chooser, the lifecycle of views and dialogs, background jobs,
// undo and stopping cleanly. It knows no view's type or fields: areas are
// handed to it (package ui lists them) and views are asked what they can
// do through the small interfaces of view.go.
package shell

import (
	"context"
	"errors"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Shell is the main window: navigation on the left, the current area on
// the right, the network chooser on top.
type Shell struct {
	app     fyne.App
	win     fyne.Window
	store   *data.Store
	ctx     context.Context // cancelled when the app stops: background jobs end with it
	stopAll context.CancelFunc
	network data.Network // zero until a network is open

	areas   []Area
	views   []View // built on first visit
	current int
	nav     *navList
	body    *fyne.Container
	header  *widget.Label
	status  *widget.Label // says for a while what the last undo or redo did
	netPick *widget.Select
	root    *fyne.Container
	welcome *welcomeButtons // set while the welcome screen shows

	searchWords string // the words of the hit being revealed (search.go)

	presenting bool // a full-screen view is up
	undo       undoStack
	dialogs    dialogKeys
	forms      map[*Form]func() bool                         // the form dialogs shown, with what tells typed changes
	jobs       sync.WaitGroup                                // background jobs still running
	running    map[int]func()                                // work that must stop with the app (a live session), by ticket
	nextTicket int                                           // the next Track ticket
	editMenu   *fyne.Menu                                    // relabelled as undo and redo change
	recentMenu *fyne.Menu                                    // File → Open recent network (networkswitch.go)
	dbMenu     *fyne.Menu                                    // File → Open recent database (recentdbs.go)
	homeDB     string                                        // the default database file: the title bar names any other
	swapping   bool                                          // a move to another database is under way (reopen.go)
	viewItems  []viewItem                                    // Edit-menu items offered by some views only
	Exported   func()                                        // called when an export has been reported (tests wait for it)
	Opener     Opener                                        // opens exported files and their folders (tests replace it)
	exported   exportedNote                                  // the last export's message, shown again when handing its file over failed
	JobEnded   func()                                        // called when any background job's end has been reported (tests)
	StartJob   func(run func())                              // runs a job's work; nil: on a goroutine (tests run it once the window is idle)
	Timers     func(d time.Duration, f func()) (stop func()) // starts the shell's timers (After); nil: the clock (tests hold them)
	Stopped    func(error)                                   // called after the stop sequence (tests); nil: nothing
	Reopened   func()                                        // called when a move to another database has ended, opened or refused (tests)
	logError   func(string, error)                           // where stop-time errors go (fyne.LogError; tests replace it)
	// AutoBackedUp is called when the day's automatic backup has ended:
	// the file written ("" when none was due) or why not (tests).
	AutoBackedUp    func(written string, err error)
	backupFailShown bool // an automatic backup's failure was shown (autobackup.go)
	autoBackups     bool // the app's window backs up each day; test windows only when asked
	// Synced is called when a sync of the window (Sync now, automatic)
	// has ended and been shown (tests).
	Synced    func(SyncReport, error)
	autoSync  bool            // the app's window syncs by itself (syncauto.go); test windows only when asked
	syncing   bool            // an automatic sync runs (syncauto.go)
	syncTimer func()          // stops the next automatic sync
	syncNote  *widgets.Button // the top bar's "conflicts after the sync" button
}

// New builds the main window's content for the store and the areas.
func New(a fyne.App, w fyne.Window, s *data.Store, areas []Area) *Shell {
	ctx, cancel := context.WithCancel(context.Background())
	sh := &Shell{app: a, win: w, store: s, ctx: ctx, stopAll: cancel, areas: areas, current: -1,
		running: map[int]func(){}, forms: map[*Form]func() bool{}, logError: fyne.LogError, homeDB: defaultDatabase}
	if sh.homeDB == "" {
		sh.homeDB = s.Path()
	}
	sh.Opener = newSystemOpener(sh.openerFailed)
	sh.views = make([]View, len(sh.areas))
	sh.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sh.status = widget.NewLabel("")
	sh.status.Truncation = fyne.TextTruncateEllipsis
	sh.syncNote = widgets.NewButtonWithIcon("", theme.WarningIcon(), nil)
	sh.syncNote.Importance = widget.WarningImportance
	sh.syncNote.Hide()
	sh.netPick = widget.NewSelect(nil, sh.pickNetworkByName)
	sh.netPick.PlaceHolder = "Choose a network"
	sh.nav = newNavList(func() int { return len(sh.areas) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Network overview"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(sh.areas[i].Icon)
			box.Objects[1].(*widget.Label).SetText(sh.areas[i].Title)
		}, sh.windowKey)
	sh.nav.OnSelected = func(i widget.ListItemID) { sh.ShowArea(int(i)) }
	sh.body = container.NewStack()
	sh.root = container.NewStack()
	sh.dialogs.init()
	w.SetMainMenu(sh.mainMenu())
	sh.restoreKeys()
	sh.rememberDatabase(s.Path())
	return sh
}

// Store is the open database.
func (sh *Shell) Store() *data.Store { return sh.store }

// Window is the main window.
func (sh *Shell) Window() fyne.Window { return sh.win }

// App is the running Fyne app.
func (sh *Shell) App() fyne.App { return sh.app }

// Ctx is the app's context: it ends when the app stops, and with it every
// background job that uses it.
func (sh *Shell) Ctx() context.Context { return sh.ctx }

// Network is the open network (zero on the welcome screen).
func (sh *Shell) Network() data.Network { return sh.network }

// Content is what the window shows.
func (sh *Shell) Content() fyne.CanvasObject { return sh.root }

// Start opens the preferred network, or the welcome screen when the store
// holds none.
func (sh *Shell) Start(preferredID string) {
	ns, err := sh.store.Networks(sh.ctx)
	if err != nil {
		sh.ShowError(err)
		return
	}
	if len(ns) == 0 {
		sh.showWelcome()
		return
	}
	pick := ns[0]
	for _, n := range ns {
		if n.ID == preferredID {
			pick = n
		}
	}
	sh.openNetwork(pick)
}

// openNetwork shows the main layout for n and remembers it; the undo
// history starts afresh.
func (sh *Shell) openNetwork(n data.Network) {
	sh.undo.clear() // undo steps name records of the network they were made in
	sh.showNetwork(n)
}

// showNetwork shows the main layout for n and remembers it, keeping the
// undo history (the undo and redo of a network's creation switch networks).
func (sh *Shell) showNetwork(n data.Network) {
	sh.network = n
	sh.welcome = nil
	sh.rememberNetwork(n.ID)
	sh.rememberRecent(n.ID)
	sh.refreshNetworkPicker()
	sh.views = make([]View, len(sh.areas))
	sh.current = -1
	sh.refreshEditMenu()
	top := container.NewBorder(nil, nil, sh.header, container.NewHBox(sh.syncNote, sh.netPick), sh.status)
	navBox := container.NewBorder(nil, nil, nil, nil, sh.nav)
	split := container.NewHSplit(navBox, sh.body)
	split.Offset = 0.18
	sh.root.Objects = []fyne.CanvasObject{container.NewBorder(container.NewPadded(top), nil, nil, nil, split)}
	sh.root.Refresh()
	sh.nav.UnselectAll()
	sh.nav.Select(0)
}

func (sh *Shell) refreshNetworkPicker() {
	ns, err := sh.store.Networks(sh.ctx)
	if err != nil {
		sh.ShowError(err)
		return
	}
	names := make([]string, len(ns))
	for i, n := range ns {
		names[i] = n.Name
	}
	sh.netPick.SetOptions(names)
	sh.netPick.SetSelectedIndex(slices.Index(names, sh.network.Name))
	if len(ns) < 2 {
		sh.netPick.Hide()
	} else {
		sh.netPick.Show()
	}
	sh.header.SetText(networkLabel(sh.network))
	sh.setTitle(sh.network.Name) // also after a rename
	sh.refreshRecentMenu()
}

func (sh *Shell) pickNetworkByName(name string) {
	if name == "" || name == sh.network.Name {
		return
	}
	n, err := sh.store.NetworkByName(sh.ctx, name)
	if err != nil {
		sh.ShowError(err)
		return
	}
	sh.leaveCurrent(func() { sh.openNetwork(n) }, func() { sh.netPick.SetSelected(sh.network.Name) })
}

// ShowArea switches to area i after the current view agrees to leave.
func (sh *Shell) ShowArea(i int) {
	if i == sh.current || i < 0 || i >= len(sh.areas) {
		return
	}
	sh.leaveCurrent(func() {
		sh.current = i
		if sh.views[i] == nil {
			sh.views[i] = sh.areas[i].Build(sh)
		} else {
			sh.views[i].Reload()
		}
		sh.body.Objects = []fyne.CanvasObject{sh.views[i].Object()}
		sh.body.Refresh()
		layoutAgain(sh.body) // a view reloaded while hidden
		sh.nav.Select(i)
		sh.refreshEditMenu() // what the Edit menu offers follows the screen
		sh.notice("")
	}, func() { sh.nav.Select(sh.current) })
}

// areaIndex is the index of the area with this id, or -1.
func (sh *Shell) areaIndex(id string) int {
	return slices.IndexFunc(sh.areas, func(a Area) bool { return a.ID == id })
}

// WithArea switches to the area with this id and runs fn on its view, when
// a network is open and the switch happened (no unsaved edit held it back).
func (sh *Shell) WithArea(id string, fn func(View)) {
	i := sh.areaIndex(id)
	if sh.network.ID == "" || i < 0 {
		return
	}
	sh.ShowArea(i)
	if sh.current == i {
		fn(sh.views[i])
	}
}

// ViewAt returns area i's view, switching to it (for tests and menus).
func (sh *Shell) ViewAt(i int) View {
	sh.ShowArea(i)
	return sh.views[i]
}

// CurrentView is the view on screen, or nil.
func (sh *Shell) CurrentView() View {
	if sh.current < 0 {
		return nil
	}
	return sh.views[sh.current]
}

// leaveCurrent asks the view on screen about its unsaved changes, then
// runs proceed; when the user stays, stay runs instead (to undo a
// selection, say).
func (sh *Shell) leaveCurrent(proceed, stay func()) {
	e, _ := sh.CurrentView().(Editor)
	sh.Leave(e, proceed, stay)
}

// Leave is the one "unsaved changes?" decision: proceed runs at once when
// e has nothing unsaved, or after the user saved (successfully) or
// discarded; stay runs when the user stays. stay runs before the question
// is shown, so a list selection snaps back, and proceed redoes it.
func (sh *Shell) Leave(e Editor, proceed, stay func()) {
	what := ""
	if e != nil {
		what = e.Unsaved()
	}
	if what == "" {
		proceed()
		return
	}
	if stay != nil {
		stay()
	}
	sh.askUnsaved(what, func() {
		if e.Save() {
			proceed()
		}
	}, func() {
		e.Discard()
		proceed()
	})
}

// ReloadAll re-reads the network and every built view after the store
// changed. Views keep their unsaved edits (see View.Reload); data changed
// from outside a view goes through ChangeData, which asks first.
func (sh *Shell) ReloadAll() {
	if n, err := sh.store.Network(sh.ctx, sh.network.ID); err == nil {
		sh.network = n
	} else if !errors.Is(err, data.ErrNotFound) {
		sh.ShowError(err)
	}
	sh.refreshNetworkPicker()
	for _, v := range sh.views {
		if v != nil {
			v.Reload()
		}
	}
	layoutAgain(sh.body) // what the view on screen filled anew, at its place
}

// ChangeData changes the store from outside the view on screen (network
// details, undo, a restore, an import): the view's unsaved changes are
// asked about first, then change runs and every view is reloaded.
func (sh *Shell) ChangeData(change func() error) {
	sh.leaveCurrent(func() {
		if err := change(); err != nil {
			sh.ShowError(err)
		}
		sh.ReloadAll()
	}, nil)
}

// RequestQuit closes the window after unsaved changes are dealt with: a
// form dialog with typing in it first, then the view on screen.
func (sh *Shell) RequestQuit() {
	quit := func() { sh.leaveCurrent(sh.app.Quit, nil) } // what must be kept is kept by whenStopping
	for f, changed := range sh.forms {
		if changed() {
			sh.askDiscard("Quit without saving?", "What you typed in “"+f.Title+"” is not saved yet.", "Quit without saving", "Go back", quit)
			return
		}
	}
	quit()
}

// ShowError tells the user what went wrong; a broken rule of the data is
// "Not possible", anything else "Something went wrong".
func (sh *Shell) ShowError(err error) {
	if err == nil {
		return
	}
	var ce *data.ConstraintError
	if errors.As(err, &ce) {
		sh.ShowMessage("Not possible", ce.Msg)
		return
	}
	sh.ShowMessage("Something went wrong", err.Error())
}

// MeetingsAndPartners reads the open network's meetings and partners; ok
// is false (and the error shown) when the store cannot.
func (sh *Shell) MeetingsAndPartners() ([]data.Meeting, []data.Partner, bool) {
	ms, err := sh.store.Meetings(sh.ctx, sh.network.ID)
	if err != nil {
		sh.ShowError(err)
		return nil, nil, false
	}
	ps, err := sh.store.Partners(sh.ctx, sh.network.ID)
	if err != nil {
		sh.ShowError(err)
		return nil, nil, false
	}
	return ms, ps, true
}
