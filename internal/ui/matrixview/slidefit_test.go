package matrixview

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit/slidetest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// loadSlideSets loads the demo matrix and the stress matrix.
func loadSlideSets(t *testing.T) map[string]*matrix.Matrix {
	t.Helper()
	sets := map[string]*matrix.Matrix{}
	sh := uitest.NewShell(t, true)
	for name, id := range map[string]string{"demo": sh.Network().ID, "stress": slidetest.StressNetwork(t, sh.Store()).ID} {
		m, err := matrix.Load(context.Background(), sh.Store(), id)
		if err != nil {
			t.Fatal(err)
		}
		sets[name] = m
	}
	return sets
}

// Every matrix and peer-learning slide reads whole at the three sizes,
// with the demo network and with the stress set, highlighted or not: no
// text cut, too small or under a frame, and every partner, sub-theme and
// practice of the view on one of its slides or in its legend.
func TestMatrixSlidesReadWhole(t *testing.T) {
	for name, m := range loadSlideSets(t) {
		slidetest.CheckWhole(t, "matrix-all-themes-"+name, matrixNames(m, -1), func(size fyne.Size) []fyne.CanvasObject {
			return slidesOf(m, "Network", -1, size)
		})
		var names []string
		for th := range m.Themes {
			names = append(names, matrixNames(m, th)...)
		}
		slidetest.CheckWhole(t, "matrix-themes-"+name, names, func(size fyne.Size) []fyne.CanvasObject {
			return themeSlides(m, size)
		})
		hl := slideOptions{title: "Network", theme: 0, highlightRow: m.Rows[1].SubTheme.ID, highlightCol: m.Partners[1].ID}
		slidetest.Check(t, "matrix-highlight-"+name, func(size fyne.Size) []fyne.CanvasObject { return matrixSlides(m, hl, size)[:1] })
		slidetest.Check(t, "peers-"+name, func(size fyne.Size) []fyne.CanvasObject {
			return peerSlidesOf(m, "Network", size)
		})
		slidetest.OneSize(t, "peers-"+name, func(s string) bool {
			return strings.HasPrefix(s, "Pairs for a study visit") || strings.HasPrefix(s, "Sub-theme by sub-theme")
		}, func(size fyne.Size) []fyne.CanvasObject {
			return peerSlidesOf(m, "Network", size)
		})
	}
}

// matrixNames are what a view of the matrix (one theme, or -1 for all)
// has to show: every partner, sub-theme and practice in it.
func matrixNames(m *matrix.Matrix, theme int) []string {
	var out []string
	for _, p := range m.Partners {
		out = append(out, p.Name)
	}
	for _, dr := range slideRows(m, theme) {
		if dr.row == nil {
			continue
		}
		st := dr.row.SubTheme
		out = append(out, widgets.NumberedTitle(st.Number, st.Title))
		for _, p := range m.Partners {
			for _, gp := range m.Cell(p.ID, st.ID).Practices {
				out = append(out, gp.Title)
			}
		}
		for _, gp := range m.Outside(st.ID) {
			out = append(out, gp.Title)
		}
	}
	return out
}

// The theme-by-theme slides are one deck: at one resolution every theme
// is drawn at the same type size (its sub-themes' labels tell it); the
// type grows until the fullest slide is full, and no row is stretched
// beyond its content on the others.
func TestMatrixThemeSlidesShareOneSize(t *testing.T) {
	m := loadSlideSets(t)["demo"]
	label := regexp.MustCompile(`^\d+\.\d+ `)
	for _, size := range slidetest.Sizes {
		sizes := map[float32][]string{}
		var fullest float32
		for th, slides := range themeSlidesEach(m, size) {
			for i, s := range slides {
				s.Resize(size)
				fullest = max(fullest, lowest(s)/(size.Height-legendTop(s)))
				if air := mostAirInARow(s); air > 2*slidefit.LineHeight(26*slidefit.Scale(size), false) {
					t.Errorf("at %v theme %d slide %d has a row %.0f px taller than its content: rows are stretched", size, th+1, i+1, air)
				}
				for _, txt := range slidefit.Drawn(s) {
					if label.MatchString(txt.Text) {
						sizes[txt.TextSize] = append(sizes[txt.TextSize], txt.Text)
					}
				}
			}
		}
		if fullest < 0.85 {
			t.Errorf("at %v the fullest theme slide uses %.0f%% of the slide's height: the type could grow", size, 100*fullest)
		}
		if len(sizes) != 1 {
			t.Errorf("at %v the themes' sub-themes are drawn at %d sizes: %v", size, len(sizes), sizes)
		}
		for s := range sizes {
			if k := slidefit.Scale(size); s < 26*k {
				t.Errorf("at %v the demo's few sub-themes a theme are drawn at %.1f px (%.1f at 1080p): the slides have room to grow", size, s, s/k)
			}
		}
	}
}

// lowest is the bottom of a slide's grid: its lowest rule.
func lowest(slide fyne.CanvasObject) float32 {
	var y float32
	for _, o := range slide.(*fyne.Container).Objects {
		if _, ok := o.(*canvas.Line); ok {
			y = max(y, o.Position().Y)
		}
	}
	return y
}

// mostAirInARow is the most height a row of the grid (between two of its
// rules) has below the lowest text drawn in it.
func mostAirInARow(slide fyne.CanvasObject) float32 {
	var rules []float32
	for _, o := range slide.(*fyne.Container).Objects {
		if _, ok := o.(*canvas.Line); ok {
			rules = append(rules, o.Position().Y)
		}
	}
	slices.Sort(rules)
	texts := slidefit.DrawnAt(slide)
	var most float32
	for i := 1; i < len(rules); i++ {
		top, bottom := rules[i-1], rules[i]
		lowestText := top
		for _, tx := range texts {
			if mid := tx.At.Y + tx.Size().Height/2; mid > top && mid < bottom {
				lowestText = max(lowestText, tx.At.Y+tx.Size().Height)
			}
		}
		most = max(most, bottom-lowestText)
	}
	return most
}

// legendTop is the height the legend below the grid takes (0 when none):
// the last thing drawn when there is one.
func legendTop(slide fyne.CanvasObject) float32 {
	objs := slide.(*fyne.Container).Objects
	last := objs[len(objs)-1]
	if _, ok := last.(*canvas.Line); ok {
		return 0
	}
	return slide.Size().Height - last.Position().Y
}

// themeSlides are the theme-by-theme deck's slides, theme after theme.
func themeSlides(m *matrix.Matrix, size fyne.Size) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, slides := range themeSlidesEach(m, size) {
		out = append(out, slides...)
	}
	return out
}

// themeSlidesEach are each theme's slides, fitted as one deck.
func themeSlidesEach(m *matrix.Matrix, size fyne.Size) [][]fyne.CanvasObject {
	var out [][]fyne.CanvasObject
	for th, v := range fitDeckViews(m, 0, size) {
		var slides []fyne.CanvasObject
		for i := range v.pages {
			slides = append(slides, v.draw(slideOptions{title: "Network", theme: th, page: i}, size))
		}
		out = append(out, slides)
	}
	return out
}

func slidesOf(m *matrix.Matrix, title string, theme int, size fyne.Size) []fyne.CanvasObject {
	return matrixSlides(m, slideOptions{title: title, theme: theme}, size)
}

func peerSlidesOf(m *matrix.Matrix, title string, size fyne.Size) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for i := range peerSlideCount(m, size) {
		out = append(out, peersSlide(m, title, size, i))
	}
	return out
}
