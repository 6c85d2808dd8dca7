package matrixview

import (
	"testing"

	"fyne.io/fyne/v2"
)

// A practice has one number in the whole matrix: the all-themes view's
// slides and every theme's view give it the same one (they restarted at 1
// on each slide, so "5" named two practices in one deck).
func TestAPracticeHasOneNumberOnEverySlide(t *testing.T) {
	for name, m := range loadSlideSets(t) {
		slide := fyne.NewSize(1366, 768)
		number := map[string]int{}
		slides := 0
		for _, theme := range append([]int{-1}, func() (ths []int) {
			for i := range m.Themes {
				ths = append(ths, i)
			}
			return
		}()...) {
			v := fitView(m, theme, slide)
			for _, page := range v.pages {
				refs, order := practiceRefs(page)
				slides++
				for i, gp := range order {
					if i > 0 && refs[gp.ID] <= refs[order[i-1].ID] {
						t.Errorf("%s: the legend is not in the order of the numbers", name)
					}
					if n, seen := number[gp.ID]; seen && n != refs[gp.ID] {
						t.Errorf("%s: %q is %d on one slide and %d on another", name, gp.Title, n, refs[gp.ID])
					}
					number[gp.ID] = refs[gp.ID]
				}
			}
		}
		used := map[int]string{}
		for id, n := range number {
			if other, ok := used[n]; ok {
				t.Errorf("%s: %d names two practices (%s, %s)", name, n, other, id)
			}
			used[n] = id
		}
		if slides < 3 || len(number) < 10 {
			t.Fatalf("%s: %d slides, %d practices numbered: the test saw too little", name, slides, len(number))
		}
	}
}
