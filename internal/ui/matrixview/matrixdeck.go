package matrixview

import (
	"image"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// RenderMatrixThemeSlides draws one theme of the matrix (an index into its
// themes) as the presenter shows it: as many 1920×1080 slides as it needs
// to read whole.
func RenderMatrixThemeSlides(m *matrix.Matrix, title string, theme int) []image.Image {
	var imgs []image.Image
	for _, slide := range matrixSlides(m, slideOptions{title: title, theme: theme}, widgets.SlideSize) {
		imgs = append(imgs, widgets.RenderSlide(func() fyne.CanvasObject { return slide }))
	}
	return imgs
}
