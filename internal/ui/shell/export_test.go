package shell

import (
	"os/exec"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// What the external tests (package shell_test, which may use uitest)
// look at inside the shell.

func (sh *Shell) CurrentIndex() int     { return sh.current }
func (sh *Shell) WhenStopping()         { sh.whenStopping() }
func (sh *Shell) BackupDialog()         { sh.backupDialog() }
func (sh *Shell) CheckRestore(p string) { sh.checkRestore(p) }
func (sh *Shell) UnsafeSavePath(p string) string {
	return sh.unsafeSavePath(p)
}
func (sh *Shell) SetLogError(f func(string, error)) { sh.logError = f }
func SaveSettings(s Settings, p fyne.Preferences)   { s.save(p) }

// RealSystemOpener is the opener the shell uses, telling failed when the
// program it started ends in failure.
func RealSystemOpener(failed func(program, target string, err error)) Opener {
	return newSystemOpener(failed)
}

// SystemOpener is the system's opener for goos, finding programs with
// lookPath and handing the command it would start to start.
func SystemOpener(goos string, lookPath func(string) (string, error), start func(*exec.Cmd) error) Opener {
	return systemOpener{goos: goos, lookPath: lookPath, start: start}
}
func (sh *Shell) OnDropped(path string) {
	sh.onDropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(path)})
}
func (sh *Shell) NetworkPicker() *widget.Select { return sh.netPick }
func (sh *Shell) OpenNetwork(n data.Network)    { sh.openNetwork(n) }
func (sh *Shell) WelcomeButtons() (demo, create *widget.Button) {
	if sh.welcome == nil {
		return nil, nil
	}
	return sh.welcome.demo, sh.welcome.create
}

func (sh *Shell) ShowTrash() { sh.showTrash() }

func (sh *Shell) OpenDatabase(p string)   { sh.openDatabase(p) }
func (sh *Shell) CreateDatabase(p string) { sh.createDatabase(p) }
func (sh *Shell) RecentDatabaseItems() []*fyne.MenuItem {
	return sh.dbMenu.Items
}

func (sh *Shell) Begin(network string) { sh.begin(network) }
