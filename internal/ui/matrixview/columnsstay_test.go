package matrixview

import (
	"testing"

	"fyne.io/fyne/v2"
)

// The partners' columns stand in one place on every slide of a
// presentation (all the themes over two slides, or theme by theme), so
// stepping through it does not move every column: a reviewer saw Genk's
// column at x≈900 on one slide of all the themes and x≈760 on the next.
func TestThePartnersColumnsStayInPlaceFromSlideToSlide(t *testing.T) {
	for name, m := range loadSlideSets(t) {
		for _, slide := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1366, Height: 768}, {Width: 1280, Height: 720}} {
			for _, theme := range []int{-1, 0} { // all themes; theme by theme (every theme's view is one deck)
				views := fitDeckViews(m, theme, slide)
				first, slides := float32(-1), 0
				for _, v := range views {
					for _, page := range v.pages {
						l, ok := measureMatrixShares(page, v.head.height, slide, v.size, v.rule, v.shares)
						if !ok {
							t.Fatalf("%s %v: a page of view %d does not fit at its deck's size", name, slide, theme)
						}
						slides++
						if first < 0 {
							first = l.headerW
						} else if l.headerW != first {
							t.Errorf("%s %v, view %d: the sub-themes' column is %.0f px wide on one slide, %.0f on another", name, slide, theme, first, l.headerW)
						}
					}
				}
				if theme < 0 && name == "demo" && slide.Width == 1920 && slides < 2 {
					t.Logf("%s %v: all the themes on %d slide", name, slide, slides)
				}
			}
		}
	}
}
