package shell

import "fyne.io/fyne/v2"

// View is one area of the main window. The shell knows views only through
// this interface and the small optional ones below: what a view can do is
// asked, never looked up by its type.
type View interface {
	Object() fyne.CanvasObject
	// Reload re-reads what the view shows from the store. A view keeps its
	// unsaved edits across a reload (the shell asks about them before data
	// changes under the view; a reload after the view's own save has none).
	Reload()
}

// Editor is a view, or a part of one, that may hold changes not yet in
// the store. Every way out of a view — another area, another network, a
// reload after Edit network, undo, a restore from the trash, closing the
// window — goes through the same question about them (Shell.Leave).
type Editor interface {
	// Unsaved names what holds unsaved changes ("the partner Genk"), or
	// returns "" when everything is stored.
	Unsaved() string
	// Save stores the changes and reports whether it could; when it cannot
	// it shows why on screen and the user stays.
	Save() bool
	// Discard throws the unsaved changes away.
	Discard()
}

// Flusher stores what it can without asking: when the app stops (window
// closed, logout, SIGTERM) there is nobody left to answer a dialog.
type Flusher interface {
	Flush() error
}

// The shared menu items act on the view on screen when it offers them, so
// the same keys do the same thing on every screen.
type (
	// Creator starts a new record (Ctrl+N).
	Creator interface{ New() }
	// Finder puts the cursor in the view's search box (Ctrl+F).
	Finder interface{ Find() }
	// Deleter asks to delete the selected record (Ctrl+Delete).
	Deleter interface{ DeleteSelected() }
	// Exporter asks where to export what the view shows (Ctrl+Shift+E).
	Exporter interface{ Export() }
	// Presenter shows the view's content full screen for the room (F11).
	Presenter interface{ Present() }
	// Dropper takes a file dropped on the window; false leaves it to the
	// area that takes dropped files by default.
	Dropper interface{ Drop(path string) bool }
)

// Area is an entry of the navigation list: the shell builds its view on
// the first visit.
type Area struct {
	ID       string // stable name, for commands that go to an area ("partners")
	Title    string
	Icon     fyne.Resource
	Shortcut fyne.KeyName // with Ctrl/Cmd; "" for none
	Build    func(*Shell) View
	// Commands are put in the File menu; each goes to this area first.
	Commands []Command
	// TakesDrops: a file dropped where the view on screen does not take it
	// goes to this area's view (a Dropper).
	TakesDrops bool
}

// Command is a File-menu item that opens its area and acts on its view.
type Command struct {
	Label    string
	Shortcut fyne.KeyName // with Ctrl/Cmd; "" for none
	Run      func(View)
}
