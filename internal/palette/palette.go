// Package palette holds the colours the window's slides and our documents
// share, so that a scale reads the same on the projector, in the PDF and
// in the PPTX. It imports nothing of the UI: the exports use it too.
package palette

import "image/color"

// A scale's colours: vermillion for the lowest value through grey to blue
// for the highest, readable by the colour-blind (Okabe–Ito's ends).
var (
	ScaleLow    = color.NRGBA{0xD5, 0x5E, 0x00, 0xff}
	ScaleMiddle = color.NRGBA{0xC8, 0xC8, 0xC8, 0xff}
	ScaleHigh   = color.NRGBA{0x00, 0x72, 0xB2, 0xff}
)

// ScaleColour is the colour of value i of n on a scale (0 the lowest):
// ScaleLow, mixed towards ScaleMiddle at the scale's middle, then towards
// ScaleHigh; a scale of one value is ScaleHigh.
func ScaleColour(i, n int) color.NRGBA {
	if n < 2 {
		return ScaleHigh
	}
	t := float64(i) / float64(n-1)
	from, to, f := ScaleLow, ScaleMiddle, t*2
	if t > 0.5 {
		from, to, f = ScaleMiddle, ScaleHigh, (t-0.5)*2
	}
	mix := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*f) }
	return color.NRGBA{mix(from.R, to.R), mix(from.G, to.G), mix(from.B, to.B), 0xff}
}
