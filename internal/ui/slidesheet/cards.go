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

// CardInk is the type of a Card's text at its largest.
var CardInk = Ink{Size: 30, Color: widgets.SlideInk}

// cardGap is the space between two cards, as a share of their type size.
const cardGap = 0.8

// PageCards splits cards into pages that fit a in columns (newest first,
// as given, down each column), each Card as tall as its whole text needs
// at CardInk's size.
func PageCards(s *Sheet, cards []Card, a Area, columns int) [][]PlacedCard {
	return placeCards(s, cards, FlowBlocks(len(cards), a, []float32{CardInk.Size}, []int{columns}, cardGap, cardNeed(s, cards)))
}

// FitCards lays cards out in a at the largest type (down to the Floor) at
// which all fit in one column, else two; below it, over pages.
func FitCards(s *Sheet, cards []Card, a Area) [][]PlacedCard {
	return placeCards(s, cards, FlowBlocks(len(cards), a, Sizes(CardInk.Size), []int{1, 2}, cardGap, cardNeed(s, cards)))
}

// CardsPage is page of cards as PageCards splits them on a slide of the
// reference size (ref: the area there), laid out on s in a: a presenter
// decides its slides once, at 1920×1080, and draws them at the window's
// size, where type measures a little differently (hinting). The cards of
// the page are all drawn, at CardInk's size or, when they would not fit on
// s, at the largest smaller one at which they do: a card is never left out
// of the slide it was counted on.
func CardsPage(s *Sheet, cards []Card, ref, a Area, columns, page int) []PlacedCard {
	pages := PageCards(NewSheet(widgets.SlideSize), cards, ref, columns)
	page = min(page, len(pages)-1)
	if page < 0 {
		return nil
	}
	var mine []Card
	for _, c := range pages[page] {
		mine = append(mine, c.Card)
	}
	var sizes []float32
	for size := CardInk.Size; size > Floor/2; size *= 0.95 {
		sizes = append(sizes, size)
	}
	f := FlowBlocks(len(mine), a, sizes, []int{columns}, cardGap, cardNeed(s, mine))
	var out []PlacedCard
	for _, p := range placeCards(s, mine, f) {
		out = append(out, p...) // at the smallest size still over pages: drawn all the same, none dropped
	}
	return out
}

func cardNeed(s *Sheet, cards []Card) func(i int, size, w float32) float32 {
	return func(i int, size, w float32) float32 { return cardHeight(s, cards[i], w, size) }
}

func placeCards(s *Sheet, cards []Card, f Flow) [][]PlacedCard {
	var pages [][]PlacedCard
	for _, page := range f.Pages {
		if len(page) == 0 {
			continue
		}
		var out []PlacedCard
		for _, p := range page {
			out = append(out, PlacedCard{Card: cards[p.Index], x: p.X, y: p.Y, w: p.W, h: p.H, size: f.Size})
		}
		pages = append(pages, out)
	}
	return pages
}

type PlacedCard struct {
	Card
	x, y, w, h float32
	size       float32 // of its text
}

const cardPad = 20

func cardInks(size float32) (text, meta Ink) {
	text, meta = CardInk, Ink{Size: AtLeastFloor(size * 0.8), Bold: true, Color: widgets.SlideBar}
	text.Size = size
	return text, meta
}

func cardHeight(s *Sheet, c Card, w, size float32) float32 {
	text, meta := cardInks(size)
	h := s.Height(c.Text, w-2*cardPad, text) + 2*cardPad
	if c.Meta != "" {
		h += s.Height(c.Meta, w-2*cardPad, meta)
	}
	return h
}

// DrawCards draws one page of cards.
func DrawCards(s *Sheet, page []PlacedCard) {
	for _, c := range page {
		r := s.Rect(c.x, c.y, c.w, c.h, cardFill)
		r.CornerRadius = 12 * s.Scale
		y := c.y + cardPad
		text, meta := cardInks(c.size)
		if c.Faded {
			text.Color = Dim
		}
		if c.Meta != "" {
			y += s.Text(c.Meta, c.x+cardPad, y, c.w-2*cardPad, meta)
		}
		s.Text(c.Text, c.x+cardPad, y, c.w-2*cardPad, text)
	}
}
