package matrixview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
)

// In the editing matrix no practice name runs out of its cell into the
// next one (issue 15: "Citizens' AssemblLocal Action Grou.").
func TestEditingMatrixCellsKeepTheirText(t *testing.T) {
	sh := newShell(t)
	v := matrixArea(t, sh)
	names := 0
	for r := range v.rows {
		for c := 0; c < v.columns(); c++ {
			cell := newMatrixCell()
			v.updateCell(widget.TableCellID{Row: r, Col: c}, cell)
			cell.Resize(fyne.NewSize(matrixCellWidth, matrixCellHeight))
			for _, p := range slidefit.Problems(cell) {
				if !strings.Contains(p, "ellipsis") { // the editor may shorten: the detail line shows the whole name
					t.Errorf("row %d column %d: %s", r, c, p)
				}
			}
			names += len(slidefit.Texts(cell))
		}
	}
	if names == 0 {
		t.Fatal("no cell text was read")
	}
}
