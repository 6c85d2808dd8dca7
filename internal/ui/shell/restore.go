package shell

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// restoreDialog picks a backup, checks it (read-only, off the UI
// goroutine) and tells how to restore it. The window does not restore the
// database it has open itself: that needs the store closed and the shell
// started again on the restored file, which it cannot do yet; the command
// line restores it once the app is closed, keeping the current data.
func (sh *Shell) restoreDialog() {
	sh.PickFile([]string{".db", ".bak"}, sh.checkRestore)
}

// checkRestore checks the picked backup and shows how to restore it.
func (sh *Shell) checkRestore(backup string) {
	{
		sh.InBackground(BackgroundJob{
			Title: "Checking the backup", Cancelled: "The check was stopped; nothing was changed.",
			Work: func(ctx context.Context, _ func(string, float64)) error {
				return data.CheckBackup(ctx, backup)
			},
			Failed: func(err error) {
				sh.ShowError(fmt.Errorf("%s cannot be restored; nothing was changed: %w", backup, err))
			},
			Done: func() { sh.showRestoreSteps(backup) },
		})
	}
}

// restoreCommand is the command line that restores backup over dbPath.
func restoreCommand(dbPath, backup string) string {
	return "aoce-desktop restore --db " + shellQuote(dbPath) + " --from " + shellQuote(backup)
}

func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"\\$`!*?&;|<>()[]{}#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func (sh *Shell) showRestoreSteps(backup string) {
	db := sh.store.Path()
	cmd := restoreCommand(db, backup)
	kept := strings.TrimSuffix(filepath.Base(db), ".db") + ".replaced-DATE-TIME.db"
	msg := widget.NewLabel(filepath.Base(backup) + " is a whole AoCE Desktop database and can be restored. " +
		"Your current data is kept as " + kept + " in " + filepath.Dir(db) + ".\n\n" +
		"The window cannot replace the database it has open. Quit AoCE Desktop, then run:")
	msg.Wrapping = fyne.TextWrapWord
	line := widget.NewEntry()
	line.SetText(cmd)
	copyCmd := widget.NewButton("Copy the command", func() { sh.app.Clipboard().SetContent(cmd) })
	body := container.NewVBox(msg, line, copyCmd)
	d := dialog.NewCustom("Restore from backup", "Close", body, sh.win)
	d.Resize(fyne.NewSize(620, 300))
	d.Show()
	sh.Keys(DialogKeys{Enter: d.Hide})
}
