package shell

import (
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
)

// The database files opened last are remembered in Fyne's preferences:
// they follow the user, not one database (unlike the recent networks,
// which are ids of one file and live in it).
const prefRecentDatabases = "databases.recent"

// recentDatabasesKeep is how many database files the File menu lists.
const recentDatabasesKeep = 5

// rememberDatabase puts path first among the recent databases.
func (sh *Shell) rememberDatabase(path string) {
	path = absPath(path)
	list := slices.DeleteFunc(sh.RecentDatabases(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	sh.app.Preferences().SetStringList(prefRecentDatabases, list[:min(len(list), recentDatabasesKeep)])
	sh.refreshDatabaseMenu()
}

// RecentDatabases are the database files opened last, newest first
// (files since moved or deleted included: the menu shows them disabled).
func (sh *Shell) RecentDatabases() []string {
	return slices.Clone(sh.app.Preferences().StringList(prefRecentDatabases))
}

// recentDatabaseItems are the File menu's "Open recent database" entries:
// the open one ticked, a file that is no longer there disabled.
func (sh *Shell) recentDatabaseItems() []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, p := range sh.RecentDatabases() {
		it := fyne.NewMenuItem(filepath.Base(p)+" — "+filepath.Dir(p), func() { sh.openDatabase(p) })
		it.Checked = sh.store != nil && samePath(p, sh.store.Path())
		if _, err := os.Stat(p); err != nil {
			it.Label += " (not found)"
			it.Disabled = true
		}
		items = append(items, it)
	}
	return orNone(items, "No database yet")
}

func (sh *Shell) refreshDatabaseMenu() { sh.refill(sh.dbMenu, sh.recentDatabaseItems) }
