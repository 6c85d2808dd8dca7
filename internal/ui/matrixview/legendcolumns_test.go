package matrixview

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit/slidetest"
)

// The legend naming the numbered practices is laid out in columns, each
// entry's number aligned in a column of its own and its name whole beside
// it; a legend taller than its room does not fit (the rows then go on over
// "continued" slides), and its type is the size asked, never smaller
// (issue 15: on the stress slides it was one paragraph in small type).
func TestTheLegendIsInColumns(t *testing.T) {
	test.NewTempApp(t)
	var entries [][2]string
	for i := range 20 {
		entries = append(entries, [2]string{fmt.Sprint(i + 1), slidetest.Words(fmt.Sprintf("Practice %d:", i+1), 60)})
	}
	size := float32(slidefit.MinSize)
	lg, ok := layoutLegend(entries, 1848, 1080/3, size, 24)
	if !ok {
		t.Fatal("20 practices of 60 characters do not fit a third of a 1080p slide in columns")
	}
	columns := map[float32]int{}
	for i, e := range lg.entries {
		if e.name.Size != size || !e.name.Fits {
			t.Errorf("entry %d drawn at %.1f (want %.1f), fits %v", i+1, e.name.Size, size, e.name.Fits)
		}
		if i > 0 && e.x == lg.entries[i-1].x && e.y <= lg.entries[i-1].y {
			t.Errorf("entry %d is not below entry %d in its column", i+1, i)
		}
		columns[e.x]++
	}
	if len(columns) < 3 {
		t.Errorf("the legend has %d columns at 1848 units wide: %v", len(columns), columns)
	}
	if lg.height > 1080/3 {
		t.Errorf("the legend is %.0f tall, more than its room", lg.height)
	}
	if _, ok := layoutLegend(entries, 1848, 120, size, 24); ok {
		t.Error("20 practices fit 120 units of height: the legend would be cut")
	}
}
