package livesession

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// The presenter is drawn on a sheet of 1920×1080 units, scaled to the
// window: every object is placed where the layout below computed, so
// nothing is left to a container that could push text over the join code.
type sheet struct {
	box   *fyne.Container // without layout: objects at absolute places
	scale float32
	dx    float32 // the sheet's offset in the window (letterboxing)
	dy    float32
}

func newSheet(size fyne.Size) *sheet {
	scale := min(size.Width/1920, size.Height/1080)
	return &sheet{box: fyne.NewContainerWithoutLayout(), scale: scale,
		dx: (size.Width - 1920*scale) / 2, dy: (size.Height - 1080*scale) / 2}
}

// place puts o at x, y (units) with width w and height h.
func (s *sheet) place(o fyne.CanvasObject, x, y, w, h float32) {
	o.Move(fyne.NewPos(s.dx+x*s.scale, s.dy+y*s.scale))
	o.Resize(fyne.NewSize(w*s.scale, h*s.scale))
	s.box.Add(o)
}

// rect draws a filled rectangle.
func (s *sheet) rect(x, y, w, h float32, fill color.Color) *canvas.Rectangle {
	r := canvas.NewRectangle(fill)
	s.place(r, x, y, w, h)
	return r
}

// ink is a text's look: size in units, weight, colour and alignment.
type ink struct {
	size  float32
	bold  bool
	color color.Color
	align fyne.TextAlign
	scale float32 // of the sheet drawn on: text is measured at the size it is drawn (0: at its size in units)
}

func (k ink) style() fyne.TextStyle { return fyne.TextStyle{Bold: k.bold} }

// lineHeight is the height of one line of text at k.
func (k ink) lineHeight() float32 { return k.size * 1.25 }

// text draws text wrapped to width w at x, y and returns the height it took.
func (s *sheet) text(text string, x, y, w float32, k ink) float32 {
	k.scale = s.scale
	lines := wrap(text, w, k)
	for i, line := range lines {
		t := canvas.NewText(line, k.color)
		t.TextSize, t.TextStyle, t.Alignment = k.size*s.scale, k.style(), k.align
		s.place(t, x, y+float32(i)*k.lineHeight(), w, k.lineHeight())
	}
	return float32(len(lines)) * k.lineHeight()
}

// width is text's width in units at k.
func width(text string, k ink) float32 {
	if k.scale > 0 { // type does not scale quite linearly (hinting): measure what is drawn
		return fyne.MeasureText(text, k.size*k.scale, k.style()).Width / k.scale
	}
	return fyne.MeasureText(text, k.size, k.style()).Width
}

// wrap breaks text into lines no wider than w at k: at spaces, and a word
// wider than a line at its letters. Nothing is ever cut off.
func wrap(text string, w float32, k ink) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for width(word, k) > w && len([]rune(word)) > 1 { // a word longer than the line
				if line != "" {
					lines, line = append(lines, line), ""
				}
				r := []rune(word)
				n := len(r) - 1
				for n > 1 && width(string(r[:n]), k) > w {
					n--
				}
				lines, word = append(lines, string(r[:n])), string(r[n:])
			}
			switch {
			case line == "":
				line = word
			case width(line+" "+word, k) <= w:
				line += " " + word
			default:
				lines, line = append(lines, line), word
			}
		}
		if line != "" || len(lines) == 0 {
			lines = append(lines, line)
		}
	}
	return lines
}

// height is the height text takes wrapped to w at k on this sheet (measured
// as drawn, so that what is laid out with it is what is drawn).
func (s *sheet) height(text string, w float32, k ink) float32 {
	k.scale = s.scale
	return textHeight(text, w, k)
}

// textHeight is the height text takes wrapped to w at k.
func textHeight(text string, w float32, k ink) float32 {
	return float32(len(wrap(text, w, k))) * k.lineHeight()
}

// fitSize is the largest type size from big down to small (in steps of a
// tenth) at which need fits into room; small when none does.
func fitSize(big, small, room float32, need func(size float32) float32) float32 {
	for size := big; size > small; size *= 0.9 {
		if need(size) <= room {
			return size
		}
	}
	return small
}
