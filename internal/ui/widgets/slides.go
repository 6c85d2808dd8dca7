package widgets

import (
	"image"
	"image/color"
	"image/draw"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"
)

// Slide colours: dark text on white reads best on projectors and prints.
var (
	SlidePaper  = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	SlideInk    = color.NRGBA{0x11, 0x11, 0x11, 0xFF}
	SlideRule   = color.NRGBA{0xC8, 0xC8, 0xC8, 0xFF}
	SlideBand   = color.NRGBA{0xE8, 0xE8, 0xE8, 0xFF}
	SlideDim    = color.NRGBA{0xFF, 0xFF, 0xFF, 0xB0}
	SlideAccent = color.NRGBA{0xD5, 0x5E, 0x00, 0xFF} // vermillion: highlight frame
)

// SlideSize is a 1080p projector.
var SlideSize = fyne.NewSize(1920, 1080)

func Frame() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeColor, r.StrokeWidth = SlideAccent, 5
	return r
}

// RowLabel is left-aligned text cut to fit width, on a fill.
func RowLabel(text string, fill color.Color, width, size float32, bold bool) fyne.CanvasObject {
	t := SlideText(FitText(text, width-16, size), size, bold)
	return container.NewStack(canvas.NewRectangle(fill), container.New(layout.NewCustomPaddedLayout(0, 0, 8, 0), container.NewVBox(layout.NewSpacer(), t, layout.NewSpacer())))
}

// FitText cuts text to about what fits in width at a type size (average
// glyph width is up to 0.6 of the size, bold included, for the theme's sans serif).
func FitText(text string, width, size float32) string {
	return Truncate(text, max(int(width/(size*0.6)), 4))
}

// WrapText breaks text into at most maxLines lines that fit width at
// size (the last one shortened with an ellipsis when text is longer).
func WrapText(text string, width, size float32, maxLines int) []string {
	perLine := max(int(width/(size*0.6)), 4)
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= perLine:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	lines = append(lines, line)
	if len(lines) > maxLines {
		lines = append(lines[:maxLines-1], Truncate(strings.Join(lines[maxLines-1:], " "), perLine))
	}
	for i, l := range lines {
		lines[i] = Truncate(l, perLine)
	}
	return lines
}

// CellBox is a filled box with a main text and optional small lines.
func CellBox(main, small string, ink, fill color.Color, size float32, bold bool) fyne.CanvasObject {
	bg := canvas.NewRectangle(fill)
	t := canvas.NewText(main, ink)
	t.TextSize, t.TextStyle.Bold = size, bold
	t.Alignment = fyne.TextAlignCenter
	content := container.NewVBox(t)
	for _, line := range SplitLines(small) {
		st := canvas.NewText(line, ink)
		st.TextSize = max(size*0.5, 13)
		st.Alignment = fyne.TextAlignCenter
		content.Add(st)
	}
	return container.NewStack(bg, container.NewCenter(content))
}

func SplitLines(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func SlideText(s string, size float32, bold bool) *canvas.Text {
	t := canvas.NewText(s, SlideInk)
	t.TextSize, t.TextStyle.Bold = size, bold
	return t
}

// RenderSlides draws the slides of a view (pages of it in order; keep
// says which) as 1920×1080 pictures, one each.
func RenderSlides[P any](pages []P, keep func(P) bool, draw func(P) fyne.CanvasObject) []image.Image {
	var imgs []image.Image
	for _, p := range pages {
		if keep(p) {
			imgs = append(imgs, RenderSlide(func() fyne.CanvasObject { return draw(p) }))
		}
	}
	return imgs
}

// RenderSlide draws a slide at 1920×1080 off screen, with Fyne's software
// driver when there is no window (the command line).
func RenderSlide(build func() fyne.CanvasObject) image.Image {
	if fyne.CurrentApp() == nil {
		test.NewApp()
	}
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetContent(build())
	c.Resize(SlideSize)
	return c.Capture()
}

func Paper() fyne.CanvasObject { return canvas.NewRectangle(SlidePaper) }

// StackImages puts slides one under the other in one image (an export of
// a view that needs several slides); one slide comes back as it is.
func StackImages(imgs []image.Image) image.Image {
	if len(imgs) == 1 {
		return imgs[0]
	}
	w, h := 0, 0
	for _, img := range imgs {
		w, h = max(w, img.Bounds().Dx()), h+img.Bounds().Dy()
	}
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	y := 0
	for _, img := range imgs {
		b := img.Bounds()
		draw.Draw(out, image.Rect(0, y, b.Dx(), y+b.Dy()), img, b.Min, draw.Src)
		y += b.Dy()
	}
	return out
}
