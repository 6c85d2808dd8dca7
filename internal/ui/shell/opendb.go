package shell

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// File → Open database… and New database…: the window moves onto another
// database file (reopen.go's swapStore). The new file is opened and checked
// before the current one is let go of, so a file that cannot be used is
// refused with a message and the current database stays open as it was.

func (sh *Shell) openDatabaseDialog() {
	sh.PickFileTitled("Open database", []string{".db"}, sh.openDatabase)
}

// openDatabase opens the existing database at path in the window.
func (sh *Shell) openDatabase(path string) {
	path = absPath(path)
	if sh.isOpenNow(path) {
		sh.ShowMessage("Already open", filepath.Base(path)+" is the database open in this window.")
		return
	}
	sh.moveTo(path, func() (*data.Store, error) {
		if _, err := os.Stat(path); err != nil { // a Writer would create it
			return nil, &data.OpenError{Path: path, Problem: "cannot be found", Hint: "it may have been moved, renamed or deleted", Err: err}
		}
		return data.Open(path, data.Writer)
	})
}

func (sh *Shell) newDatabaseDialog() {
	sh.askPath("New database", filepath.Dir(sh.store.Path()), "network.db", "Create", nil, sh.createDatabase)
}

// createDatabase starts an empty database at path (".db" added when it
// has no extension) and opens it: the welcome screen follows.
func (sh *Shell) createDatabase(path string) {
	if filepath.Ext(path) == "" {
		path += ".db"
	}
	path = absPath(path)
	if _, err := os.Stat(path); err == nil {
		sh.ShowMessage("The file exists", filepath.Base(path)+" is already in "+filepath.Dir(path)+
			". Open it with Open database… in the File menu, or choose another name for the new database.")
		return
	}
	sh.moveTo(path, func() (*data.Store, error) { return data.Open(path, data.Writer) })
}

// moveTo asks the view on screen about its unsaved changes, opens the
// store with open and, when that worked, swaps the shell onto it.
func (sh *Shell) moveTo(path string, open func() (*data.Store, error)) {
	if sh.swapping {
		return
	}
	sh.leaveCurrent(func() {
		sh.swapping = true
		offUI(sh.win, path, sh.startJob, open, func(s *data.Store, err error) {
			sh.swapping = false
			if err != nil {
				sh.refuseDatabase(path, err)
				if sh.Reopened != nil {
					sh.Reopened()
				}
				return
			}
			old := sh.store.Path()
			sh.swapStore(path, func(was *data.Store) (*data.Store, error) { return s, was.Close() }, func(err error) {
				if err != nil {
					sh.ShowError(fmt.Errorf("closing %s: %w", old, err))
				}
			})
		})
	}, nil)
}

// refuseDatabase says why path cannot be opened, and that the current
// database is still open.
func (sh *Shell) refuseDatabase(path string, err error) {
	text := strings.TrimSuffix(err.Error(), ".")
	sh.ShowMessage("Cannot open "+filepath.Base(path), strings.ToUpper(text[:1])+text[1:]+
		".\n\nThe database open before is still open: "+sh.store.Path())
}

// isOpenNow says whether path is the database this window has open
// (compared as files: a link or another spelling of it counts).
func (sh *Shell) isOpenNow(path string) bool {
	a, errA := os.Stat(path)
	b, errB := os.Stat(sh.store.Path())
	if errA != nil || errB != nil {
		return samePath(path, sh.store.Path())
	}
	return os.SameFile(a, b)
}
