package roadmapview

import (
	"image"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// RenderRoadmapAheadPNG draws the half year of the roadmap that starts in
// the month of from (YYYY-MM-DD) as a 1920×1080 slide, with subtitle under
// its title; nil when the roadmap ends before that month.
func RenderRoadmapAheadPNG(r roadmap.Roadmap, from, subtitle string) image.Image {
	ahead, ok := r.From(from)
	if !ok {
		return nil
	}
	return widgets.RenderSlide(func() fyne.CanvasObject { return roadmapSlideUnder(ahead, 0, subtitle, widgets.SlideSize) })
}
