package matrix

import "image/color"

// Cell colours from the Okabe–Ito palette, safe for colour-blind viewers,
// chosen so that the three states also differ in grey (87, 162, 213 of
// 255); every cell also carries its symbol (GP, GP+KN, KN). The screens,
// slides, XLSX and PDF all use these.
var (
	FillGoodPractice   = color.NRGBA{0x00, 0x72, 0xB2, 0xFF} // blue
	FillGoodPracticeKN = color.NRGBA{0xE6, 0x9F, 0x00, 0xFF} // orange
	FillKnowledgeNeed  = color.NRGBA{0xF0, 0xE4, 0x42, 0xFF} // yellow
	InkOnDark          = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	InkOnLight         = color.NRGBA{0x10, 0x10, 0x10, 0xFF}
)

// Colours returns a state's fill and text colour; ok is false for an empty
// cell, which keeps the background of wherever it is drawn.
func Colours(state string) (fill, ink color.NRGBA, ok bool) {
	switch state {
	case GoodPractice:
		return FillGoodPractice, InkOnDark, true
	case GoodPracticeAndKN:
		return FillGoodPracticeKN, InkOnLight, true
	case KnowledgeNeed:
		return FillKnowledgeNeed, InkOnLight, true
	}
	return color.NRGBA{}, color.NRGBA{}, false
}

// Hex writes a colour as RRGGBB for spreadsheets.
func Hex(c color.NRGBA) string {
	const digits = "0123456789ABCDEF"
	b := []byte{c.R >> 4, c.R & 15, c.G >> 4, c.G & 15, c.B >> 4, c.B & 15}
	for i := range b {
		b[i] = digits[b[i]]
	}
	return string(b)
}
