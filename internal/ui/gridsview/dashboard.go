package gridsview

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// dashboardColumns head the per-partner dashboard.
var dashboardColumns = []string{"Partner", "Grids filled", "Actions set", "Done", "Open", "Testing actions", "Plan actions", "Learning needs"}

// showDashboard tells, partner by partner, how far each is along the
// chain: grids filled, actions set and done, action tables, needs.
func showDashboard(sh *shell.Shell) {
	progress, err := sh.Store().NetworkProgress(sh.Ctx(), sh.Network().ID)
	if err != nil {
		sh.ShowError(err)
		return
	}
	ps, err := sh.Store().Partners(sh.Ctx(), sh.Network().ID)
	if err != nil {
		sh.ShowError(err)
		return
	}
	names := widgets.PartnerNameMap(ps)
	grid := container.NewGridWithColumns(len(dashboardColumns))
	for _, h := range dashboardColumns {
		grid.Add(widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for _, p := range progress {
		for _, v := range []string{names[p.PartnerID], fmt.Sprint(p.Grids), fmt.Sprint(p.Actions), fmt.Sprint(p.ActionsDone), fmt.Sprint(p.ActionsOpen),
			fmt.Sprint(p.TestingPlan[0]), fmt.Sprint(p.TestingPlan[1]), fmt.Sprintf("%d of %d", p.LearningNeeds, matrix.NeedsTarget)} {
			grid.Add(widget.NewLabel(v))
		}
	}
	d := dialog.NewCustom("Partners along the learning chain", "Close", widgets.VScroll(grid), sh.Window())
	d.Resize(fyne.NewSize(1000, 520))
	d.Show()
	sh.Keys(shell.DialogKeys{Enter: d.Hide})
}
