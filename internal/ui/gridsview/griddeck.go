package gridsview

import (
	"image"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// RenderGridPNG draws one partner's grid of the sheet (an index into its
// partners) as a 1920×1080 slide, as the presenter shows it.
func RenderGridPNG(sheet grids.Sheet, index int) image.Image {
	return widgets.RenderSlide(func() fyne.CanvasObject { return gridSlide(sheet, index, widgets.SlideSize) })
}
