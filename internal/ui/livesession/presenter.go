package livesession

import (
	"fmt"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// The presenter's columns on the 1920×1080 sheet: the question and its
// results on the left, how to join on the right; nothing of the left
// column may reach the right one.
var (
	leftColumn = area{x: 80, y: 56, w: 1160, h: 968}
	joinColumn = area{x: 1320, y: 56, w: 520, h: 968}
)

// keysHelp names the keys in words: the slide's font has no arrows.
const keysHelp = "Right: next · Left: back · O: open or close voting · L: lock or reopen · 1, 2, 3: countdown of 30 s, 1 min, 2 min · X: stop it · " +
	"R: results on screen · P: on phones · Q: Q&A · Down, Up: pages · K: controls · C: new code · Esc: end"

// render draws the presenter at size.
func (l *Run) render(size fyne.Size) fyne.CanvasObject {
	s := newSheet(size)
	st := l.se.State()
	l.drawJoin(s)
	a := leftColumn
	y := a.y
	if st.QA {
		y += s.text("Q&A · "+l.now.res.Survey.Title, a.x, y, a.w, ink{size: 26, color: dim})
		y += s.text("Your questions", a.x, y, a.w, ink{size: 56, bold: true, color: widgets.SlideInk}) + 12
	} else {
		q := l.now.res.Questions[st.Question]
		y += s.text(fmt.Sprintf("Question %d of %d · %s", st.Question+1, len(l.now.res.Questions), l.now.res.Survey.Title), a.x, y, a.w, ink{size: 26, color: dim})
		prompt := ink{size: fitSize(56, 30, 3*56*1.25, func(size float32) float32 { return s.height(q.Prompt, a.w, ink{size: size, bold: true}) }), bold: true, color: widgets.SlideInk}
		y += s.text(q.Prompt, a.x, y, a.w, prompt) + 8
		y += l.drawStatus(s, st, q.Respondents, a, y)
	}
	for _, note := range l.notes() {
		y += s.text(note, a.x, y, a.w, ink{size: 24, bold: true, color: low})
	}
	keys := ink{size: 20, color: dim}
	keysH := s.height(keysHelp, a.w, keys)
	s.text(keysHelp, a.x, a.y+a.h-keysH, a.w, keys)
	body := area{x: a.x, y: y + 24, w: a.w, h: a.y + a.h - keysH - 24 - (y + 24)}
	if st.QA {
		l.drawQA(s, body)
	} else {
		l.drawResults(s, st, body)
	}
	return container.NewStack(widgets.Paper(), s.box)
}

// drawStatus writes whether voting is open, the answers so far and the
// countdown, each on a row of its own; it returns the height taken.
func (l *Run) drawStatus(s *sheet, st live.State, answers int, a area, y float32) float32 {
	status := ink{size: 30, bold: true, color: widgets.SlideInk}
	text := fmt.Sprintf("Voting closed · %d answers", answers)
	switch {
	case st.Open:
		text, status.color = fmt.Sprintf("Voting open · %d answers", answers), widgets.SlideBar
	case st.TimeUp:
		text = fmt.Sprintf("Time is up · voting closed · %d answers", answers)
	case st.Locked:
		text = fmt.Sprintf("Locked · %d answers", answers)
	}
	if st.PhoneResults {
		text += " · results on the phones"
	}
	h := s.text(text, a.x, y, a.w, status)
	if left := st.Remaining(time.Now()); !st.Deadline.IsZero() && st.Open {
		secs := int(math.Ceil(left.Seconds()))
		h += s.text(fmt.Sprintf("Voting closes in %d:%02d", secs/60, secs%60), a.x, y+h, a.w, ink{size: 44, bold: true, color: low})
	}
	return h
}

// notes are the problems the presenter must know about, said on the slide.
func (l *Run) notes() []string {
	var out []string
	if l.problem != "" {
		out = append(out, l.problem)
	}
	if err := l.se.SaveError(); err != nil {
		out = append(out, "The controls could not be stored (a restart would not resume them): "+err.Error())
	}
	if js := l.srv.JoinStatus(); js.RanOut { // too many wrong codes: joining paused (live/joinguard.go)
		out = append(out, fmt.Sprintf("%d wrong join codes: someone may be guessing. Joining pauses now and then — C: new code", js.Wrong))
	}
	return out
}

// drawJoin writes how to join: the address, the code and its QR code.
func (l *Run) drawJoin(s *sheet) {
	a := joinColumn
	label := ink{size: 26, color: dim}
	y := a.y
	y += s.text("Join at", a.x, y, a.w, label)
	y += s.text(strings.TrimPrefix(l.srv.URL(), "http://"), a.x, y, a.w, ink{size: 40, bold: true, color: widgets.SlideInk}) + 12
	y += s.text("Code", a.x, y, a.w, label)
	c := l.se.Code()
	y += s.text(c[:3]+" "+c[3:], a.x, y, a.w, ink{size: 96, bold: true, color: widgets.SlideInk}) + 16
	qr := canvas.NewImageFromImage(l.qr)
	qr.FillMode, qr.ScaleMode = canvas.ImageFillContain, canvas.ImageScalePixels
	side := min(a.w, a.y+a.h-y)
	s.place(qr, a.x, y, side, side)
}

// drawResults draws the question's results into a: the options (with 0
// before any vote) also while the results are hidden, so the room can
// read the choices.
func (l *Run) drawResults(s *sheet, st live.State, a area) {
	q := l.now.res.Questions[st.Question]
	def := l.se.Questions[st.Question]
	say := func(text string) { s.text(text, a.x, a.y, a.w, ink{size: 32, color: dim}) }
	switch {
	case len(q.Options) > 0 || len(q.Items) > 0:
		drawBars(s, a, barsOf(q, def), st.ShowResults)
	case len(q.Statements) > 0:
		drawScales(s, a, q, st.ShowResults)
	case !st.ShowResults:
		say("Results hidden — R shows them")
	case def.Kind == data.KindWordCloud:
		words, left := layoutCloud(s, st.Filter.Words(q.Words, l.se.WordLanguages()), area{a.x, a.y, a.w, a.h - 40})
		if len(words) == 0 {
			say("No words yet.")
			return
		}
		drawCloud(s, words)
		if left > 0 {
			s.text(fmt.Sprintf("%d more words did not fit", left), a.x, a.y+a.h-30, a.w, ink{size: 22, color: dim})
		}
	default:
		var cards []card
		for _, c := range l.now.cards {
			cards = append(cards, card{text: c.Text})
		}
		l.drawPagedCards(s, a, cards, "No answers yet.", "newest first", fmt.Sprintf("%d hidden", l.now.hidden))
	}
}

// drawQA draws the Q&A: the questions shown, most upvoted first, answered
// ones last and lighter; the queue is only counted (its texts stay on the
// presenter's controls until approved).
func (l *Run) drawQA(s *sheet, a area) {
	var cards []card
	for _, q := range l.now.shownQ {
		meta := votes(q.Votes)
		if q.Answered {
			meta += " · answered"
		}
		cards = append(cards, card{text: q.Text, meta: meta, faded: q.Answered})
	}
	extra := ""
	if n := len(l.now.waiting); n > 0 {
		extra = fmt.Sprintf("%d waiting for approval", n)
	}
	l.drawPagedCards(s, a, cards, "No questions yet: ask on your phone at the address on the right.", "most upvoted first", extra)
}

// drawPagedCards draws the current page of cards (two columns) with a line
// saying which page it is; the page stays within the pages there are.
func (l *Run) drawPagedCards(s *sheet, a area, cards []card, none, order, extra string) {
	foot := ink{size: 22, color: dim}
	pages := pageCards(s, cards, area{a.x, a.y, a.w, a.h - foot.lineHeight() - 8}, 2)
	if len(pages) == 0 {
		s.text(none, a.x, a.y, a.w, ink{size: 32, color: dim})
		pages = [][]placedCard{nil}
	}
	l.page = min(l.page, len(pages)-1)
	drawCards(s, pages[l.page])
	line := fmt.Sprintf("Page %d of %d (Down, Up) · %s", l.page+1, len(pages), order)
	if extra != "" && !strings.HasPrefix(extra, "0 ") {
		line += " · " + extra
	}
	s.text(line, a.x, a.y+a.h-foot.lineHeight(), a.w, foot)
}

// votes says a Q&A question's upvotes.
func votes(n int) string {
	if n == 1 {
		return "1 vote"
	}
	return fmt.Sprintf("%d votes", n)
}
