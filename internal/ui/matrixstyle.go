package ui

import (
	"image/color"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
)

// Cell colours from the Okabe–Ito palette, safe for colour-blind viewers,
// chosen so the three states also differ in grey (87, 162, 213 of 255);
// each cell also carries its symbol (GP, GP+KN, KN).
var (
	colourGP     = color.NRGBA{0x00, 0x72, 0xB2, 0xFF} // blue
	colourGPKN   = color.NRGBA{0xE6, 0x9F, 0x00, 0xFF} // orange
	colourKN     = color.NRGBA{0xF0, 0xE4, 0x42, 0xFF} // yellow
	colourEmpty  = color.NRGBA{0x00, 0x00, 0x00, 0x00}
	colourTheme  = color.NRGBA{0x80, 0x80, 0x80, 0x40}
	colourInkOn  = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF} // text on blue
	colourInkOff = color.NRGBA{0x10, 0x10, 0x10, 0xFF} // text on orange and yellow
)

// stateColours returns the fill and the text colour of a cell state; the
// text colour is nil for an empty cell (use the theme's).
func stateColours(state string) (fill color.Color, ink color.Color) {
	switch state {
	case matrix.GoodPractice:
		return colourGP, colourInkOn
	case matrix.GoodPracticeAndKN:
		return colourGPKN, colourInkOff
	case matrix.KnowledgeNeed:
		return colourKN, colourInkOff
	}
	return colourEmpty, nil
}
