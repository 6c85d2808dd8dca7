package matrixview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// At 1280×720 the whole legend is on screen: no state is cut off behind
// the buttons.
func TestTheLegendIsWholeAt1280(t *testing.T) {
	sh := newShell(t)
	v := matrixArea(t, sh)
	sh.Window().Resize(fyne.NewSize(1280, 720))
	test.TempWidgetRenderer(t, v.grid) // lays the window out
	legend, ok := uitest.Find(v.obj, func(s *container.Scroll) bool { return s.Direction == container.ScrollHorizontalOnly })
	if !ok {
		t.Fatal("no legend")
	}
	if need, has := legend.Content.MinSize().Width, legend.Size().Width; has < need {
		t.Fatalf("the legend needs %.0f px and gets %.0f: its end is cut", need, has)
	}
}
