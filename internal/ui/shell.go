// Package ui is the Fyne face of AoCE Desktop: the main window, its areas
// (overview, partners…) and their dialogs. Views own their widgets and call
// the domain packages; none of the rules live here.
package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// view is one area of the main window.
type view interface {
	Object() fyne.CanvasObject
	// Reload re-reads what the view shows from the store.
	Reload()
	// Leave asks about unsaved changes and calls proceed when leaving is fine.
	Leave(proceed func())
}

// area is an entry of the navigation list.
type area struct {
	title    string
	icon     fyne.Resource
	shortcut fyne.KeyName // with Ctrl/Cmd
	build    func(*Shell) view
}

func areas() []area {
	return []area{
		{title: "Network overview", icon: theme.HomeIcon(), shortcut: fyne.Key1, build: func(s *Shell) view { return newOverview(s) }},
		{title: "Partners", icon: theme.AccountIcon(), shortcut: fyne.Key2, build: func(s *Shell) view { return newPartnersView(s) }},
		{title: "Matrix", icon: theme.GridIcon(), shortcut: fyne.Key3, build: func(s *Shell) view { return newMatrixView(s) }},
		{title: "Peer learning", icon: theme.InfoIcon(), shortcut: fyne.Key4, build: func(s *Shell) view { return newPeersView(s) }},
		{title: "Themes", icon: theme.ListIcon(), shortcut: fyne.Key5, build: func(s *Shell) view { return newThemesView(s) }},
		{title: "Good practices", icon: theme.DocumentIcon(), shortcut: fyne.Key6, build: func(s *Shell) view { return newPracticesView(s) }},
		{title: "Surveys", icon: theme.QuestionIcon(), shortcut: fyne.Key7, build: func(s *Shell) view { return newSurveysView(s) }},
		{title: "Learning needs", icon: theme.HelpIcon(), shortcut: fyne.Key8, build: func(s *Shell) view { return newNeedsView(s) }},
		{title: "Learning grids", icon: theme.DocumentCreateIcon(), shortcut: fyne.Key9, build: func(s *Shell) view { return newGridsView(s) }},
		{title: "Action tables", icon: theme.ListIcon(), shortcut: fyne.Key0, build: func(s *Shell) view { return newActionsView(s) }},
		{title: "Roadmap", icon: theme.CalendarIcon(), build: func(s *Shell) view { return newRoadmapView(s) }},
		{title: "Baseline Study", icon: theme.FileTextIcon(), build: func(s *Shell) view { return newStudyView(s) }},
	}
}

// Shell is the main window: navigation on the left, the current area on
// the right, the network chooser on top.
type Shell struct {
	app     fyne.App
	win     fyne.Window
	store   *data.Store
	ctx     context.Context
	network data.Network // zero until a network is open

	areas      []area
	views      []view // built on first visit
	current    int
	nav        *widget.List
	body       *fyne.Container
	header     *widget.Label
	netPick    *widget.Select
	root       *fyne.Container
	welcome    *welcomeButtons // set while the welcome screen shows
	presenting *presenter      // set while the presenter view is up
	live       *liveRun        // the live session on screen, if any
	exported   func()          // called when an export has been reported (tests wait for it)
}

// NewShell builds the main window's content for the store.
func NewShell(a fyne.App, w fyne.Window, s *data.Store) *Shell {
	sh := &Shell{app: a, win: w, store: s, ctx: context.Background(), areas: areas(), current: -1}
	sh.views = make([]view, len(sh.areas))
	sh.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sh.netPick = widget.NewSelect(nil, sh.pickNetworkByName)
	sh.netPick.PlaceHolder = "Choose a network"
	sh.nav = widget.NewList(func() int { return len(sh.areas) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Network overview"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(sh.areas[i].icon)
			box.Objects[1].(*widget.Label).SetText(sh.areas[i].title)
		})
	sh.nav.OnSelected = func(i widget.ListItemID) { sh.ShowArea(int(i)) }
	sh.body = container.NewStack()
	sh.root = container.NewStack()
	w.SetMainMenu(sh.mainMenu())
	w.Canvas().SetOnTypedKey(sh.typedKey)
	return sh
}

// Content is what the window shows.
func (sh *Shell) Content() fyne.CanvasObject { return sh.root }

// Start opens the preferred network, or the welcome screen when the store
// holds none.
func (sh *Shell) Start(preferredID string) {
	ns, err := sh.store.Networks(sh.ctx)
	if err != nil {
		sh.showError(err)
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

// openNetwork shows the main layout for n and remembers it.
func (sh *Shell) openNetwork(n data.Network) {
	sh.network = n
	sh.rememberNetwork(n.ID)
	sh.win.SetTitle(n.Name + " — AoCE Desktop")
	sh.refreshNetworkPicker()
	sh.views = make([]view, len(sh.areas))
	sh.current = -1
	top := container.NewBorder(nil, nil, sh.header, sh.netPick)
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
		sh.showError(err)
		return
	}
	names := make([]string, len(ns))
	for i, n := range ns {
		names[i] = n.Name
	}
	sh.netPick.SetOptions(names)
	sh.netPick.SetSelectedIndex(indexOf(names, sh.network.Name))
	if len(ns) < 2 {
		sh.netPick.Hide()
	} else {
		sh.netPick.Show()
	}
	label := sh.network.Name
	if sh.network.Acronym != "" {
		label += " (" + sh.network.Acronym + ")"
	}
	sh.header.SetText(label)
}

func (sh *Shell) pickNetworkByName(name string) {
	if name == "" || name == sh.network.Name {
		return
	}
	n, err := sh.store.NetworkByName(sh.ctx, name)
	if err != nil {
		sh.showError(err)
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
			sh.views[i] = sh.areas[i].build(sh)
		} else {
			sh.views[i].Reload()
		}
		sh.body.Objects = []fyne.CanvasObject{sh.views[i].Object()}
		sh.body.Refresh()
		sh.nav.Select(i)
	}, func() { sh.nav.Select(sh.current) })
}

// leaveCurrent asks the current view to let go, then runs proceed; when the
// user stays, stay runs instead (to undo a selection, say).
func (sh *Shell) leaveCurrent(proceed, stay func()) {
	if sh.current < 0 || sh.views[sh.current] == nil {
		proceed()
		return
	}
	left := false
	sh.views[sh.current].Leave(func() { left = true; proceed() })
	if !left && stay != nil {
		stay() // undone now; redone by proceed if the user then agrees
	}
}

// currentView is the view on screen, or nil.
func (sh *Shell) currentView() view {
	if sh.current < 0 {
		return nil
	}
	return sh.views[sh.current]
}

// viewAt returns area i's view, building it if needed (for menus and tests).
func (sh *Shell) viewAt(i int) view {
	sh.ShowArea(i)
	return sh.views[i]
}

// reloadAll refreshes every built view after data changed under them.
func (sh *Shell) reloadAll() {
	if n, err := sh.store.Network(sh.ctx, sh.network.ID); err == nil {
		sh.network = n
	}
	sh.refreshNetworkPicker()
	for _, v := range sh.views {
		if v != nil {
			v.Reload()
		}
	}
}

// RequestQuit closes the window after unsaved changes are dealt with.
func (sh *Shell) RequestQuit() {
	sh.leaveCurrent(sh.app.Quit, nil) // the window size is saved by whenStopping
}

func (sh *Shell) showError(err error) {
	if err == nil {
		return
	}
	var ce *data.ConstraintError
	if errors.As(err, &ce) {
		widgets.ShowMessage(sh.win, "Not possible", ce.Msg)
		return
	}
	widgets.ShowMessage(sh.win, "Something went wrong", err.Error())
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// typedKey handles keys no focused widget took: Escape closes the dialog
// on top (as Cancel would), F11 presents the matrix.
func (sh *Shell) typedKey(e *fyne.KeyEvent) {
	top := sh.win.Canvas().Overlays().Top()
	switch {
	case e.Name == fyne.KeyEscape && top != nil:
		sh.win.Canvas().Overlays().Remove(top) // like Cancel: no callback runs
	case e.Name == fyne.KeyF11 && top == nil && sh.network.ID != "":
		sh.presentMatrix(false)
	}
}

// meetingsAndPartners reads the open network's meetings and partners;
// ok is false (and the error shown) when the store cannot.
func (sh *Shell) meetingsAndPartners() ([]data.Meeting, []data.Partner, bool) {
	ms, err := sh.store.Meetings(sh.ctx, sh.network.ID)
	if err != nil {
		sh.showError(err)
		return nil, nil, false
	}
	ps, err := sh.store.Partners(sh.ctx, sh.network.ID)
	if err != nil {
		sh.showError(err)
		return nil, nil, false
	}
	return ms, ps, true
}
