package shell

import (
	"context"
	"os"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// What the app remembers between runs lives in the database's settings
// table: it is written atomically, travels with backups, and "last
// network" names an id of this very file. (Fyne's preferences file is
// rewritten in place and was seen half-written under quick restarts.)
const (
	settingLastNetwork  = data.LastNetworkSetting
	settingWindowWidth  = "ui.window_width"
	settingWindowHeight = "ui.window_height"
	settingLastFolder   = "ui.last_folder" // where files were last opened or saved
)

// What follows the user rather than the database (Settings) is in Fyne's
// preferences, per user.
const (
	prefTheme               = "settings.theme"
	prefDateFormat          = "settings.date_format"
	prefExportFolder        = "settings.export_folder"
	prefParticipantLanguage = "settings.participant_language"
	prefPaper               = "settings.paper"
	// The folder the last export went to follows the user too: the
	// partner files go to the user's folders whichever database is open.
	prefLastExportFolder = "export.last_folder"
)

// LastFolder is the folder files were last opened from or saved to, or
// the database's folder the first time.
func (sh *Shell) LastFolder() string {
	if dir, err := sh.store.Setting(sh.ctx, settingLastFolder); err == nil && dir != "" {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	return filepath.Dir(sh.store.Path())
}

// RememberFolder keeps the folder of a file the user chose.
func (sh *Shell) RememberFolder(path string) {
	if err := sh.store.SetSetting(sh.ctx, settingLastFolder, filepath.Dir(path)); err != nil {
		sh.logError("remembering the folder", err) // only the convenience is lost: no dialog
	}
}

// rememberSaveFolder keeps the folder a file was saved to: for the next
// save (in the user's preferences) and the next file opened.
func (sh *Shell) rememberSaveFolder(path string) {
	sh.app.Preferences().SetString(prefLastExportFolder, filepath.Dir(path))
	sh.RememberFolder(path)
}

// defaultWindowSize fits a 1366×768 laptop screen with room for a taskbar.
var defaultWindowSize = fyne.NewSize(1180, 720)

// RestoreWindowSize resizes w to the size it had when last closed.
func RestoreWindowSize(s *data.Store, w fyne.Window) {
	size := defaultWindowSize
	width, _ := s.Setting(context.Background(), settingWindowWidth)
	height, _ := s.Setting(context.Background(), settingWindowHeight)
	if wv, err := strconv.ParseFloat(width, 32); err == nil {
		size.Width = float32(max(wv, 640))
	}
	if hv, err := strconv.ParseFloat(height, 32); err == nil {
		size.Height = float32(max(hv, 420))
	}
	w.Resize(size)
}

func (sh *Shell) saveWindowSize() {
	size := sh.win.Canvas().Size()
	if size.Width < 100 || size.Height < 100 || sh.win.FullScreen() {
		return // not shown yet, minimised, or presenting: not the size to come back to
	}
	for key, v := range map[string]float32{settingWindowWidth: size.Width, settingWindowHeight: size.Height} {
		if err := sh.store.SetSetting(sh.ctx, key, strconv.FormatFloat(float64(v), 'f', 0, 32)); err != nil {
			sh.logError("remembering the window size", err)
		}
	}
}

// rememberNetwork keeps the open network for the next start.
func (sh *Shell) rememberNetwork(id string) {
	if err := sh.store.SetSetting(sh.ctx, settingLastNetwork, id); err != nil {
		sh.logError("remembering the open network", err)
	}
}

// LastNetwork is the network open when the app last closed, or "".
func LastNetwork(s *data.Store) string {
	id, _ := s.Setting(context.Background(), settingLastNetwork)
	return id
}
