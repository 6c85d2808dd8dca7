package livesession

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// controls is the presenter's window of controls, for the laptop's own
// screen while the projector shows the slide: what the keys do, and the
// moderation of the Q&A and of open answers, whose texts the room should
// not read before the presenter decides.
type controls struct {
	l                  *Run
	win                fyne.Window
	status             *widget.Label
	open, lock         *widgets.Button
	screen, phones     *widget.Check
	qa, approval, stop *widget.Check
	custom, hide       *widgets.Entry
	lists              *fyne.Container // the Q&A and the open answers, rebuilt as they change
	shown              bool            // the window is on the screen (K toggles it)
	last               *qaDecision     // the Q&A decision Ctrl+Z takes back; nil: none
	undoButton         *widgets.Button
}

func newControls(l *Run) *controls {
	c := &controls{l: l, win: fyne.CurrentApp().NewWindow(lang.L("Live controls — {{.Survey}}", map[string]any{"Survey": l.se.Survey.Title}))}
	act := func(fn func()) func() { return func() { fn(); l.refresh() } }
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	c.open = widgets.NewButton("", act(func() { l.se.SetOpen(!l.se.State().Open) }))
	c.lock = widgets.NewButton("", act(func() {
		if l.se.State().Locked {
			l.se.Reopen()
		} else {
			l.se.Lock()
		}
	}))
	countdown := func(d time.Duration) *widgets.Button {
		return widgets.NewButton(shortDuration(d), act(func() { l.se.Countdown(d) }))
	}
	c.custom = widgets.NewEntry()
	c.custom.SetPlaceHolder(lang.L("m:ss or seconds"))
	custom := widgets.NewButton(lang.L("Start"), func() {
		d, err := parseCountdown(c.custom.Text)
		if err != nil {
			dialog.ShowError(err, c.win)
			return
		}
		l.se.Countdown(d)
		l.refresh()
	})
	c.screen = widget.NewCheck(lang.L("Results on the screen"), func(bool) { l.se.ToggleResults(); l.refresh() })
	c.phones = widget.NewCheck(lang.L("Results on the phones"), func(bool) { l.se.TogglePhoneResults(); l.refresh() })
	c.qa = widget.NewCheck(lang.L("Q&A on the screen and the phones"), func(bool) { l.se.ToggleQA(); l.page = 0; l.refresh() })
	c.approval = widget.NewCheck(lang.L("Approve questions before they are shown"), func(on bool) { l.se.SetApproval(on); l.refresh() })
	// survey.WordFilter leaves out the stop-words of English, of the
	// phones' page's language and of each language a phone answered in.
	c.stop = widget.NewCheck(lang.L("Leave out common words"), nil)
	stopNote := widget.NewLabel(lang.L("(the, się, de…) in English and the phones' languages, from the word clouds")) // wraps: a check's own words do not
	stopNote.Wrapping, stopNote.Importance = fyne.TextWrapWord, widget.LowImportance
	c.hide = widgets.NewEntry()
	c.hide.SetPlaceHolder(lang.L("words to hide, separated by commas"))
	filter := widgets.NewButton(lang.L("Apply the filter"), act(func() {
		l.se.SetFilter(live.Filter{StopWords: c.stop.Checked, Hide: strings.Split(c.hide.Text, ",")})
	}))
	f := l.se.State().Filter
	c.stop.Checked, c.hide.Text = f.StopWords, strings.Join(f.Hide, ", ")
	c.lists = container.NewVBox()
	keys := widget.NewLabel(keysLine())
	keys.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(c.status, keys,
		container.NewGridWithColumns(2, widgets.NewButton(lang.L("Back"), act(func() { l.se.Prev(); l.page = 0 })),
			widgets.NewButton(lang.L("Next"), act(func() { l.se.Next(); l.page = 0 })), c.open, c.lock),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Countdown")), nil, container.NewGridWithColumns(4, countdown(30*time.Second),
			countdown(time.Minute), countdown(2*time.Minute), widgets.NewButton(lang.L("Stop"), act(func() { l.se.StopCountdown() })))),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Custom countdown")), custom, c.custom),
		c.screen, c.phones, c.qa, c.approval, // one a row: two side by side made the window wider than it is
		c.stop, stopNote, container.NewBorder(nil, nil, nil, filter, c.hide), // the box on a row of its own: its words do not widen the window
		widget.NewSeparator())
	// One scroll for all of it: the window can be small (fitSize) and
	// still reach every control.
	c.win.SetContent(widgets.VScroll(container.NewVBox(top, c.lists)))
	c.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { c.undo() })
	c.win.SetCloseIntercept(c.hideWindow) // K on the projector brings it back; the session ends with Esc
	// The keys of the slide work here too: the presenter's keyboard is on
	// this window as often as on the projector.
	c.win.Canvas().SetOnTypedKey(l.key)
	c.refresh()
	return c
}

// fitSize is the controls window's size on a screen of the given size
// (the presenter's, full screen): at most 36 % of its width and half its
// height, so on a single or mirrored screen most of the slide stays in
// sight, and never smaller than a window one can work in.
func fitSize(screen fyne.Size) fyne.Size {
	clamp := func(v, lo, hi float32) float32 { return max(lo, min(v, hi)) }
	return fyne.NewSize(clamp(screen.Width*0.36, 420, 720), clamp(screen.Height*0.5, 320, 680))
}

// showWindow shows the controls at a size that fits the screen.
func (c *controls) showWindow() {
	c.win.Resize(fitSize(c.l.sh.Window().Canvas().Size()))
	c.win.Show()
	c.shown = true
}

func (c *controls) hideWindow() {
	c.win.Hide()
	c.shown = false
}

// toggle is the key K: it shows the controls, and hides them again.
func (c *controls) toggle() {
	if c.shown {
		c.hideWindow()
	} else {
		c.showWindow()
	}
}

// refresh shows the state and rebuilds the lists (the entries keep what
// is typed in them).
func (c *controls) refresh() {
	l, st := c.l, c.l.se.State()
	q := l.se.Questions[st.Question]
	at := map[string]any{"N": st.Question + 1, "Of": len(l.se.Questions), "Prompt": q.Prompt}
	status := lang.L("Question {{.N}} of {{.Of}}: {{.Prompt}}", at)
	if st.QA { // what the slide and the phones show; Next goes on from it, Back returns to the question
		status = lang.L("Q&A on the screen and the phones, after question {{.N}} of {{.Of}}: {{.Prompt}}", at)
	}
	switch {
	case st.Open && !st.Deadline.IsZero():
		status += "\n" + lang.L("Voting open, closes in {{.Time}}.", map[string]any{"Time": shortDuration(st.Remaining(time.Now()).Round(time.Second))})
	case st.Open:
		status += "\n" + lang.L("Voting open.")
	case st.TimeUp:
		status += "\n" + lang.L("Time is up: voting closed and the question locked.")
	case st.Locked:
		status += "\n" + lang.L("Locked: phones are told it takes no more answers.")
	default:
		status += "\n" + lang.L("Voting closed.")
	}
	c.status.SetText(status)
	c.open.SetText(map[bool]string{true: lang.L("Close voting"), false: lang.L("Open voting")}[st.Open])
	c.lock.SetText(map[bool]string{true: lang.L("Reopen"), false: lang.L("Lock")}[st.Locked])
	for check, on := range map[*widget.Check]bool{c.screen: st.ShowResults, c.phones: st.PhoneResults, c.qa: st.QA, c.approval: st.Approval} {
		check.Checked = on // not SetChecked: that would toggle the session again
		check.Refresh()
	}
	c.lists.Objects = nil
	c.addQA()
	if isText(q.Kind) {
		c.addCards(st.Question)
	}
	c.lists.Refresh()
}

// addQA lists the Q&A to moderate in the order asked (qamoderation.go):
// a decision changes a row's state and buttons, never where the rows
// are, so the next click lands on the row that was under the pointer.
// Each row's state and buttons take the same width whatever they say,
// so that no text re-wraps either.
func (c *controls) addQA() {
	items := c.l.se.Moderation()
	if len(items) == 0 {
		return
	}
	c.undoButton = widgets.NewButton(lang.L("Undo (Ctrl+Z)"), c.undo)
	if c.last == nil {
		c.undoButton.Disable()
	}
	c.lists.Add(container.NewBorder(nil, nil, nil, c.undoButton, heading(lang.L("Q&A in the order asked: {{.N}} waiting for approval", map[string]any{"N": waitingCount(items)}))))
	for _, q := range items {
		c.lists.Add(c.qaRow(q))
	}
}

func waitingCount(items []live.QAItem) int {
	n := 0
	for _, q := range items {
		if !q.Approved && !q.Hidden {
			n++
		}
	}
	return n
}

// qaState says where a Q&A question is: waiting, shown, answered, hidden.
func qaState(q live.QAItem) string {
	switch {
	case q.Hidden:
		return lang.L("Hidden")
	case !q.Approved:
		return lang.L("Waiting")
	case q.Answered:
		return answeredState(q.Votes)
	}
	return lang.L("Shown · {{.Votes}}", map[string]any{"Votes": votes(q.Votes)})
}

// answeredState is the state of an answered Q&A question with n upvotes.
func answeredState(n int) string {
	return lang.L("Answered · {{.Votes}}", map[string]any{"Votes": votes(n)})
}

// qaRow is one Q&A question with its state on the left and its two
// decisions on the right.
func (c *controls) qaRow(q live.QAItem) fyne.CanvasObject {
	buttonW := widgets.NewButton(lang.L("Not answered"), nil).MinSize()
	var first, second fyne.CanvasObject = c.decision(q, lang.L("Approve"), func(q *data.LiveQuestion) { q.Approved = true }),
		c.decision(q, lang.L("Hide"), func(q *data.LiveQuestion) { q.Hidden = true })
	switch {
	case q.Hidden:
		// where Hide was: a hide clicked by mistake is taken back in place
		gap := canvas.NewRectangle(color.Transparent)
		gap.SetMinSize(buttonW)
		first, second = gap, c.decision(q, lang.L("Show again"), func(q *data.LiveQuestion) { q.Hidden = false })
	case q.Approved && q.Answered:
		first = c.decision(q, lang.L("Not answered"), func(q *data.LiveQuestion) { q.Answered = false })
	case q.Approved:
		first = c.decision(q, lang.L("Answered"), func(q *data.LiveQuestion) { q.Answered = true })
	}
	// One cell each: a grid-wrap of one is exactly its cell's size.
	state := container.NewGridWrap(widget.NewLabel(answeredState(999)).MinSize(), widget.NewLabel(qaState(q)))
	buttons := container.NewHBox(container.NewGridWrap(buttonW, first), container.NewGridWrap(buttonW, second))
	label := widget.NewLabel(q.Text)
	label.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, state, buttons, label)
}

// decision is a button that applies decide to q and remembers how q was,
// for the undo.
func (c *controls) decision(q live.QAItem, label string, decide func(*data.LiveQuestion)) *widgets.Button {
	l := c.l
	return widgets.NewButton(label, func() {
		before := qaDecision{id: q.ID, approved: q.Approved, answered: q.Answered, hidden: q.Hidden, what: label}
		if err := l.se.Moderate(q.ID, decide); err != nil {
			dialog.ShowError(err, c.win)
		} else {
			c.last = &before
		}
		l.refresh()
	})
}

// qaDecision is how a Q&A question was before the last decision.
type qaDecision struct {
	id                         string
	approved, answered, hidden bool
	what                       string
}

// undo takes back the last Q&A decision (the button, or Ctrl+Z in the
// controls window): the question is as it was before.
func (c *controls) undo() {
	last := c.last
	if last == nil {
		return
	}
	if err := c.l.se.Moderate(last.id, func(q *data.LiveQuestion) {
		q.Approved, q.Answered, q.Hidden = last.approved, last.answered, last.hidden
	}); err != nil {
		dialog.ShowError(err, c.win)
		return
	}
	c.last = nil
	c.l.refresh()
}

// addCards lists the open answers of question qi, each hideable.
func (c *controls) addCards(qi int) {
	l := c.l
	c.lists.Add(heading(lang.L("Open answers: {{.Shown}} shown, {{.Hidden}} hidden", map[string]any{"Shown": len(l.now.cards), "Hidden": l.now.hidden})))
	if l.now.hidden > 0 {
		c.lists.Add(widgets.NewButton(lang.L("Show the {{.N}} hidden again", map[string]any{"N": l.now.hidden}), func() {
			if err := l.se.ShowHiddenAnswers(qi); err != nil {
				dialog.ShowError(err, c.win)
			}
			l.refresh()
		}))
	}
	for _, card := range l.now.cards {
		c.lists.Add(row(card.Text, widgets.NewButton(lang.L("Hide"), func() {
			if err := l.se.HideAnswer(qi, card.Position, true); err != nil {
				dialog.ShowError(err, c.win)
			}
			l.refresh()
		})))
	}
}

func heading(s string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// row is a wrapped text with its buttons on the right.
func row(text string, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), label)
}

// shortDuration says a countdown: "30 s", "1 min", "1:30".
func shortDuration(d time.Duration) string {
	secs := int(d.Seconds())
	switch {
	case secs < 60:
		return lang.L("{{.N}} s", map[string]any{"N": secs})
	case secs%60 == 0:
		return lang.L("{{.N}} min", map[string]any{"N": secs / 60})
	}
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// parseCountdown reads "90", "1:30" or "2m" into a duration of 5 s to 60 min.
func parseCountdown(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	if m, sec, ok := strings.Cut(s, ":"); ok {
		mi, err1 := strconv.Atoi(m)
		si, err2 := strconv.Atoi(sec)
		if err1 != nil || err2 != nil || si < 0 || si > 59 {
			return 0, notATime(s)
		}
		d = time.Duration(mi)*time.Minute + time.Duration(si)*time.Second
	} else if n, err := strconv.Atoi(s); err == nil {
		d = time.Duration(n) * time.Second
	} else if d, err = time.ParseDuration(s); err != nil {
		return 0, notATime(s)
	}
	if d < 5*time.Second || d > time.Hour {
		return 0, errors.New(lang.L("A countdown lasts from 5 seconds to 60 minutes."))
	}
	return d, nil
}

func notATime(s string) error {
	return errors.New(lang.L("“{{.Text}}” is not a time: write minutes:seconds (1:30) or seconds (90).", map[string]any{"Text": s}))
}
