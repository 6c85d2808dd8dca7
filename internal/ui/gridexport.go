package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
	"github.com/aoce-desktop/aoce-desktop/internal/grids"
)

// GridFormats are the file types a meeting's grids export to.
var GridFormats = []string{".xlsx", ".docx", ".pdf"}

// ExportGrids writes a meeting's grids to path in the format its
// extension names (the command line and the window both use it).
func ExportGrids(sh grids.Sheet, path string) error {
	var write func(io.Writer) error
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".xlsx":
		write = sh.WriteXLSX
	case ".docx":
		write = sh.WriteDOCX
	case ".pdf":
		write = func(w io.Writer) error { return sh.WritePDF(w, pdfFonts()) }
	default:
		return fmt.Errorf("cannot export grids as %q: use one of %s", ext, strings.Join(GridFormats, ", "))
	}
	return atomicfile.Write(path, write)
}

// exportDialog writes the meeting's grids, every partner's (saved rows).
func (v *gridsView) exportDialog() {
	m := v.selectedMeeting()
	if m.ID == "" {
		return
	}
	v.sh.askSavePath("Export the grids of "+m.Title+" (.xlsx, .docx or .pdf)", safeFileName("Learning grids - "+m.Title)+".docx", func(path string) {
		sheet, err := grids.Load(v.sh.ctx, v.sh.store, v.sh.network, m)
		if err == nil {
			err = ExportGrids(sheet, path)
		}
		if err != nil {
			v.sh.showError(err)
			return
		}
		showMessage(v.sh.win, "Grids exported", fmt.Sprintf("The grids of %d partners written to %s.", len(sheet.Partners), path))
	})
}
