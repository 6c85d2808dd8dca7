package slidesheet

import (
	"image/color"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

var cardFill = color.NRGBA{0xF2, 0xF6, 0xFA, 0xff}

// Card is one box of text on the slide: an open answer or a Q&A question,
// with an optional line above it (votes, "answered").
type Card struct {
	Text, Meta string
	Faded      bool // answered: drawn lighter
}

// CardInk is the type of a Card's text.
var CardInk = Ink{Size: 30, Color: widgets.SlideInk}

// pageCards splits cards into pages that fit a in columns (newest first,
// as given), each Card as tall as its whole text needs.
func PageCards(s *Sheet, cards []Card, a Area, columns int) [][]PlacedCard {
	gap := float32(24)
	colW := (a.W - gap*float32(columns-1)) / float32(columns)
	var pages [][]PlacedCard
	var page []PlacedCard
	heights := make([]float32, columns)
	for _, c := range cards {
		h := cardHeight(s, c, colW)
		col := shortest(heights)
		if heights[col]+h > a.H && len(page) > 0 { // this page is full
			pages, page = append(pages, page), nil
			heights = make([]float32, columns)
			col = 0
		}
		page = append(page, PlacedCard{Card: c, x: a.X + float32(col)*(colW+gap), y: a.Y + heights[col], w: colW, h: h})
		heights[col] += h + gap
	}
	if len(page) > 0 {
		pages = append(pages, page)
	}
	return pages
}

type PlacedCard struct {
	Card
	x, y, w, h float32
}

const cardPad = 20

func cardHeight(s *Sheet, c Card, w float32) float32 {
	h := s.Height(c.Text, w-2*cardPad, CardInk) + 2*cardPad
	if c.Meta != "" {
		h += CardInk.Size * 0.8 * 1.25
	}
	return h
}

func shortest(heights []float32) int {
	best := 0
	for i, h := range heights {
		if h < heights[best] {
			best = i
		}
	}
	return best
}

// drawCards draws one page of cards.
func DrawCards(s *Sheet, page []PlacedCard) {
	for _, c := range page {
		r := s.Rect(c.x, c.y, c.w, c.h, cardFill)
		r.CornerRadius = 12 * s.Scale
		y := c.y + cardPad
		text := CardInk
		if c.Faded {
			text.Color = Dim
		}
		if c.Meta != "" {
			y += s.Text(c.Meta, c.x+cardPad, y, c.w-2*cardPad, Ink{Size: CardInk.Size * 0.8, Bold: true, Color: widgets.SlideBar})
		}
		s.Text(c.Text, c.x+cardPad, y, c.w-2*cardPad, text)
	}
}
