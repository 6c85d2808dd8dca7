package shell

import (
	"github.com/aoce-desktop/aoce-desktop/internal/sync"
	"net/url"
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
func (sh *Shell) OpenerFailed(program, file string, folder bool, err error) {
	sh.openerFailed(program, file, folder, err)
}
func (sh *Shell) UnsafeSavePath(p string) string {
	return sh.unsafeSavePath(p)
}
func (sh *Shell) SetLogError(f func(string, error)) { sh.logError = f }
func SaveSettings(s Settings, p fyne.Preferences)   { s.save(p) }

// RealSystemOpener is the opener the shell uses, telling failed when the
// program it started ends in failure.
func RealSystemOpener(failed func(program, file string, folder bool, err error)) Opener {
	return newSystemOpener(failed)
}

// SystemOpener is the system's opener for goos, finding programs with
// lookPath and handing the command it would start to start.
func SystemOpener(goos string, lookPath func(string) (string, error), start func(*exec.Cmd) error) Opener {
	return systemOpener{goos: goos, lookPath: lookPath, start: func(cmd *exec.Cmd, _ func(error)) error { return start(cmd) }}
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
	return sh.welcome.demo.ButtonWidget(), sh.welcome.create.ButtonWidget()
}

// WelcomeTakeOver is the welcome screen's buttons that take a network
// over from another laptop.
func (sh *Shell) WelcomeTakeOver() (importFile, join *widget.Button) {
	if sh.welcome == nil {
		return nil, nil
	}
	return sh.welcome.importFile.ButtonWidget(), sh.welcome.join.ButtonWidget()
}

func (sh *Shell) ShowTrash() { sh.showTrash() }

func (sh *Shell) OpenDatabase(p string)   { sh.openDatabase(p) }
func (sh *Shell) CreateDatabase(p string) { sh.createDatabase(p) }
func (sh *Shell) RecentDatabaseItems() []*fyne.MenuItem {
	return sh.dbMenu.Items
}

func (sh *Shell) ShowAboutOf(m fyne.AppMetadata) { sh.showAboutOf(m) }
func WrapLines(text string, width int) []string  { return wrapLines(text, width) }

// SetOpenURL replaces the system opener until the returned restore runs.
func SetOpenURL(f func(fyne.App, *url.URL) error) (restore func()) {
	old := openURL
	openURL = f
	return func() { openURL = old }
}
func (sh *Shell) PreviewHandover(p string) { sh.previewHandover(p) }
func (sh *Shell) RestoreDialog()           { sh.restoreDialog() }
func (sh *Shell) JoinFolder(folder string) { sh.joinFolder(folder) }
func (sh *Shell) EnableAutoBackups()       { sh.autoBackups = true }
func (sh *Shell) Begin(network string)     { sh.begin(network) }
func (sh *Shell) EnableAutoSync()          { sh.autoSync = true }
func (sh *Shell) SyncNote() *widget.Button { return sh.syncNote.ButtonWidget() }
func (sh *Shell) StatusLine() string       { return sh.status.Text }

// DriverKeys makes the shell answer Enter on key-up, as on the real
// driver, and returns the window's key-down and key-up handlers.
func (sh *Shell) DriverKeys() (down, up func(*fyne.KeyEvent)) {
	sh.dialogs.keyUps = true
	return sh.keyDown, sh.keyUp
}

// SyncSummary is the message after Sync now.
func SyncSummary(r sync.Report) string { return syncSummary(r) }
