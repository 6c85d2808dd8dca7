package matrixview

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit/slidetest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
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
// with the demo network and with the stress set.
func TestMatrixSlidesReadWhole(t *testing.T) {
	for name, m := range loadSlideSets(t) {
		slidetest.Check(t, "matrix-all-themes-"+name, func(size fyne.Size) []fyne.CanvasObject {
			return slidesOf(m, "Network", -1, size)
		})
		slidetest.Check(t, "matrix-theme-1-"+name, func(size fyne.Size) []fyne.CanvasObject {
			return slidesOf(m, "Network", 0, size)
		})
		slidetest.Check(t, "peers-"+name, func(size fyne.Size) []fyne.CanvasObject {
			return peerSlidesOf(m, "Network", size)
		})
	}
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
