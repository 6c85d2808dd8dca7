package shell

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/sync"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// exportNetworkDialog is File → Export network…: the open network, with
// everything it holds, into one .aoce file for another laptop.
func (sh *Shell) exportNetworkDialog() {
	n := sh.network
	if n.ID == "" {
		return
	}
	name := strings.NewReplacer("/", "-", `\`, "-", ":", "-").Replace(n.Name) + ".aoce"
	sh.AskSavePath("Export network for another laptop", name, func(path string) {
		var info data.HandoverInfo
		sh.InBackground(BackgroundJob{
			Title: "Exporting " + n.Name, Cancelled: "The export was cancelled; nothing was written.",
			Work: func(ctx context.Context, _ func(string, float64)) error {
				var err error
				info, err = sh.store.ExportNetwork(ctx, n.ID, path, sh.app.Metadata().Version)
				return err
			},
			Done: func() {
				sh.ShowMessage("Network exported", fmt.Sprintf("%s is in %s, with %s.\n\nOn the other laptop: File › Import network….",
					n.Name, path, info.Summary()))
			},
		})
	})
}

// importNetworkDialog is File → Import network…: pick a .aoce file, read
// and check it off the UI goroutine, then show what it holds before
// anything is imported.
func (sh *Shell) importNetworkDialog() {
	sh.PickFile([]string{".aoce"}, sh.previewHandover)
}

func (sh *Shell) previewHandover(path string) {
	var info data.HandoverInfo
	var present bool
	sh.InBackground(BackgroundJob{
		Title: "Reading " + filepath.Base(path), Cancelled: "Nothing was imported.",
		Work: func(ctx context.Context, _ func(string, float64)) error {
			var err error
			if info, err = data.ReadHandover(ctx, path); err != nil {
				return err
			}
			present, err = sh.store.HasNetworkID(ctx, info.NetworkID)
			return err
		},
		Failed: func(err error) { sh.ShowError(fmt.Errorf("nothing was imported: %w", err)) },
		Done:   func() { sh.showHandoverPreview(path, info, present) },
	})
}

// showHandoverPreview tells what the file holds — the network, when and
// where it was exported, how many of each kind — and offers what fits:
// Import, or, when this database has the network already, Keep both and
// Merge (which needs the sync engine: disabled until it sets
// data.MergeNetworkFile).
func (sh *Shell) showHandoverPreview(path string, info data.HandoverInfo, present bool) {
	var d *dialog.CustomDialog
	lines := []string{fmt.Sprintf("Exported %s on %s (AoCE Desktop %s).", widgets.DateTime(info.ExportedAt.Local()), info.From(), info.AppVersion)}
	grid := container.NewGridWithColumns(4) // two kinds a row: the preview fits a 720-pixel screen
	for _, k := range data.HandoverKinds {
		if n := info.Count(k.Table); n > 0 {
			grid.Add(widget.NewLabel(data.KindLabel(k.Table)))
			grid.Add(widget.NewLabel(fmt.Sprint(n)))
		}
	}
	cancel := widgets.NewButton("Cancel", func() { d.Hide() })
	buttons := []fyne.CanvasObject{cancel}
	run := func(mode string) func() {
		return func() {
			d.Hide()
			sh.importHandover(path, info, mode)
		}
	}
	if present {
		here := info.NetworkName
		if n, err := sh.store.Network(sh.ctx, info.NetworkID); err == nil {
			here = n.Name // renamed here since: the name the user knows it by
		}
		lines = append(lines, "This database has this network already, as “"+here+"” (the same network, not just the same name).",
			"Merge brings the file's changes into “"+here+"” as a sync would: field by field, the later change stays and the other is listed among the sync conflicts to review. A backup is taken first.",
			"Keep both adds the file's as a copy: “"+info.NetworkName+" (imported "+time.Now().Format("2006-01-02")+")”.")
		merge := widgets.NewButton("Merge", run("merge"))
		if data.MergeNetworkFile == nil {
			merge.Disable()
			lines = append(lines, "Merge needs sync (coming).")
		}
		buttons = append(buttons, merge, widgets.NewButton("Keep both", run("keep")))
	} else {
		buttons = append(buttons, widgets.NewButton("Import", run("as is")))
	}
	text := widget.NewLabel(strings.Join(lines, "\n\n"))
	text.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(info.NetworkName, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d = dialog.NewCustomWithoutButtons("Import network", container.NewVBox(title, text, grid), sh.win)
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	sh.Keys(DialogKeys{Escape: d.Hide})
}

// importHandover imports in the background, then opens the network; Undo
// moves it to the trash.
func (sh *Shell) importHandover(path string, info data.HandoverInfo, how string) {
	var id string
	sh.InBackground(BackgroundJob{
		Title: "Importing " + info.NetworkName, Cancelled: "The import was stopped; nothing was added.",
		Work: func(ctx context.Context, _ func(string, float64)) error {
			var err error
			switch how {
			case "merge": // no undo step: the backup taken first is the way back
				id, err = data.MergeNetworkFile(ctx, sh.store, path, info)
			case "keep":
				id, _, err = sh.store.ImportNetwork(ctx, path, data.ImportKeepBoth, time.Now())
			default:
				id, _, err = sh.store.ImportNetwork(ctx, path, data.ImportAsIs, time.Now())
			}
			return err
		},
		Done: func() {
			n, err := sh.store.Network(sh.ctx, id)
			if err != nil {
				sh.ShowError(err)
				return
			}
			from := sh.network.ID
			sh.leaveCurrent(func() {
				sh.openNetwork(n)
				sh.refreshNetworkPicker()
				if how == "merge" {
					sh.notice(fmt.Sprintf("Merged %s into %s as a sync would; the backup from before it is in File › Restore from backup…", filepath.Base(path), n.Name))
					if st, err := sync.StatusOf(sh.store.Path(), n.ID, ""); err == nil && st.Conflicts > 0 {
						sh.showSyncNote(lang.L("{{.Conflicts}} after the merge: review", map[string]any{"Conflicts": conflictsText(st.Conflicts)}), sh.ShowConflicts)
					}
					return
				}
				sh.networkAdded("import", n, from)
				sh.notice(fmt.Sprintf("Imported %s: %s", n.Name, info.Summary()))
			}, nil)
		},
	})
}
