package shell

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/sync"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// syncEveryLabel names an interval of the automatic sync.
func syncEveryLabel(m int) string {
	if m <= 0 {
		return lang.L("Only when I choose Sync now")
	}
	return lang.L("Every {{.N}} minutes, and when the app starts and quits", map[string]any{"N": m})
}

// defaultLaptopName is what the laptop's name field offers before one is
// given: the computer's own name.
func defaultLaptopName() string { return sync.ComputerName() }

// syncStatusText is the settings' line about where the network stands.
func syncStatusText(st sync.Status) string {
	if st.Folder == "" {
		return lang.L("Not shared yet: choose a folder, then Save and sync now.")
	}
	if info, err := os.Stat(st.Folder); err != nil || !info.IsDir() {
		return lang.L("The folder is not there now (is the folder tool running, the disk plugged in?).")
	}
	line := capitalised(lastSyncText(st)) + " · " + lang.L("{{.Files}} waiting", map[string]any{"Files": filesText(st.Waiting)}) + " · " + conflictsText(st.Conflicts)
	if len(st.Others) > 0 {
		line += "\n" + lang.L("Shared with {{.Laptops}}", map[string]any{"Laptops": strings.Join(st.Others, ", ")})
	}
	return line
}

// ShowSyncSettings is Network → Sync settings…: the folder the open
// network is shared through, where it stands, this laptop's name and how
// often it syncs by itself. Save stores them (the folder where the engine
// keeps it); Save and sync now syncs after.
func (sh *Shell) ShowSyncSettings() {
	n := sh.network
	if n.ID == "" {
		return
	}
	st, err := sync.StatusOf(sh.store.Path(), n.ID, "")
	if err != nil {
		sh.ShowError(err)
		return
	}
	folder := widgets.NewEntry()
	folder.PlaceHolder = lang.L("e.g. the Syncthing or Nextcloud folder shared with the others")
	folder.SetText(st.Folder)
	folder.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		return sh.syncFolderProblem(s)
	}
	choose := widgets.NewButton(lang.L("Choose…"), func() { sh.pickFolder(st.Folder, folder.SetText) })
	folderNote := widget.NewLabel(lang.L("A folder that Syncthing, Nextcloud, OneDrive or a USB stick keeps the same on every laptop. Each laptop writes only its own files in it; the database itself never goes there."))
	folderNote.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel(syncStatusText(st))
	status.Wrapping = fyne.TextWrapWord
	statusButtons := container.NewHBox()
	statusRow := container.NewVBox(status, statusButtons)

	name := widgets.NewEntry()
	name.PlaceHolder = lang.L("e.g. Anna's laptop")
	wasName := st.LaptopName
	if wasName == "" {
		name.SetText(defaultLaptopName()) // offered; stored with Save
	} else {
		name.SetText(wasName)
	}
	nameNote := widget.NewLabel(lang.L("How the other laptops name this one in their conflicts."))
	nameNote.Wrapping = fyne.TextWrapWord

	wasEvery := sh.syncMinutes()
	var labels []string
	for _, m := range SyncEveryChoices {
		labels = append(labels, syncEveryLabel(m))
	}
	if !slices.Contains(SyncEveryChoices, wasEvery) {
		labels = append(labels, syncEveryLabel(wasEvery))
	}
	every := widget.NewSelect(labels, nil)
	every.SetSelected(syncEveryLabel(wasEvery))
	minutes := func() int {
		for _, m := range append(SyncEveryChoices, wasEvery) {
			if syncEveryLabel(m) == every.Selected {
				return m
			}
		}
		return wasEvery
	}

	changed := func() bool {
		return strings.TrimSpace(folder.Text) != st.Folder || strings.TrimSpace(name.Text) != wasName || minutes() != wasEvery
	}
	save := func() bool {
		if err := folder.Validate(); err != nil {
			sh.ShowMessage(lang.L("No such folder"), lang.L("{{.Folder}}: {{.Why}}. Choose the shared folder, or leave the field empty to stop sharing.", map[string]any{"Folder": folder.Text, "Why": err.Error()}))
			return false
		}
		ctx := context.Background() // quick writes the user waits for
		typed := strings.TrimSpace(folder.Text)
		f := typed
		if f != "" {
			f = absPath(f)
		}
		if f != st.Folder {
			if err := sync.SetFolder(ctx, sh.store, n.ID, f); err != nil { // stored absolute
				sh.ShowError(err)
				return false
			}
			if f != typed {
				defer sh.notice(lang.L("The sync folder is {{.Folder}}", map[string]any{"Folder": f}))
			}
		}
		if nm := strings.TrimSpace(name.Text); nm != wasName {
			if err := sync.SetLaptopName(ctx, sh.store, nm); err != nil {
				sh.ShowError(err)
				return false
			}
		}
		if m := minutes(); m != wasEvery {
			if err := sh.store.SetSetting(ctx, settingSyncMinutes, strconv.Itoa(m)); err != nil {
				sh.ShowError(err)
				return false
			}
			sh.scheduleAutoSync()
		}
		return true
	}
	var closeForm func()
	statusButtons.Add(widgets.NewButtonWithIcon(lang.L("Save and sync now"), theme.ViewRefreshIcon(), func() {
		if save() {
			closeForm()
			sh.SyncNow()
		}
	}))
	if st.Conflicts > 0 {
		statusButtons.Add(widgets.NewButton(lang.L("Review conflicts…"), sh.ShowConflicts))
	}
	copied := widgets.NewButton(lang.L("This database was copied from another laptop…"), sh.askNewLaptopID)
	closeForm = sh.ShowForm(Form{Title: lang.L("Sync {{.Name}} with other laptops", map[string]any{"Name": n.Name}), Confirm: lang.L("Save"),
		Size: fyne.NewSize(720, 0),
		Items: []*widget.FormItem{
			widget.NewFormItem(lang.L("Shared folder"), folder),
			widget.NewFormItem("", container.NewVBox(container.NewHBox(choose), folderNote)),
			widget.NewFormItem(lang.L("Status"), statusRow),
			widget.NewFormItem(lang.L("This laptop's name"), container.NewVBox(name, nameNote, container.NewHBox(copied))),
			widget.NewFormItem(lang.L("Sync by itself"), every),
		},
		Changed:   changed,
		OnConfirm: save,
	})
}

// inside tells whether dir is base or a folder inside it: a sync folder
// holding the database would carry the live file (and its -wal) to the
// other laptops, which breaks it.
func inside(dir, base string) bool {
	rel, err := filepath.Rel(absPath(base), absPath(dir))
	return err == nil && (rel == "." || !strings.HasPrefix(rel, ".."))
}

// askNewLaptopID explains and asks before the database takes a laptop id
// of its own: right for a file copied from another laptop, wrong for the
// original (the others would take its later files for another laptop's).
func (sh *Shell) askNewLaptopID() {
	// Cancel is the safe answer Enter and Escape give: a new id takes a click.
	sh.askDiscard(lang.L("Give this database its own laptop id?"),
		lang.L("Only for a database file copied from another laptop (or restored there from its backup): both files would then write their changes under one laptop's name, and the second to sync is refused.\n\nThis gives this database a laptop id of its own. Do not do it on the laptop the file came from."),
		lang.L("Give it its own id"), lang.L("Cancel"), func() {
			id, err := sync.NewLaptopID(context.Background(), sh.store)
			if err != nil {
				sh.ShowError(err)
				return
			}
			sh.ShowMessage(lang.L("A laptop id of its own"), lang.L("This database is now laptop {{.ID}}. Its next sync writes its changes under that id.", map[string]any{"ID": id}))
		})
}
