package roadmapview

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit/slidetest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// Every roadmap slide reads whole at the three sizes: the demo network's,
// and half a year with 30 partners' urban local group meetings.
func TestRoadmapSlidesReadWhole(t *testing.T) {
	sh := uitest.NewShell(t, true)
	n := slidetest.StressNetwork(t, sh.Store())
	slidetest.StressRoadmap(t, sh.Store(), n)
	for name, network := range map[string]string{"demo": sh.Network().ID, "stress": n.ID} {
		nw, err := sh.Store().Network(context.Background(), network)
		if err != nil {
			t.Fatal(err)
		}
		in, err := roadmap.Load(context.Background(), sh.Store(), nw)
		if err != nil {
			t.Fatal(err)
		}
		r := roadmap.Build(in)
		slidetest.CheckPages(t, "roadmap-"+name, roadmapPages(r), func(pg roadmapPage, size fyne.Size) fyne.CanvasObject {
			return roadmapSlide(r, pg, size)
		})
	}
}
