package roadmapview

import (
	"context"
	"regexp"
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
		slides := func(size fyne.Size) []fyne.CanvasObject {
			var out []fyne.CanvasObject
			pages := roadmapPages(r)
			for i := range pages {
				out = append(out, roadmapSlide(r, pages, i, size))
			}
			return out
		}
		var want []string
		for _, row := range r.Rows {
			for _, c := range row.Cells {
				if len(c) > 0 {
					want = append(want, row.Label, shortTitles(c))
				}
			}
		}
		slidetest.CheckWhole(t, "roadmap-"+name, want, slides)
		month := regexp.MustCompile(`^[A-Z][a-z]{2} \d{4}$`)
		slidetest.OneSize(t, "roadmap-"+name, month.MatchString, slides)
	}
}
