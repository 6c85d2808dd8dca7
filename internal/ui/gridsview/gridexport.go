package gridsview

import (
	"context"
	"fmt"

	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Export writes the meeting's grids, every partner's (saved rows).
func (v *gridsView) Export() {
	m := v.selectedMeeting()
	if m.ID == "" {
		return
	}
	v.sh.AskExportPath("Export the grids of "+m.Title, widgets.SafeFileName("Learning grids - "+m.Title)+".docx", export.GridFormats(), func(path string) {
		network := v.sh.Network() // read here: the work runs off the UI goroutine
		v.sh.ExportInBackground(path, func(ctx context.Context, progress func(string, float64)) (string, error) {
			sheet, err := export.Grids(ctx, v.sh.Store(), network, m, path, progress)
			return fmt.Sprintf("The grids of %d partners written to %s.", len(sheet.Partners), path), err
		})
	})
}
