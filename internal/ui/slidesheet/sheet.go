package slidesheet

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// The presenter is drawn on a Sheet of 1920×1080 units, scaled to the
// window: every object is placed where the layout below computed, so
// nothing is left to a container that could push text over the join code.
type Sheet struct {
	Box   *fyne.Container // without layout: objects at absolute places
	Scale float32
	DX    float32 // the Sheet's offset in the window (letterboxing)
	DY    float32
}

func NewSheet(size fyne.Size) *Sheet {
	scale := min(size.Width/1920, size.Height/1080)
	return &Sheet{Box: fyne.NewContainerWithoutLayout(), Scale: scale,
		DX: (size.Width - 1920*scale) / 2, DY: (size.Height - 1080*scale) / 2}
}

// place puts o at x, y (units) with width w and height h.
func (s *Sheet) Place(o fyne.CanvasObject, x, y, w, h float32) {
	o.Move(fyne.NewPos(s.DX+x*s.Scale, s.DY+y*s.Scale))
	o.Resize(fyne.NewSize(w*s.Scale, h*s.Scale))
	s.Box.Add(o)
}

// rect draws a filled rectangle.
func (s *Sheet) Rect(x, y, w, h float32, fill color.Color) *canvas.Rectangle {
	r := canvas.NewRectangle(fill)
	s.Place(r, x, y, w, h)
	return r
}

// Area is a rectangle of the sheet, in units.
type Area struct{ X, Y, W, H float32 }

// Ink is a text's look: size in units, weight, colour and alignment.
type Ink struct {
	Size  float32
	Bold  bool
	Color color.Color
	Align fyne.TextAlign
	Scale float32 // of the Sheet drawn on: text is measured at the size it is drawn (0: at its size in units)
}

func (k Ink) Style() fyne.TextStyle { return fyne.TextStyle{Bold: k.Bold} }

// LineHeight is the height of one line of text at k: the box Fyne
// measures for it (about 1.36 times the size, more than it looks), at the
// size it is drawn when k.Scale is set, so that lines never overlap.
func (k Ink) LineHeight() float32 {
	if k.Scale > 0 {
		return fyne.MeasureText("M", k.Size*k.Scale, k.Style()).Height / k.Scale
	}
	return fyne.MeasureText("M", k.Size, k.Style()).Height
}

// Floor is the smallest type of a slide, in units: 18 px on a 1366×768
// screen. Below it a slide's content goes to two columns, then to pages.
const Floor = 18 * 1080 / 768.0

// AtLeastFloor is size, or Floor when smaller (figures and notes drawn
// smaller than the body's type).
func AtLeastFloor(size float32) float32 { return max(size, Floor) }

// text draws text wrapped to width w at x, y and returns the height it took.
func (s *Sheet) Text(text string, x, y, w float32, k Ink) float32 {
	k.Scale = s.Scale
	lines := Wrap(text, w, k)
	for i, line := range lines {
		t := canvas.NewText(line, k.Color)
		t.TextSize, t.TextStyle, t.Alignment = k.Size*s.Scale, k.Style(), k.Align
		s.Place(t, x, y+float32(i)*k.LineHeight(), w, k.LineHeight())
	}
	return float32(len(lines)) * k.LineHeight()
}

// width is text's width in units at k.
func Width(text string, k Ink) float32 {
	if k.Scale > 0 { // type does not scale quite linearly (hinting): measure what is drawn
		return fyne.MeasureText(text, k.Size*k.Scale, k.Style()).Width / k.Scale
	}
	return fyne.MeasureText(text, k.Size, k.Style()).Width
}

// wrap breaks text into lines no wider than w at k: at spaces, and a word
// wider than a line at its letters. Nothing is ever cut off.
func Wrap(text string, w float32, k Ink) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for Width(word, k) > w && len([]rune(word)) > 1 { // a word longer than the line
				if line != "" {
					lines, line = append(lines, line), ""
				}
				r := []rune(word)
				n := len(r) - 1
				for n > 1 && Width(string(r[:n]), k) > w {
					n--
				}
				lines, word = append(lines, string(r[:n])), string(r[n:])
			}
			switch {
			case line == "":
				line = word
			case Width(line+" "+word, k) <= w:
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

// height is the height text takes wrapped to w at k on this Sheet (measured
// as drawn, so that what is laid out with it is what is drawn).
func (s *Sheet) Height(text string, w float32, k Ink) float32 {
	k.Scale = s.Scale
	return TextHeight(text, w, k)
}

// textHeight is the height text takes wrapped to w at k.
func TextHeight(text string, w float32, k Ink) float32 {
	return float32(len(Wrap(text, w, k))) * k.LineHeight()
}

// FitSize is the largest type size from big down to small (in steps of a
// tenth) at which need fits into room; small when none does.
func FitSize(big, small, room float32, need func(size float32) float32) float32 {
	for size := big; size > small; size *= 0.9 {
		if need(size) <= room {
			return size
		}
	}
	return small
}
