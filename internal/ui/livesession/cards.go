package livesession

import (
	"image/color"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

var cardFill = color.NRGBA{0xF2, 0xF6, 0xFA, 0xff}

// card is one box of text on the slide: an open answer or a Q&A question,
// with an optional line above it (votes, "answered").
type card struct {
	text, meta string
	faded      bool // answered: drawn lighter
}

// cardInk is the type of a card's text.
var cardInk = ink{size: 30, color: widgets.SlideInk}

// pageCards splits cards into pages that fit a in columns (newest first,
// as given), each card as tall as its whole text needs.
func pageCards(s *sheet, cards []card, a area, columns int) [][]placedCard {
	gap := float32(24)
	colW := (a.w - gap*float32(columns-1)) / float32(columns)
	var pages [][]placedCard
	var page []placedCard
	heights := make([]float32, columns)
	for _, c := range cards {
		h := cardHeight(s, c, colW)
		col := shortest(heights)
		if heights[col]+h > a.h && len(page) > 0 { // this page is full
			pages, page = append(pages, page), nil
			heights = make([]float32, columns)
			col = 0
		}
		page = append(page, placedCard{card: c, x: a.x + float32(col)*(colW+gap), y: a.y + heights[col], w: colW, h: h})
		heights[col] += h + gap
	}
	if len(page) > 0 {
		pages = append(pages, page)
	}
	return pages
}

type placedCard struct {
	card
	x, y, w, h float32
}

const cardPad = 20

func cardHeight(s *sheet, c card, w float32) float32 {
	h := s.height(c.text, w-2*cardPad, cardInk) + 2*cardPad
	if c.meta != "" {
		h += cardInk.size * 0.8 * 1.25
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
func drawCards(s *sheet, page []placedCard) {
	for _, c := range page {
		r := s.rect(c.x, c.y, c.w, c.h, cardFill)
		r.CornerRadius = 12 * s.scale
		y := c.y + cardPad
		text := cardInk
		if c.faded {
			text.color = dim
		}
		if c.meta != "" {
			y += s.text(c.meta, c.x+cardPad, y, c.w-2*cardPad, ink{size: cardInk.size * 0.8, bold: true, color: widgets.SlideBar})
		}
		s.text(c.text, c.x+cardPad, y, c.w-2*cardPad, text)
	}
}
