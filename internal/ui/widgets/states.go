package widgets

import (
	"image/color"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
)

var (
	ColourEmpty = color.NRGBA{0x00, 0x00, 0x00, 0x00}
	ColourTheme = color.NRGBA{0x80, 0x80, 0x80, 0x40}
)

// StateColours returns the fill and the text colour of a cell state; the
// text colour is nil for an empty cell (use the surrounding ink).
func StateColours(state string) (fill color.Color, ink color.Color) {
	f, i, ok := matrix.Colours(state)
	if !ok {
		return ColourEmpty, nil
	}
	return f, i
}
