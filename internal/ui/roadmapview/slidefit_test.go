package roadmapview

import (
	"context"
	"regexp"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit/slidetest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
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

// The roadmap's type grows until its fullest slide is full: rows are as
// tall as what they hold, so one entry that wraps does not make every row
// tall and the type small.
func TestTheRoadmapTypeGrowsUntilASlideIsFull(t *testing.T) {
	r := demoRoadmap(t)
	pages := roadmapPages(r)
	size := widgets.SlideSize
	typ := roadmapDeckType(r, pages, size)
	s := typ.size
	var fullest float32
	for _, pg := range pages {
		from, to := halfYear(r, pg.half)
		l, ok := measureRoadmapWith(nil, r, from, to, pg.rows, size, s, typ.share, 1)
		if !ok {
			t.Fatalf("half year %d does not fit at the deck's size %.0f", pg.half+1, s)
		}
		bottom := l.margin + l.headH + l.headRowH
		for i, h := range l.rowHs {
			bottom += h
			content := l.labels[i].Height(true)
			for _, c := range l.cells[i] {
				content = max(content, c.Height(false))
			}
			if air := h - content - 2*(l.gap+l.pad); air > slidefit.LineHeight(l.size, false)+0.5 {
				t.Errorf("half year %d: the row %q is %.0f px taller than what it holds", pg.half+1, pg.rows[i].Label, air)
			}
		}
		fullest = max(fullest, bottom/size.Height)
	}
	t.Logf("%d slides at %.0f px, the fullest %.0f%% full", len(pages), s, 100*fullest)
	if s < slidefit.MaxSize*0.8 && fullest < 0.85 {
		t.Errorf("the roadmap is drawn at %.0f px while its fullest slide is only %.0f%% full", s, 100*fullest)
	}
	if s < slidefit.MinSize+4 {
		t.Errorf("the demo's roadmap is drawn at %.0f px at 1080p: it has room to grow", s)
	}
}

// demoRoadmap is the demo network's roadmap.
func demoRoadmap(t *testing.T) roadmap.Roadmap {
	t.Helper()
	sh := uitest.NewShell(t, true)
	in, err := roadmap.Load(context.Background(), sh.Store(), sh.Network())
	if err != nil {
		t.Fatal(err)
	}
	return roadmap.Build(in)
}
