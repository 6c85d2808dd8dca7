package roadmapview

import (
	"slices"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// balancedCuts takes the fewest slides and then the split whose fullest
// slide is least full: six short rows and four tall ones in a slide of 10
// go 7 and 3 (9 and 9), not 5 and 5 (which does not fit) nor 8 and 2.
func TestBalancedCutsShareOutTheRows(t *testing.T) {
	heights := []float64{1, 1, 1, 1, 1, 1, 3, 3, 3, 3}
	rows := make([]roadmap.Row, len(heights))
	at := func(sub []roadmap.Row) int { // where sub starts in rows
		for i := range rows {
			if &rows[i] == &sub[0] {
				return i
			}
		}
		return -1
	}
	fullness := func(sub []roadmap.Row) (float64, bool) {
		sum := 0.0
		for i := range sub {
			sum += heights[at(sub)+i]
		}
		return sum / 10, sum <= 10
	}
	if got := balancedCuts(rows, fullness); !slices.Equal(got, []int{0, 7, 10}) {
		t.Errorf("cuts %v, want [0 7 10]", got)
	}
	heights = []float64{20, 1, 1}
	if got := balancedCuts(rows[:3], fullness); !slices.Equal(got, []int{0, 1, 3}) {
		t.Errorf("a row too tall for any slide: cuts %v, want it alone, [0 1 3]", got)
	}
}

// Every short form a roadmap slide shows (CNM 3, AiA 1, "sent to the LP
// and LE") is explained on that slide.
func TestRoadmapSlidesExplainTheirShortForms(t *testing.T) {
	r := demoRoadmap(t)
	pages := roadmapPages(r)
	explained := 0
	for i := range pages {
		texts := slidefit.Texts(roadmapSlide(r, pages, i, widgets.SlideSize))
		words := map[string]bool{}
		for _, text := range texts {
			for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' || r == ';' }) {
				words[w] = true
			}
		}
		all := strings.Join(texts, " ")
		for _, g := range glossary {
			shown, told := words[g[0]], strings.Contains(all, g[0]+" "+g[1])
			if shown && !told {
				t.Errorf("slide %d shows %q without saying it is %q:\n%s", i+1, g[0], g[1], all)
			}
			if told {
				explained++
			}
		}
	}
	if explained < 5 {
		t.Errorf("the demo's roadmap slides explain %d short forms: CNM, OA, ULG, AiA, LP and LE are on them", explained)
	}
}
