package ui

import (
	"image/color"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
)

var (
	colourEmpty = color.NRGBA{0x00, 0x00, 0x00, 0x00}
	colourTheme = color.NRGBA{0x80, 0x80, 0x80, 0x40}
)

// stateColours returns the fill and the text colour of a cell state; the
// text colour is nil for an empty cell (use the surrounding ink).
func stateColours(state string) (fill color.Color, ink color.Color) {
	f, i, ok := matrix.Colours(state)
	if !ok {
		return colourEmpty, nil
	}
	return f, i
}
