package matrixview

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// exportDialog asks for a file name and a format.
func (v *matrixView) exportDialog() {
	m, title := v.m, v.sh.Network().Name // read here: the work runs off the UI goroutine
	v.sh.AskExportPath("Export the matrix", "matrix.xlsx", export.MatrixFormats(), func(path string) {
		v.sh.ExportInBackground(path, func(ctx context.Context, progress func(string, float64)) (string, error) {
			return "The matrix was written to " + path + ".", export.Matrix(ctx, m, title, path, export.Slides{Matrix: RenderMatrixPNG}, progress)
		})
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
	c := v.sh.Ask(shell.Question{Title: "Replace the matrix?", Content: msg, Confirm: "Replace", OnAnswer: func(ok bool) {
		if ok {
			v.applyImport(plan)
		}
	}})
	c.Resize(fyne.NewSize(520, 260))
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
