package slidetest

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
)

// Sizes are a projector, a laptop on a beamer and a small beamer.
var Sizes = []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1366, Height: 768}, {Width: 1280, Height: 720}}

// ShotsEnv names the folder the checked slides are saved to as PNG (at
// the first two sizes) when set, e.g. docs/screenshots/slides.
const ShotsEnv = "AOCE_SLIDE_SHOTS"

// Check draws the slides a view makes at each size and fails the test for
// every text that is cut, runs out of its cell or overlaps another (see
// slidefit.Problems). slides returns the view's slides for a size.
func Check(t *testing.T, name string, slides func(size fyne.Size) []fyne.CanvasObject) {
	t.Helper()
	for si, size := range Sizes {
		objs := slides(size)
		if len(objs) == 0 {
			t.Errorf("%s at %v: no slide", name, size)
		}
		for i, o := range objs {
			o.Resize(size)
			problems := slidefit.Problems(o)
			for j, p := range problems {
				if j == 8 {
					t.Errorf("%s %d/%d at %.0f×%.0f: … and %d more", name, i+1, len(objs), size.Width, size.Height, len(problems)-j)
					break
				}
				t.Errorf("%s %d/%d at %.0f×%.0f: %s", name, i+1, len(objs), size.Width, size.Height, p)
			}
			if dir := os.Getenv(ShotsEnv); dir != "" && si < 2 && i < 3 {
				save(t, filepath.Join(dir, shotName(name, size, i)), o, size)
			}
		}
	}
}

func shotName(name string, size fyne.Size, i int) string {
	return fmt.Sprintf("%s-%.0fx%.0f-%d.png", strings.ReplaceAll(name, " ", "-"), size.Width, size.Height, i+1)
}

// save draws the slide with the software driver and keeps it as a PNG
// (best compression: slides are mostly white; a fixed palette would turn
// the roadmap's tints grey).
func save(t *testing.T, path string, o fyne.CanvasObject, size fyne.Size) {
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetContent(o)
	c.Resize(size)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, c.Capture()); err != nil {
		t.Fatal(err)
	}
}

// CheckPages is Check for a view whose slides are a list of pages, each
// drawn for a size.
func CheckPages[P any](t *testing.T, name string, pages []P, draw func(P, fyne.Size) fyne.CanvasObject) {
	t.Helper()
	Check(t, name, func(size fyne.Size) []fyne.CanvasObject {
		out := make([]fyne.CanvasObject, len(pages))
		for i, p := range pages {
			out[i] = draw(p, size)
		}
		return out
	})
}
