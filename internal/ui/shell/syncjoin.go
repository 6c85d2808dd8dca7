package shell

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/sync"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Joining a shared folder (File → Join a shared folder…, and the welcome
// screen): a laptop starts from the folder another laptop syncs a network
// into, as 'aoce-desktop sync --folder DIR --network ID' does on the
// command line — the same calls: the laptop's name, then sync.Now, whose
// first sync builds the network from the files (and notes the folder, so
// the network syncs by itself from then on).

// pickFolder shows the folder chooser at start (the last folder used when
// ""), and gives the folder picked.
func (sh *Shell) pickFolder(start string, picked func(string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err == nil && u != nil {
			picked(u.Path())
		}
	}, sh.win)
	if start == "" {
		start = sh.LastFolder()
	}
	if dir, err := storage.ListerForURI(storage.NewFileURI(start)); err == nil {
		d.SetLocation(dir)
	}
	d.Show()
	d.Resize(widgets.DialogSize)
}

// syncFolderProblem says why dir cannot be a shared folder, nil when it can.
func (sh *Shell) syncFolderProblem(dir string) error {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return errors.New(lang.L("no such folder"))
	}
	if inside(filepath.Dir(sh.store.Path()), dir) {
		return errors.New(lang.L("the database is in it: choose another"))
	}
	return nil
}

// joinSharedFolder asks for the shared folder, then which of its networks
// to join.
func (sh *Shell) joinSharedFolder() { sh.pickFolder("", sh.joinFolder) }

// joinFolder reads which networks folder holds (off the UI goroutine: the
// files are read for the networks' names) and asks which one to join.
func (sh *Shell) joinFolder(folder string) {
	if err := sh.syncFolderProblem(folder); err != nil {
		sh.ShowMessage(lang.L("Not a folder to join"), folder+": "+err.Error()+".")
		return
	}
	var found []sync.FolderNetwork
	sh.InBackground(BackgroundJob{
		Title: lang.L("Reading the shared folder"), Cancelled: lang.L("Nothing was joined."),
		Work: func(ctx context.Context, _ func(string, float64)) error {
			all, err := sync.FolderNetworks(folder)
			for _, n := range all {
				if here, herr := sh.store.HasNetworkID(ctx, n.ID); herr != nil || !here {
					found, err = append(found, n), errors.Join(err, herr)
				}
			}
			if err == nil && len(found) == 0 && len(all) > 0 {
				err = errors.New(lang.L("this database has every network of the folder already: it syncs through Network › Sync settings…"))
			}
			return err
		},
		Failed: func(err error) { sh.ShowMessage(lang.L("Nothing to join"), folder+": "+err.Error()+".") },
		Done: func() {
			if len(found) == 0 {
				sh.ShowMessage(lang.L("Nothing to join"), lang.L("{{.Folder}} holds no network yet: on the laptop that has it, choose the folder in Network › Sync settings… and sync; once the folder tool has brought its files here, join again.", map[string]any{"Folder": folder}))
				return
			}
			sh.askJoin(folder, found)
		},
	})
}

// folderNetworkLine is a network of a shared folder as the user knows it:
// its name, the laptops that write it, when it was last written.
func folderNetworkLine(n sync.FolderNetwork) string {
	return lang.L("{{.Name}} — shared by {{.Laptops}}, last written {{.When}}", map[string]any{
		"Name": capitalised(folderNetworkName(n)), "Laptops": strings.Join(n.Laptops, ", "), "When": widgets.DateTime(n.Last.Local())})
}

// folderNetworkName is the network's name, "a network" when its files do not say.
func folderNetworkName(n sync.FolderNetwork) string {
	if n.Name == "" {
		return lang.L("a network")
	}
	return n.Name
}

// askJoin asks which network to join (when the folder holds several) and
// this laptop's name, then joins.
func (sh *Shell) askJoin(folder string, found []sync.FolderNetwork) {
	lines := make([]string, len(found))
	for i, n := range found {
		lines[i] = folderNetworkLine(n)
	}
	choice := widget.NewRadioGroup(lines, nil)
	choice.Required = true
	choice.SetSelected(lines[0])
	name := widgets.NewEntry()
	name.PlaceHolder = lang.L("e.g. Anna's laptop")
	name.SetText(defaultLaptopName())
	nameNote := widget.NewLabel(lang.L("How the other laptops name this one in their conflicts."))
	nameNote.Wrapping = fyne.TextWrapWord
	var network fyne.CanvasObject = choice
	if len(found) == 1 {
		one := widget.NewLabel(lines[0])
		one.Wrapping = fyne.TextWrapWord
		network = one
	}
	sh.ShowForm(Form{Title: lang.L("Join a shared folder"), Confirm: lang.L("Join"), Size: fyne.NewSize(720, 0),
		Items: []*widget.FormItem{
			widget.NewFormItem(lang.L("Shared folder"), widget.NewLabel(folder)),
			widget.NewFormItem(lang.L("Network"), network),
			widget.NewFormItem(lang.L("This laptop's name"), name),
			widget.NewFormItem("", nameNote),
		},
		OnConfirm: func() bool {
			for i, l := range lines {
				if l == choice.Selected {
					sh.join(folder, found[i], strings.TrimSpace(name.Text))
				}
			}
			return true
		}})
}

// join builds the network from the folder's files behind a progress
// dialog, opens it and says what the sync did.
func (sh *Shell) join(folder string, n sync.FolderNetwork, laptopName string) {
	var r sync.Report
	sh.InBackground(BackgroundJob{
		Title: lang.L("Joining {{.Name}}", map[string]any{"Name": folderNetworkName(n)}), Cancelled: lang.L("The sync was stopped; nothing of it is kept."),
		Work: func(ctx context.Context, _ func(string, float64)) error {
			if laptopName != "" {
				if err := sync.SetLaptopName(ctx, sh.store, laptopName); err != nil {
					return err
				}
			}
			var err error
			r, err = sync.Now(ctx, sh.store, folder, n.ID)
			return err
		},
		Failed: sh.showSyncError,
		Done: func() {
			joined, err := sh.store.Network(sh.ctx, n.ID)
			if err != nil {
				sh.ShowError(err)
				return
			}
			sh.leaveCurrent(func() {
				sh.openNetwork(joined)
				sh.notice(syncLine(r))
				sh.showSyncReport(joined.Name, r)
				if sh.Synced != nil {
					sh.Synced(r, nil)
				}
			}, nil)
		},
	})
}
