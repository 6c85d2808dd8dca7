package matrixview

import (
	"image"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// RenderMatrixThemePNG draws one theme of the matrix (an index into its
// themes) as a 1920×1080 slide, as the presenter shows it.
func RenderMatrixThemePNG(m *matrix.Matrix, title string, theme int) image.Image {
	return widgets.RenderSlide(func() fyne.CanvasObject {
		return matrixSlide(m, slideOptions{title: title, theme: theme}, widgets.SlideSize)
	})
}
