package matrixview

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// bigNetwork stores a network of 30 partners and 60 sub-themes (6 themes of
// 10) with every third cell filled, as a large network's matrix would be.
func bigNetwork(b *testing.B) *shell.Shell {
	b.Helper()
	a := test.NewTempApp(b)
	s, err := data.Open(filepath.Join(b.TempDir(), "big.db"), data.Writer)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	err = s.Update(context.Background(), func(tx *data.Tx) error {
		n, err := tx.CreateNetwork(data.Network{Name: "Big"})
		if err != nil {
			return err
		}
		var partners []data.Partner
		for i := range 30 {
			p, err := tx.SavePartner(data.Partner{NetworkID: n.ID, Name: fmt.Sprintf("City %02d", i)})
			if err != nil {
				return err
			}
			partners = append(partners, p)
		}
		k := 0
		for t := range 6 {
			th := data.Theme{NetworkID: n.ID, Position: t, Number: fmt.Sprint(t + 1), Title: fmt.Sprintf("Theme %d", t+1)}
			for st := range 10 {
				th.SubThemes = append(th.SubThemes, data.SubTheme{Position: st, Number: fmt.Sprintf("%d.%d", t+1, st+1), Title: "Sub-theme"})
			}
			th, err := tx.CreateTheme(th)
			if err != nil {
				return err
			}
			for _, st := range th.SubThemes {
				for _, p := range partners {
					k++
					if k%3 == 0 {
						if _, err := tx.SetMatrixCell(data.MatrixCell{PartnerID: p.ID, SubThemeID: st.ID, State: matrix.States[k%3]}); err != nil {
							return err
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	w := a.NewWindow("bench")
	sh := shell.New(a, w, s, []shell.Area{Area()})
	w.SetContent(sh.Content())
	w.Resize(fyne.NewSize(1920, 1080))
	sh.Start("")
	return sh
}

// BenchmarkMatrixCellChange30x60 is what Space costs on a 30-partner ×
// 60-sub-theme matrix: store the new state, update the matrix in memory and
// redraw that one cell.
func BenchmarkMatrixCellChange30x60(b *testing.B) {
	sh := bigNetwork(b)
	v := sh.ViewAt(0).(*matrixView)
	id := widget.TableCellID{Row: 5, Col: 7}
	v.grid.Select(id)
	for b.Loop() {
		v.cycle(id)
	}
}

// BenchmarkMatrixReload30x60 is the baseline: reading the whole matrix again
// and refreshing the whole grid, what a naive screen would do per change.
func BenchmarkMatrixReload30x60(b *testing.B) {
	sh := bigNetwork(b)
	v := sh.ViewAt(0).(*matrixView)
	for b.Loop() {
		v.Reload()
	}
}
