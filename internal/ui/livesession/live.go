// Package livesession runs a survey live in the room: a server on the
// laptop that participants' phones reach, and a full-screen presenter
// that steps through the questions and follows the votes. It knows the
// survey only as data; how results are drawn is handed in (Chart).
package livesession

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"log"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Chart draws a question's results on a slide drawn at scale × 1920×1080
// (the surveys area's charts, so the room sees what the screen shows).
type Chart func(q survey.QuestionResult, scale float32) fyne.CanvasObject

// followEvery is how often the presenter reads the counts (a variable for
// tests that press keys: the test driver draws on the follow loop's own
// goroutine, not on one UI goroutine as the app does).
var followEvery = 500 * time.Millisecond

// Run is a live session on the screen: the server, the session and the
// full-screen presenter view that follows the votes.
type Run struct {
	sh      *shell.Shell
	se      *live.Session
	srv     *live.Server
	chart   Chart
	ended   func() // after the user ended the session and the window came back
	res     survey.Results
	problem string // why the counts cannot be read, shown on the slide; "" when they can
	qr      image.Image
	view    *widgets.SlideView
	leave   func()
	untrack func()
	stopped chan struct{} // closed by stop: the follow loop ends
	follows chan struct{} // closed when the follow loop has ended
	once    sync.Once
	seen    string                // the state and counts last drawn
	ending  *dialog.ConfirmDialog // "End the session?" while it is asked
}

// Start serves sv's session on addr ("192.168.1.20:8080", "127.0.0.1:0")
// and shows the presenter full screen. ended runs once the user ended the
// session; when the app stops first, the session ends with it (every vote
// received is stored) and ended does not run.
func Start(sh *shell.Shell, sv data.Survey, addr string, chart Chart, ended func()) (*Run, error) {
	se, err := live.NewSession(sh.Ctx(), sh.Store(), sv)
	if err != nil {
		return nil, err
	}
	srv, err := live.Start(se, addr, live.DefaultLimits)
	if err != nil {
		se.End()
		return nil, err
	}
	l := &Run{sh: sh, se: se, srv: srv, chart: chart, ended: ended, stopped: make(chan struct{}), follows: make(chan struct{})}
	if l.qr, err = live.QRCode(srv.JoinURL(), 600); err != nil {
		srv.Stop()
		return nil, err
	}
	res, key, err := l.read(sh.Ctx())
	if err != nil { // nothing to show the room: no session
		srv.Stop()
		return nil, err
	}
	l.show(res, key, nil)
	log.Printf("live session of %q: join at %s with the code %s (shown on the screen)", sv.Title, srv.URL(), se.Code())
	l.view = widgets.NewSlideView(l.render)
	l.leave = sh.FullScreen(l.view, l.key)
	l.untrack = sh.Track(l.stop) // the app's stop sequence ends the session too
	go l.follow(sh.Ctx())
	return l, nil
}

// Session is the running session (code, state, survey).
func (l *Run) Session() *live.Session { return l.se }

// URL is the address participants open.
func (l *Run) URL() string { return l.srv.URL() }

// follow refreshes the view twice a second until the session stops or
// the app does.
func (l *Run) follow(ctx context.Context) {
	defer close(l.follows)
	tick := time.NewTicker(followEvery)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			res, key, err := l.read(ctx) // the store is read here, not on the UI goroutine
			if ctx.Err() != nil {
				return
			}
			fyne.Do(func() { l.show(res, key, err) })
		case <-l.stopped:
			return
		case <-ctx.Done():
			return
		}
	}
}

// read loads the counts (from the aggregates: instant) and a key that
// changes when the state or a count of the current question changes.
func (l *Run) read(ctx context.Context) (survey.Results, string, error) {
	res, err := l.se.Results(ctx)
	if err != nil {
		return res, "", err
	}
	st := l.se.State()
	return res, fmt.Sprintf("%d/%+v/%+v", st.Version, res.Questions[st.Question], l.srv.JoinStatus()), nil
}

// show redraws when what it shows changed; a failed read is said on the
// slide (a dialog twice a second would bury the presenter).
func (l *Run) show(res survey.Results, key string, err error) {
	if err != nil {
		key = "error: " + err.Error()
	}
	if key == l.seen {
		return
	}
	l.seen = key
	if err != nil {
		l.problem = "The counts cannot be read: " + err.Error()
	} else {
		l.res, l.problem = res, ""
	}
	if l.view != nil {
		l.view.Refresh()
	}
}

// refresh reads and shows at once (after a key press, and at the start).
func (l *Run) refresh() {
	res, key, err := l.read(l.sh.Ctx())
	l.show(res, key, err)
}

func (l *Run) key(e *fyne.KeyEvent) {
	if l.ending != nil { // the keyboard answers the question too: Enter ends, Esc stays
		switch e.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			l.ending.Hide()
			l.End()
		case fyne.KeyEscape:
			l.ending.Hide()
		}
		return
	}
	switch e.Name {
	case fyne.KeyRight, fyne.KeySpace, fyne.KeyPageDown:
		l.se.Next()
	case fyne.KeyLeft, fyne.KeyPageUp:
		l.se.Prev()
	case fyne.KeyO:
		l.se.SetOpen(!l.se.State().Open)
	case fyne.KeyR:
		l.se.ToggleResults()
	case fyne.KeyC:
		l.newCode()
	case fyne.KeyEscape:
		l.confirmEnd()
		return
	default:
		return
	}
	l.refresh()
}

// newCode draws a new join code (after wrong codes made joining pause:
// someone may be guessing); the QR code and the code on the slide follow,
// and participants joined already stay.
func (l *Run) newCode() {
	code, err := l.srv.NewCode()
	if err == nil {
		l.qr, err = live.QRCode(l.srv.JoinURL(), 600)
	}
	if err != nil {
		l.sh.ShowError(fmt.Errorf("no new join code: %w", err))
		return
	}
	log.Printf("live session: a new join code %s (shown on the screen)", code)
}

func (l *Run) confirmEnd() {
	if l.sh.Window().Canvas().Overlays().Top() != nil {
		return
	}
	l.ending = dialog.NewConfirm("End the session?", "Participants can no longer vote; every vote so far is stored. (Enter ends, Esc stays.)", func(ok bool) {
		if ok {
			l.End()
		}
	}, l.sh.Window())
	l.ending.SetOnClosed(func() { l.ending = nil })
	l.ending.Show()
}

// stop ends the session — no more votes, every vote received stored —
// closes the server and waits for the follow loop to let go of the store.
// It is what the app's stop sequence calls; it touches no widget.
func (l *Run) stop() {
	l.once.Do(func() {
		close(l.stopped)
		l.srv.Stop() // ends the session: the queued votes are written first
		<-l.follows
	})
}

// End stops the session and brings the window back with the results.
func (l *Run) End() {
	select {
	case <-l.stopped:
		return // ended already
	default:
	}
	l.stop()
	l.untrack()
	l.leave()
	l.sh.ReloadAll() // the votes changed the survey's counts
	if l.ended != nil {
		l.ended()
	}
}

// render draws the presenter: the question and its live results on the
// left; how to join (address, code, QR code) on the right.
func (l *Run) render(size fyne.Size) fyne.CanvasObject {
	st := l.se.State()
	scale := size.Width / widgets.SlideSize.Width
	q := l.res.Questions[st.Question]
	head := container.NewVBox(widgets.SlideText(fmt.Sprintf("Question %d of %d · %s", st.Question+1, len(l.res.Questions), l.res.Survey.Title), 26*scale, false))
	for _, line := range widgets.WrapText(q.Prompt, size.Width*0.66-96, 52*scale, 3) {
		head.Add(widgets.SlideText(line, 52*scale, true))
	}
	status := fmt.Sprintf("● voting open · %d answers", q.Respondents)
	if !st.Open {
		status = fmt.Sprintf("voting closed · %d answers", q.Respondents)
	}
	statusText := widgets.SlideText(status, 30*scale, true)
	if st.Open {
		statusText.Color = widgets.SlideBar
	}
	head.Add(statusText)
	if l.problem != "" {
		head.Add(widgets.SlideText(l.problem, 24*scale, true))
	}
	if js := l.srv.JoinStatus(); js.RanOut { // too many wrong codes: joining paused (live/joinguard.go)
		head.Add(widgets.SlideText(fmt.Sprintf("%d wrong join codes: someone may be guessing. Joining pauses now and then — C: new code", js.Wrong), 24*scale, true))
	}
	var body fyne.CanvasObject = widgets.SlideText("Results hidden — R shows them", 30*scale, false)
	if st.ShowResults {
		body = l.chart(q, scale)
	}
	keys := widgets.SlideText("Right: next   Left: back   O: open or close voting   R: results   C: new code   Esc: end", 20*scale, false)
	keys.Color = color.NRGBA{0x66, 0x66, 0x66, 0xff}
	left := container.NewBorder(container.NewVBox(head, layout.NewSpacer()), keys, nil, nil, container.NewVBox(container.New(layout.NewCustomPaddedLayout(24*scale, 0, 0, 48*scale), body)))
	qr := canvas.NewImageFromImage(l.qr)
	qr.FillMode, qr.ScaleMode = canvas.ImageFillContain, canvas.ImageScalePixels
	side := size.Width * 0.28
	qr.SetMinSize(fyne.NewSize(side, side))
	c := l.se.Code()
	code := widgets.SlideText(c[:3]+" "+c[3:], 96*scale, true)
	join := container.NewVBox(widgets.SlideText("Join at", 26*scale, false), widgets.SlideText(strings.TrimPrefix(l.srv.URL(), "http://"), 40*scale, true),
		widgets.SlideText("Code", 26*scale, false), code, qr)
	page := container.NewBorder(nil, nil, nil, join, left)
	return container.NewStack(widgets.Paper(), container.New(layout.NewCustomPaddedLayout(40*scale*2, 40*scale*2, 48*scale*2, 48*scale*2), page))
}
