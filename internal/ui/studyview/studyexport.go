package studyview

import (
	"context"

	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Export asks for a file, then assembles and writes the study in the
// background behind a progress dialog; the section being typed is saved
// first, so the file has it.
func (v *studyView) Export() {
	if v.in.Study.ID == "" || !v.editor.Save() {
		return
	}
	v.sh.AskExportPath("Export the study", widgets.SafeFileName(v.in.Study.Title+" - "+v.sh.Network().Name)+".docx", export.StudyFormats(), func(path string) {
		studyID := v.in.Study.ID
		v.sh.ExportInBackground(path, func(ctx context.Context, progress func(string, float64)) (string, error) {
			_, err := export.Study(ctx, v.sh.Store(), studyID, path, progress)
			return "The study was written to " + path + ".", err
		})
	})
}
