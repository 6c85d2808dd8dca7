package palette

import (
	"image/color"
	"testing"
)

// A five-point scale runs from vermillion through grey to blue, its
// middle value grey, the colours between mixed.
func TestScaleColourRunsLowMiddleHigh(t *testing.T) {
	for _, c := range []struct {
		i, n int
		want color.NRGBA
	}{
		{0, 5, ScaleLow}, {2, 5, ScaleMiddle}, {4, 5, ScaleHigh}, {0, 1, ScaleHigh},
		{1, 5, color.NRGBA{0xCE, 0x93, 0x64, 0xff}}, {3, 5, color.NRGBA{0x64, 0x9D, 0xBD, 0xff}},
	} {
		if got := ScaleColour(c.i, c.n); got != c.want {
			t.Errorf("ScaleColour(%d, %d) = %v; want %v", c.i, c.n, got, c.want)
		}
	}
}
