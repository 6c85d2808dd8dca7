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
// every text that is cut, runs out of its cell, overlaps another or a
// frame (see slidefit.Problems), or is smaller than slidefit.Floor at the
// slide's scale. slides returns the view's slides for a size.
func Check(t *testing.T, name string, slides func(size fyne.Size) []fyne.CanvasObject) {
	t.Helper()
	CheckWhole(t, name, nil, slides)
}

// CheckWhole is Check that also fails when one of the names in want (the
// data the view shows: every sub-theme, partner, practice…) is on none of
// the slides, in the grid or in a legend: content is never dropped.
func CheckWhole(t *testing.T, name string, want []string, slides func(size fyne.Size) []fyne.CanvasObject) {
	t.Helper()
	for si, size := range Sizes {
		objs := slides(size)
		if len(objs) == 0 {
			t.Errorf("%s at %v: no slide", name, size)
		}
		var read []string
		for i, o := range objs {
			o.Resize(size)
			problems := append(slidefit.Problems(o), slidefit.Small(o, slidefit.Floor*slidefit.Scale(size))...)
			read = append(read, joined(slidefit.Texts(o)))
			for j, p := range problems {
				if j == 8 {
					t.Errorf("%s %d/%d at %.0f×%.0f: … and %d more", name, i+1, len(objs), size.Width, size.Height, len(problems)-j)
					break
				}
				t.Errorf("%s %d/%d at %.0f×%.0f: %s", name, i+1, len(objs), size.Width, size.Height, p)
			}
			if dir := os.Getenv(ShotsEnv); dir != "" && si < 2 && i < 4 {
				save(t, filepath.Join(dir, shotName(name, size, i)), o, size)
			}
		}
		for _, w := range missing(want, read) {
			t.Errorf("%s at %.0f×%.0f: %q is on none of its %d slides", name, size.Width, size.Height, w, len(objs))
		}
	}
}

// joined is a slide's text as one line: a name wrapped over lines reads
// as it is written.
func joined(texts []string) string {
	return strings.Join(strings.Fields(strings.Join(texts, " ")), " ")
}

// missing are the names of want that no slide's text holds.
func missing(want, slides []string) []string {
	var out []string
	for _, w := range want {
		w = joined([]string{w})
		found := false
		for _, s := range slides {
			if found = strings.Contains(s, w); found {
				break
			}
		}
		if !found {
			out = append(out, w)
		}
	}
	return out
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

// OneSize fails the test when the texts that pick chooses (one kind of
// label: a list's heading, a month) are not drawn at one size over all the
// slides of a deck at each size: the type does not jump from slide to slide.
func OneSize(t *testing.T, name string, pick func(text string) bool, slides func(size fyne.Size) []fyne.CanvasObject) {
	t.Helper()
	for _, size := range Sizes {
		seen := map[float32]string{}
		for _, o := range slides(size) {
			o.Resize(size)
			for _, txt := range slidefit.Drawn(o) {
				if pick(txt.Text) {
					seen[txt.TextSize] = txt.Text
				}
			}
		}
		if len(seen) != 1 {
			t.Errorf("%s at %.0f×%.0f: the same label is drawn at %d sizes over the deck: %v", name, size.Width, size.Height, len(seen), seen)
		}
	}
}
