package roadmapview

import (
	"fmt"
	"image"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// RenderRoadmapAheadPNG draws the half year of the roadmap that starts in
// the month of from (YYYY-MM-DD) as 1920×1080 slides — as many as its rows
// need to read whole — with subtitle under their title; none when the
// roadmap ends before that month.
func RenderRoadmapAheadPNG(r roadmap.Roadmap, from, subtitle string) []image.Image {
	ahead, ok := r.From(from)
	if !ok {
		return nil
	}
	var half []roadmapPage
	for _, pg := range roadmapPages(ahead) {
		if pg.half == 0 {
			half = append(half, pg)
		}
	}
	t := roadmapDeckType(ahead, half, widgets.SlideSize)
	var out []image.Image
	for _, pg := range half {
		sub := subtitle
		if pg.pages > 1 {
			sub = fmt.Sprintf("%s · %d of %d", subtitle, pg.page+1, pg.pages)
		}
		out = append(out, widgets.RenderSlide(func() fyne.CanvasObject { return roadmapSlideUnder(ahead, pg, sub, widgets.SlideSize, t) }))
	}
	return out
}
