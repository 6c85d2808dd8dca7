package slidesheet

import (
	"image/color"
	"math"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// InkOn is the colour of text drawn on fill: the slide's dark ink or its
// white paper, whichever contrasts more (WCAG's contrast ratio), so a
// figure on a light grey segment is dark and on a blue one white.
func InkOn(fill color.Color) color.Color {
	dark, light := widgets.SlideInk, widgets.SlidePaper
	if contrast(fill, dark) >= contrast(fill, light) {
		return dark
	}
	return light
}

// contrast is WCAG's contrast ratio of two colours (1 to 21).
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// luminance is a colour's relative luminance (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
