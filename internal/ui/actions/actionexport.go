package actions

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Choices of what to export.
const (
	exportThisPartner = "This partner's action table"
	exportAllPartners = "Every partner's action table, one after the other"
)

// Export asks whose action tables to export, then where (saved actions:
// the form being typed is not in the file).
func (v *actionsView) Export() {
	which := widget.NewRadioGroup([]string{exportThisPartner, exportAllPartners}, nil)
	which.SetSelected(exportThisPartner)
	chosen := func(ok bool) {
		if ok {
			v.exportDialog(which.Selected == exportAllPartners)
		}
	}
	v.sh.Ask(shell.Question{Title: "Export action tables", Content: which, Confirm: "Choose the file…", OnAnswer: chosen})
}

// exportDialog writes the action tables of the chosen partner, or of every
// partner when all is set.
func (v *actionsView) exportDialog(all bool) {
	partnerID, name := v.partnerID(), v.partner.Selected
	if all {
		partnerID, name = "", "all partners"
	}
	v.sh.AskExportPath("Export the action tables of "+name, widgets.SafeFileName("Action tables - "+name)+".docx", export.ActionTableFormats(), func(path string) {
		network := v.sh.Network() // read here: the work runs off the UI goroutine
		v.sh.ExportInBackground(path, func(ctx context.Context, progress func(string, float64)) (string, error) {
			t, err := export.ActionTables(ctx, v.sh.Store(), network, partnerID, path, progress)
			return fmt.Sprintf("The action tables (%s) written to %s.", lang.N("{{.Count}} partners", len(t.Partners), map[string]any{"Count": len(t.Partners)}), path), err
		})
	})
}
