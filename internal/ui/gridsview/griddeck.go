package gridsview

import (
	"image"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// RenderGridSlides draws one partner's grid of the sheet (an index into its
// partners) as the presenter shows it: as many 1920×1080 slides as its rows
// need to read whole.
func RenderGridSlides(sheet grids.Sheet, index int) []image.Image {
	return widgets.RenderSlides(gridPages(sheet), func(gp gridPage) bool { return gp.partner == index },
		func(gp gridPage) fyne.CanvasObject { return gridSlide(sheet, gp, widgets.SlideSize) })
}
