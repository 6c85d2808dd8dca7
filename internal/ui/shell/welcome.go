package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/demo"
)

// showWelcome is the first screen on an empty database: open the demo
// network or start a new one.
func (sh *Shell) showWelcome() {
	sh.setTitle("")
	sh.network = data.Network{}
	title := canvas.NewText("Welcome to AoCE Desktop", theme.Color(theme.ColorNameForeground))
	title.TextSize = theme.TextSize() * 2
	title.TextStyle.Bold = true
	intro := widget.NewLabel("Your workbench as Lead Expert of an URBACT network: partner cities, the matrix of good practices and " +
		"knowledge needs, surveys, learning grids and the Baseline Study — all on this computer, no internet needed.\n\n" +
		"Start with the demo network to look around, or create your own network. A network another laptop already holds " +
		"comes from the file it exported (File › Export network…) or from the folder it syncs into.")
	intro.Wrapping = fyne.TextWrapWord
	demoBtn := widgets.NewButtonWithIcon("Open the demo network: "+demo.Name, theme.FolderOpenIcon(), sh.loadDemo)
	demoBtn.Importance = widget.HighImportance
	newBtn := widgets.NewButtonWithIcon("Create a new network…", theme.ContentAddIcon(), sh.newNetwork)
	// The File menu's own actions: Import network… and Join a shared folder….
	importBtn := widgets.NewButtonWithIcon("Import a network file…", theme.DownloadIcon(), sh.importNetworkDialog)
	joinBtn := widgets.NewButtonWithIcon("Join a shared folder…", theme.FolderIcon(), sh.joinSharedFolder)
	box := container.NewVBox(title, intro, widget.NewSeparator(), demoBtn, newBtn, importBtn, joinBtn, sh.status) // what Undo did shows here too
	sh.root.Objects = []fyne.CanvasObject{container.NewCenter(container.NewGridWrap(fyne.NewSize(560, box.MinSize().Height+40), box))}
	sh.root.Refresh()
	sh.welcome = &welcomeButtons{demo: demoBtn, create: newBtn, importFile: importBtn, join: joinBtn}
}

// welcomeButtons are kept for tests that press them.
type welcomeButtons struct{ demo, create, importFile, join *widgets.Button }

// loadDemo creates (or finds) the demo network and opens it.
func (sh *Shell) loadDemo() {
	sh.leaveCurrent(func() {
		res, err := demo.Load(sh.ctx, sh.store)
		if err != nil {
			sh.ShowError(err)
			return
		}
		sh.openNetwork(res.Network)
	}, nil)
}
