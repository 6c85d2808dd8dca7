package livesession

import (
	"fmt"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidesheet"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// The presenter's columns on the 1920×1080 sheet: the question and its
// results on the left, how to join on the right; nothing of the left
// column may reach the right one.
var (
	leftColumn = slidesheet.Area{X: 80, Y: 56, W: 1160, H: 968}
	joinColumn = slidesheet.Area{X: 1320, Y: 56, W: 520, H: 968}
)

// small is the type of the slide's smallest lines (footers, notes): the Floor.
var small = slidesheet.Ink{Size: slidesheet.Floor, Color: slidesheet.Dim}

// render draws the presenter at size.
func (l *Run) render(size fyne.Size) fyne.CanvasObject {
	s := slidesheet.NewSheet(size)
	st := l.se.State()
	l.drawJoin(s)
	a := leftColumn
	y := a.Y
	head := slidesheet.Ink{Size: 26, Color: slidesheet.Dim}
	if st.QA {
		y += s.Text(lang.L("Q&A · {{.Survey}}", map[string]any{"Survey": l.now.res.Survey.Title}), a.X, y, a.W, head)
		y += s.Text(lang.L("Your questions"), a.X, y, a.W, slidesheet.Ink{Size: 56, Bold: true, Color: widgets.SlideInk}) + 12
	} else {
		q := l.now.res.Questions[st.Question]
		y += s.Text(l.questionHead(st), a.X, y, a.W, head)
		room := 3 * s.Height("M", a.W, slidesheet.Ink{Size: 56, Bold: true})
		prompt := slidesheet.Ink{Size: slidesheet.FitSize(56, slidesheet.Floor, room, func(size float32) float32 {
			return s.Height(q.Prompt, a.W, slidesheet.Ink{Size: size, Bold: true})
		}), Bold: true, Color: widgets.SlideInk}
		y += s.Text(q.Prompt, a.X, y, a.W, prompt) + 8
		answers := q.Respondents
		if isText(q.Kind) { // the room is told of the answers it is shown
			answers = max(answers-l.now.hidden, 0)
		}
		y += l.drawStatus(s, st, answers, a, y)
	}
	for _, note := range l.notes() {
		y += s.Text(note, a.X, y, a.W, slidesheet.Ink{Size: slidesheet.Floor, Bold: true, Color: slidesheet.Low})
	}
	// No keys on the slide: the room reads it. Like every presenter's, they
	// are in the window's title, on F1 and in the controls window (K).
	body := slidesheet.Area{X: a.X, Y: y + 24, W: a.W, H: a.Y + a.H - (y + 24)}
	if st.QA {
		l.drawQA(s, body)
	} else {
		l.drawResults(s, st, body)
	}
	return container.NewStack(widgets.Paper(), s.Box)
}

// questionHead is the line above the question: where it is in the survey.
func (l *Run) questionHead(st live.State) string {
	return lang.L("Question {{.N}} of {{.Of}} · {{.Survey}}", map[string]any{"N": st.Question + 1, "Of": len(l.now.res.Questions), "Survey": l.now.res.Survey.Title})
}

// drawStatus writes whether voting is open, the answers so far and the
// countdown, each on a row of its own; it returns the height taken.
func (l *Run) drawStatus(s *slidesheet.Sheet, st live.State, answers int, a slidesheet.Area, y float32) float32 {
	status := slidesheet.Ink{Size: 30, Bold: true, Color: widgets.SlideInk}
	n := map[string]any{"Answers": answersText(answers)}
	line := lang.L("Voting closed · {{.Answers}}", n)
	switch {
	case st.Open:
		line, status.Color = lang.L("Voting open · {{.Answers}}", n), widgets.SlideBar
	case st.TimeUp:
		line = lang.L("Time is up · voting closed · {{.Answers}}", n)
	case st.Locked:
		line = lang.L("Locked · {{.Answers}}", n)
	}
	if st.PhoneResults {
		line += " · " + lang.L("results on the phones")
	}
	h := s.Text(line, a.X, y, a.W, status)
	// The countdown's row is kept from the start of the question, so
	// starting one does not shrink the results under it (review fault 10).
	countdown := slidesheet.Ink{Size: 44, Bold: true, Color: slidesheet.Low}
	if left := st.Remaining(time.Now()); !st.Deadline.IsZero() && st.Open {
		secs := int(math.Ceil(left.Seconds()))
		s.Text(closesIn(fmt.Sprintf("%d:%02d", secs/60, secs%60)), a.X, y+h, a.W, countdown)
	}
	return h + s.Height(closesIn("0:00"), a.W, countdown)
}

// notes are the problems the presenter must know about, said on the slide.
func (l *Run) notes() []string {
	var out []string
	if l.problem != "" {
		out = append(out, l.problem)
	}
	if err := l.se.SaveError(); err != nil {
		out = append(out, lang.L("The controls could not be stored (a restart would not resume them): {{.Error}}", map[string]any{"Error": err.Error()}))
	}
	if js := l.srv.JoinStatus(); js.RanOut { // too many wrong codes: joining paused (live/joinguard.go)
		out = append(out, lang.L("{{.N}} wrong join codes: someone may be guessing. Joining pauses now and then — C: new code", map[string]any{"N": js.Wrong}))
	}
	return out
}

// drawJoin writes how to join: the address, the code and its QR code.
func (l *Run) drawJoin(s *slidesheet.Sheet) {
	a := joinColumn
	label := slidesheet.Ink{Size: 26, Color: slidesheet.Dim}
	y := a.Y
	y += s.Text(lang.L("Join at"), a.X, y, a.W, label)
	y += s.Text(strings.TrimPrefix(l.srv.URL(), "http://"), a.X, y, a.W, slidesheet.Ink{Size: 40, Bold: true, Color: widgets.SlideInk}) + 12
	y += s.Text(lang.L("Code"), a.X, y, a.W, label)
	c := l.se.Code()
	y += s.Text(c[:3]+" "+c[3:], a.X, y, a.W, slidesheet.Ink{Size: 96, Bold: true, Color: widgets.SlideInk}) + 16
	qr := canvas.NewImageFromImage(l.qr)
	qr.FillMode, qr.ScaleMode = canvas.ImageFillContain, canvas.ImageScalePixels
	side := min(a.W, a.Y+a.H-y)
	s.Place(qr, a.X, y, side, side)
}

// drawResults draws the question's results into a: the options (with 0
// before any vote) also while the results are hidden, so the room can
// read the choices.
func (l *Run) drawResults(s *slidesheet.Sheet, st live.State, a slidesheet.Area) {
	q := l.now.res.Questions[st.Question]
	def := l.se.Questions[st.Question]
	say := func(text string) { s.Text(text, a.X, a.Y, a.W, slidesheet.Ink{Size: 32, Color: slidesheet.Dim}) }
	l.pages = 1
	switch {
	case len(q.Options) > 0 || len(q.Items) > 0:
		bars := barsOf(q, def)
		l.drawPaged(s, a, "", func(body slidesheet.Area, page int) int { return drawBars(s, body, bars, st.ShowResults, page) })
	case len(q.Statements) > 0:
		l.drawPaged(s, a, "", func(body slidesheet.Area, page int) int {
			return slidesheet.DrawScalesPage(s, body, q, st.ShowResults, page)
		})
	case !st.ShowResults:
		say(lang.L("The results are hidden for now.")) // the room is not told which key shows them
	case def.Kind == data.KindWordCloud:
		foot := s.Height("M", a.W, small)
		words, left := slidesheet.LayoutCloud(s, st.Filter.Words(q.Words, l.se.WordLanguages()), slidesheet.Area{X: a.X, Y: a.Y, W: a.W, H: a.H - foot - 8})
		if len(words) == 0 {
			say(lang.L("No words yet."))
			return
		}
		slidesheet.DrawCloud(s, words)
		if left > 0 {
			s.Text(lang.L("{{.N}} more words did not fit", map[string]any{"N": left}), a.X, a.Y+a.H-foot, a.W, small)
		}
	default:
		var cards []slidesheet.Card
		for _, c := range l.now.cards {
			cards = append(cards, slidesheet.Card{Text: c.Text})
		}
		// How many were hidden is the presenter's business (the controls
		// say it); the room reads only the answers shown.
		l.drawPagedCards(s, a, cards, lang.L("No answers yet."), lang.L("newest first"), "")
	}
}

// drawQA draws the Q&A: the questions shown, most upvoted first (in the
// order asked until the first upvote, and said so), answered
// ones last and lighter; the queue is only counted (its texts stay on the
// presenter's controls until approved).
func (l *Run) drawQA(s *slidesheet.Sheet, a slidesheet.Area) {
	var cards []slidesheet.Card
	for _, q := range l.now.shownQ {
		meta := votes(q.Votes)
		if q.Answered {
			meta += " · " + lang.L("answered")
		}
		cards = append(cards, slidesheet.Card{Text: q.Text, Meta: meta, Faded: q.Answered})
	}
	extra := ""
	if n := len(l.now.waiting); n > 0 {
		extra = lang.L("{{.N}} waiting for approval", map[string]any{"N": n})
	}
	order := lang.L("in the order asked until the first upvote")
	if live.Upvoted(l.now.shownQ) {
		order = lang.L("most upvoted first, then in the order asked")
	}
	none := lang.L("No questions yet: ask on your phone at the address on the right.")
	if len(l.now.waiting) > 0 { // asked, but none approved yet: "no questions" would tell the askers theirs were lost
		none = lang.L("Your questions are shown once approved: ask on your phone at the address on the right.")
	}
	l.pages = 1
	l.drawPagedCards(s, a, cards, none, order, extra)
}

// drawPagedCards draws the current page of cards (slidesheet.FitCards).
func (l *Run) drawPagedCards(s *slidesheet.Sheet, a slidesheet.Area, cards []slidesheet.Card, none, order, extra string) {
	if len(cards) == 0 {
		s.Text(none, a.X, a.Y, a.W, slidesheet.Ink{Size: 32, Color: slidesheet.Dim})
	}
	line := order
	if extra != "" {
		line += " · " + extra
	}
	l.drawPaged(s, a, line, func(body slidesheet.Area, page int) int {
		pages := slidesheet.FitCards(s, cards, body)
		if len(pages) == 0 {
			return 1
		}
		slidesheet.DrawCards(s, pages[min(page, len(pages)-1)])
		return len(pages)
	})
}

// drawPaged draws page l.page of what draw lays out in a (it returns how
// many pages there are), over a line saying which page it is and what
// else is to say. The page stays within the pages there are, and the
// keys Down and Up move within them (l.pages).
func (l *Run) drawPaged(s *slidesheet.Sheet, a slidesheet.Area, say string, draw func(body slidesheet.Area, page int) int) {
	footH := s.Height("M", a.W, small)
	l.pages = max(draw(slidesheet.Area{X: a.X, Y: a.Y, W: a.W, H: a.H - footH - 8}, l.page), 1)
	l.page = min(l.page, l.pages-1)
	var parts []string
	if l.pages > 1 {
		// The keys that turn the pages are in the F1 help and the
		// controls, not on the slide the room reads.
		parts = append(parts, lang.L("Page {{.N}} of {{.Of}}", map[string]any{"N": l.page + 1, "Of": l.pages}))
	}
	if say != "" {
		parts = append(parts, say)
	}
	if len(parts) > 0 {
		line := strings.Join(parts, " · ")
		s.Text(line, a.X, a.Y+a.H-s.Height(line, a.W, small), a.W, small)
	}
}

// votes says a Q&A question's upvotes, answersText how many answered.
func votes(n int) string {
	return plural(n, lang.L("1 vote"), lang.L("{{.N}} votes", map[string]any{"N": n}))
}

func answersText(n int) string {
	return plural(n, lang.L("1 answer"), lang.L("{{.N}} answers", map[string]any{"N": n}))
}

// plural is one when n is 1, else many (each a key of its own in the
// translations).
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// closesIn says the countdown's time left (m:ss).
func closesIn(left string) string {
	return lang.L("Voting closes in {{.Time}}", map[string]any{"Time": left})
}
