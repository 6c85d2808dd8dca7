package matrixview

import (
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
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// MatrixFormats are the file types the matrix exports to.
var MatrixFormats = []string{".csv", ".xlsx", ".pdf", ".png"}

// ExportMatrix writes the matrix to path in the format its extension names
// (MatrixFormats); the command line and the window both use it. The file
// appears whole or not at all.
func ExportMatrix(m *matrix.Matrix, title, path string) error {
	return widgets.ExportTo(path, "the matrix", []widgets.FileFormat{
		{".csv", m.WriteCSV},
		{".xlsx", func(w io.Writer) error { return m.WriteXLSX(w, title) }},
		{".pdf", func(w io.Writer) error { return m.WritePDF(w, title, widgets.PDFFonts()) }},
		{".png", func(w io.Writer) error { return png.Encode(w, RenderMatrixPNG(m, title)) }},
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
	c := dialog.NewCustomConfirm("Replace the matrix?", "Replace", "Cancel", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := plan.Apply(v.sh.Ctx(), v.sh.Store(), v.m); err != nil {
			v.sh.ShowMessage("Nothing was imported", err.Error())
			return
		}
		v.sh.ReloadAll()
	}, v.sh.Window())
	c.Resize(fyne.NewSize(520, 260))
	c.Show()
}
