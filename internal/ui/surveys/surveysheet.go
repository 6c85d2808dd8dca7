package surveys

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidesheet"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// The kinds whose results are not bars are drawn as the live presenter
// draws them (slidesheet): open answers as cards of their whole text,
// scales as distributions with the mean marked, word clouds as clouds.

// drawnOnSheet tells whether q's results are drawn by slidesheet.
func drawnOnSheet(q survey.QuestionResult) bool {
	return len(q.Answers) > 0 || len(q.Statements) > 0 || (q.Kind == data.KindWordCloud && len(q.Words) > 0)
}

// sheetArea is the body box (placed at `at` on a slide of size) in the
// sheet's units.
func sheetArea(s *slidesheet.Sheet, at fyne.Position, box fyne.Size) slidesheet.Area {
	return slidesheet.Area{X: (at.X - s.DX) / s.Scale, Y: (at.Y - s.DY) / s.Scale, W: box.Width / s.Scale, H: box.Height / s.Scale}
}

// answerCards are an open question's answers as cards, newest first; the
// same answer given by several (letter case and spaces aside) is one card
// that says how many gave it, where the newest of them was: four cards of
// one sentence read as a fault on the slide.
func answerCards(q survey.QuestionResult) []slidesheet.Card {
	var cards []slidesheet.Card
	times := []int{}
	at := map[string]int{}
	for _, a := range q.Answers {
		key := strings.ToLower(strings.Join(strings.Fields(a), " "))
		if i, ok := at[key]; ok {
			times[i]++
			continue
		}
		at[key] = len(cards)
		cards = append(cards, slidesheet.Card{Text: a})
		times = append(times, 1)
	}
	for i, n := range times {
		if n > 1 {
			cards[i].Meta = lang.L("the same answer {{.N}} times", map[string]any{"N": n})
		}
	}
	return cards
}

// cardColumns are two when the cards are many, else one.
func cardColumns(cards []slidesheet.Card) int {
	if len(cards) > 3 {
		return 2
	}
	return 1
}

// sheetPages is how many slides q's cards or scale statements take,
// decided at 1920×1080 like the bars (a slide scales, so the same slides
// read at every size).
func sheetPages(q survey.QuestionResult, at fyne.Position, box fyne.Size) int {
	s := slidesheet.NewSheet(widgets.SlideSize)
	switch {
	case len(q.Answers) > 0:
		cards := answerCards(q)
		return max(len(slidesheet.PageCards(s, cards, cardsArea(s, at, box), cardColumns(cards))), 1)
	case len(q.Statements) > 0:
		return slidesheet.ScalePages(s, sheetArea(s, at, box), q)
	}
	return 1
}

// cardsArea is the room of the cards in the body box: above the foot line.
func cardsArea(s *slidesheet.Sheet, at fyne.Position, box fyne.Size) slidesheet.Area {
	a := sheetArea(s, at, box)
	a.H -= footInk.LineHeight() + 8
	return a
}

var footInk = slidesheet.Ink{Size: 24, Color: slidesheet.Dim}

// sheetBody draws page of q's results into box at `at` on a slide of size.
// refAt and refBox are the same box on a slide of 1920×1080, where the
// slides were counted.
func sheetBody(q survey.QuestionResult, page int, at fyne.Position, box, size fyne.Size, refAt fyne.Position, refBox fyne.Size) fyne.CanvasObject {
	s := slidesheet.NewSheet(size)
	a := sheetArea(s, at, box)
	foot := func(text string) { s.Text(text, a.X, a.Y+a.H-footInk.LineHeight(), a.W, footInk) }
	switch {
	case len(q.Answers) > 0:
		// the slides were counted at 1920×1080 (sheetPages): this one draws the cards counted on it
		ref := slidesheet.NewSheet(widgets.SlideSize)
		cards := answerCards(q)
		slidesheet.DrawCards(s, slidesheet.CardsPage(s, cards, cardsArea(ref, refAt, refBox), cardsArea(s, at, box), cardColumns(cards), page))
		line := fmt.Sprintf("%d answers, newest first", len(q.Answers)+q.MoreAnswers)
		if q.MoreAnswers > 0 {
			line += fmt.Sprintf(" · %d more in the report", q.MoreAnswers)
		}
		if q.Hidden > 0 {
			line += " · " + survey.HiddenNote(q)
		}
		foot(line)
	case len(q.Statements) > 0:
		slidesheet.DrawScalesPage(s, a, q, true, page)
	default:
		words, left := slidesheet.LayoutCloud(s, q.Words, slidesheet.Area{X: a.X, Y: a.Y, W: a.W, H: a.H - footInk.LineHeight() - 8})
		slidesheet.DrawCloud(s, words)
		if left > 0 {
			foot(fmt.Sprintf("%d more words did not fit", left))
		}
	}
	s.Box.Resize(size)
	return s.Box
}
