package shell

import (
	"fmt"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/about"
)

// openURL hands a folder to the system's opener (Explorer, Finder, the
// desktop's file manager); tests replace it.
var openURL = func(a fyne.App, u *url.URL) error { return a.OpenURL(u) }

// showAbout is Help → About: which build this is, where its data is (the
// first thing to know on a new laptop), and the licences of what it contains.
func (sh *Shell) showAbout() { sh.showAboutOf(sh.app.Metadata()) }

func (sh *Shell) showAboutOf(meta fyne.AppMetadata) {
	commit := meta.Custom[about.CommitKey]
	if commit == "" {
		commit = "unknown"
	}
	title := widget.NewLabelWithStyle(fmt.Sprintf("%s %s (build %d), commit %s", meta.Name, meta.Version, meta.Build, commit), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	dbPath := sh.store.Path()
	folder := filepath.Dir(dbPath)
	openFolder := widgets.NewButton("Open the data folder", func() {
		u, err := url.Parse(storage.NewFileURI(folder).String())
		if err == nil {
			err = openURL(sh.app, u)
		}
		if err != nil {
			sh.ShowError(fmt.Errorf("opening the data folder %s: %w", folder, err))
		}
	})
	where := widget.NewLabel("On a new computer the database is created at\n" + strings.Join(about.DataLocations, "\n") +
		"\n(--db FILE or the AOCE_DB variable choose another file.)")
	where.Wrapping = fyne.TextWrapWord
	head := container.NewVBox(title,
		widget.NewLabel("Database in use: "+dbPath),
		container.NewBorder(nil, nil, nil, openFolder, widget.NewLabel("Data folder: "+folder)),
		where,
		widget.NewLabelWithStyle("Licences of the code it contains", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	// A list draws only the rows in view: the licences are ~4,000 lines.
	lines := wrapLines(about.Licences, 96)
	licences := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			t := canvas.NewText("", nil)
			t.TextStyle.Monospace = true
			return t
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			t := o.(*canvas.Text)
			t.Text, t.Color = lines[i], theme.Color(theme.ColorNameForeground) // the theme may have changed
			t.Refresh()
		})
	licences.HideSeparators = true
	d := dialog.NewCustom("About "+meta.Name, "Close", container.NewBorder(head, nil, nil, nil, licences), sh.win)
	d.Resize(fyne.NewSize(880, 640))
	d.Show()
	sh.Keys(DialogKeys{Escape: d.Hide, Enter: d.Hide})
}

// wrapLines splits text into lines of at most width runes, breaking long
// lines at spaces, so every word of a licence shows without scrolling sideways.
func wrapLines(text string, width int) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for r := []rune(line); ; {
			if len(r) <= width {
				out = append(out, string(r))
				break
			}
			cut := width
			for i := width; i > width/2; i-- {
				if r[i] == ' ' {
					cut = i
					break
				}
			}
			out = append(out, string(r[:cut]))
			r = []rune(strings.TrimLeft(string(r[cut:]), " "))
		}
	}
	return out
}
