package matrixview

import (
	"context"
	"fmt"
	"image/png"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// MatrixFormats are the file types the matrix exports to.
var MatrixFormats = []string{".csv", ".xlsx", ".pdf", ".png"}

// ExportMatrix writes the matrix to path in the format its extension names
// (MatrixFormats); the command line and the window both use it. The file
// appears whole or not at all.
func ExportMatrix(m *matrix.Matrix, title, path string) error {
	return widgets.ExportTo(path, "the matrix", []widgets.FileFormat{
		{Ext: ".csv", Write: m.WriteCSV},
		{Ext: ".xlsx", Write: func(w io.Writer) error { return m.WriteXLSX(w, title) }},
		{Ext: ".pdf", Write: func(w io.Writer) error { return m.WritePDF(w, title, widgets.PDFFonts()) }},
		{Ext: ".png", Write: func(w io.Writer) error { return png.Encode(w, RenderMatrixPNG(m, title)) }},
	})
}

// exportDialog asks for a file name; its extension picks the format.
func (v *matrixView) exportDialog() {
	v.sh.AskSavePath("Export the matrix (.csv, .xlsx, .pdf or .png)", "matrix.xlsx", func(path string) {
		if err := ExportMatrix(v.m, v.sh.Network().Name, path); err != nil {
			v.sh.ShowError(err)
			return
		}
		v.sh.ShowMessage("Matrix exported", "Written to "+path+".")
	})
}

// importDialog reads a matrix CSV, says what it holds or what is wrong,
// and replaces the matrix only when the user confirms.
func (v *matrixView) importDialog() {
	v.sh.OpenFileBytes([]string{".csv", ".tsv", ".txt"}, v.importBytes)
}

func (v *matrixView) importBytes(path string, b []byte) {
	t, err := tabular.Read(path, b, tabular.Options{})
	if err != nil {
		v.sh.ShowMessage("Cannot import this file", err.Error())
		return
	}
	plan := matrix.PlanImport(t, v.m)
	if len(plan.Problems) > 0 {
		var lines []string
		for i, p := range plan.Problems {
			if i == 20 {
				lines = append(lines, fmt.Sprintf("… and %d more", len(plan.Problems)-20))
				break
			}
			lines = append(lines, p.Error())
		}
		v.sh.ShowMessage("Nothing was imported", strings.Join(lines, "\n"))
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("%s holds %s.\n\nImporting replaces the whole matrix of %s; missing themes, sub-themes and good practices are created.",
		filepath.Base(path), plan.Summary(), v.sh.Network().Name))
	msg.Wrapping = fyne.TextWrapWord
	var c *dialog.ConfirmDialog
	replace := func(ok bool) {
		if ok {
			v.applyImport(plan)
		}
	}
	c = dialog.NewCustomConfirm("Replace the matrix?", "Replace", "Cancel", msg, replace, v.sh.Window())
	c.Resize(fyne.NewSize(520, 260))
	c.Show()
	v.sh.Keys(shell.DialogKeys{Escape: c.Hide, Enter: func() { c.Hide(); replace(true) }})
}

// applyImport replaces the matrix in one transaction behind a progress
// dialog: either the whole file lands or nothing does.
func (v *matrixView) applyImport(plan *matrix.ImportPlan) {
	m := v.m // read only by the import
	v.sh.InBackground(shell.BackgroundJob{
		Title: "Importing the matrix", Cancelled: "The import was cancelled; the matrix is as it was.",
		Loses: "Nothing of the import is stored.",
		Work: func(ctx context.Context, _ func(string, float64)) error {
			return plan.Apply(ctx, v.sh.Store(), m)
		},
		Failed: func(err error) { v.sh.ShowMessage("Nothing was imported", err.Error()) },
		Done: func() {
			v.sh.ReloadAll()
			if v.imported != nil {
				v.imported()
			}
		},
	})
}
