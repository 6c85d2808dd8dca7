package gridsview

import (
	"context"
	"fmt"
	"io"

	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// ExportGrids writes a meeting's grids to path in the format its
// extension names: .xlsx, .docx or .pdf (the command line and the window
// both use it).
func ExportGrids(sh grids.Sheet, path string) error {
	return widgets.ExportTo(path, "grids", []widgets.FileFormat{
		{Ext: ".xlsx", Write: sh.WriteXLSX},
		{Ext: ".docx", Write: sh.WriteDOCX},
		{Ext: ".pdf", Write: func(w io.Writer) error { return sh.WritePDF(w, widgets.PDFFonts()) }},
	})
}

// Export writes the meeting's grids, every partner's (saved rows).
func (v *gridsView) Export() {
	m := v.selectedMeeting()
	if m.ID == "" {
		return
	}
	v.sh.AskSavePath("Export the grids of "+m.Title+" (.xlsx, .docx or .pdf)", widgets.SafeFileName("Learning grids - "+m.Title)+".docx", func(path string) {
		network := v.sh.Network() // read here: the work runs off the UI goroutine
		v.sh.ExportInBackground(path, func(ctx context.Context, _ func(string, float64)) (string, error) {
			sheet, err := grids.Load(ctx, v.sh.Store(), network, m)
			if err == nil {
				err = ExportGrids(sheet, path)
			}
			return fmt.Sprintf("The grids of %d partners written to %s.", len(sheet.Partners), path), err
		})
	})
}
