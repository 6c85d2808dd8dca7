package studyview

import (
	"context"
	"io"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/study"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// ExportStudy writes the assembled study to path as .docx, .pdf, .html or
// .md (the command line and the window both use it).
func ExportStudy(d doc.Document, path string) error {
	return widgets.ExportTo(path, "the study", append(widgets.DocumentFormats(d),
		widgets.FileFormat{Ext: ".html", Write: func(w io.Writer) error { return doc.WriteHTML(w, d) }},
		widgets.FileFormat{Ext: ".md", Write: func(w io.Writer) error { return doc.WriteMarkdown(w, d) }}))
}

// Export asks for a file, then assembles and writes the study in the
// background behind a progress dialog; the section being typed is saved
// first, so the file has it.
func (v *studyView) Export() {
	if v.in.Study.ID == "" || !v.editor.Save() {
		return
	}
	v.sh.AskSavePath("Export the study (.docx, .pdf, .html or .md)", widgets.SafeFileName(v.in.Study.Title+" - "+v.sh.Network().Name)+".docx", func(path string) {
		studyID := v.in.Study.ID
		v.sh.ExportInBackground(path, func(ctx context.Context, progress func(string, float64)) (string, error) {
			progress("Reading the study and the network's data…", 0.1)
			in, err := study.Load(ctx, v.sh.Store(), studyID)
			if err != nil {
				return "", err
			}
			progress("Laying out the document…", 0.3)
			d := study.Assemble(in)
			if err := ctx.Err(); err != nil {
				return "", err
			}
			progress("Writing "+path+"…", 0.5)
			return "The study was written to " + path + ".", ExportStudy(d, path)
		})
	})
}
