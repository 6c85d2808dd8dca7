// Package livesession runs a survey live in the room: a server on the
// laptop that participants' phones reach, and a full-screen presenter
// that steps through the questions and follows the votes, drawn here
// (results.go, cloud.go, cards.go), and a window of controls for the
// presenter's own screen (controls.go).
package livesession

import (
	"context"
	"fmt"
	"image"
	"log"
	"math"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

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
	ended   func() // after the user ended the session and the window came back
	now     snapshot
	problem string // why the counts cannot be read, shown on the slide; "" when they can
	page    int    // of the slide's results (cards, bars, statements) shown
	pages   int    // how many pages the results took when last drawn
	ctl     *controls
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

// snapshot is what the presenter last read: the counts, the open answers
// of the question shown (when it asks for text) and the Q&A.
type snapshot struct {
	res             survey.Results
	cards           []live.Card
	hidden          int // open answers hidden
	waiting, shownQ []live.QAItem
}

// Start serves sv's session on addr ("192.168.1.20:8080", "127.0.0.1:0")
// and shows the presenter full screen, with its controls in a window of
// their own. ended runs once the user ended the session; when the app
// stops first, the session ends with it (every vote received is stored)
// and ended does not run.
func Start(sh *shell.Shell, sv data.Survey, addr string, ended func()) (*Run, error) {
	se, err := live.NewSession(sh.Ctx(), sh.Store(), sv)
	if err != nil {
		return nil, err
	}
	if err := se.SetLanguage(shell.LoadSettings(sh.App().Preferences()).ParticipantLanguage); err != nil {
		se.End()
		return nil, err
	}
	srv, err := live.Start(se, addr, live.DefaultLimits)
	if err != nil {
		se.End()
		return nil, err
	}
	l := &Run{sh: sh, se: se, srv: srv, ended: ended, stopped: make(chan struct{}), follows: make(chan struct{})}
	if l.qr, err = live.QRCode(srv.JoinURL(), 600); err != nil {
		srv.Stop()
		return nil, err
	}
	now, key, err := l.read(sh.Ctx())
	if err != nil { // nothing to show the room: no session
		srv.Stop()
		return nil, err
	}
	l.ctl = newControls(l)
	l.show(now, key, nil)
	log.Printf("live session of %q: join at %s with the code %s (shown on the screen)", sv.Title, srv.URL(), se.Code())
	l.view = widgets.NewSlideView(l.render)
	l.leave = sh.FullScreen(l.view, l.key, presenterKeys()...)
	l.untrack = sh.Track(l.stop) // the app's stop sequence ends the session too
	l.ctl.showWindow()
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
			now, key, err := l.read(ctx) // the store is read here, not on the UI goroutine
			if ctx.Err() != nil {
				return
			}
			fyne.Do(func() { l.show(now, key, err) })
		case <-l.stopped:
			return
		case <-ctx.Done():
			return
		}
	}
}

// read loads the counts (from the aggregates: instant), the open answers
// of a question asking for text, the Q&A, and a key that changes when
// anything the presenter shows does (the countdown's seconds too).
func (l *Run) read(ctx context.Context) (snapshot, string, error) {
	var now snapshot
	var err error
	if now.res, err = l.se.Results(ctx); err != nil {
		return now, "", err
	}
	st := l.se.State()
	if isText(l.se.Questions[st.Question].Kind) {
		if now.cards, now.hidden, err = l.se.Cards(ctx, st.Question); err != nil {
			return now, "", err
		}
	}
	now.waiting, now.shownQ = l.se.QA()
	left := int(math.Ceil(st.Remaining(time.Now()).Seconds()))
	return now, fmt.Sprintf("%d/%d/%+v/%v/%d/%v/%v/%+v/%v", st.Version, left, now.res.Questions[st.Question], now.cards, now.hidden,
		now.waiting, now.shownQ, l.srv.JoinStatus(), l.se.SaveError()), nil
}

// isText tells whether a question's answers are texts, shown as cards.
func isText(kind string) bool { return kind == data.KindOpenEnded || kind == data.KindQA }

// show redraws when what it shows changed; a failed read is said on the
// slide (a dialog twice a second would bury the presenter).
func (l *Run) show(now snapshot, key string, err error) {
	if err != nil {
		key = "error: " + err.Error()
	}
	key += fmt.Sprintf("/page %d", l.page) // a page key changes the slide, not what is read
	if key == l.seen {
		return
	}
	l.seen = key
	if err != nil {
		l.problem = lang.L("The counts cannot be read: {{.Error}}", map[string]any{"Error": err.Error()})
	} else {
		l.now, l.problem = now, ""
	}
	if l.view != nil {
		l.view.Refresh()
	}
	l.ctl.refresh()
}

// refresh reads and shows at once (after a key press or a control, and at the start).
func (l *Run) refresh() {
	now, key, err := l.read(l.sh.Ctx())
	l.show(now, key, err)
}

// presenterKeys are the live presenter's own keys, for F1 (besides the
// shell's common ones) and the controls window (keysLine); the key names
// stay as the keyboard prints them.
func presenterKeys() []shell.KeyHelp {
	return []shell.KeyHelp{
		{Keys: "Home", Does: lang.L("the first question")},
		{Keys: "Down, Up", Does: lang.L("pages of the answers")},
		{Keys: "O", Does: lang.L("open or close voting")},
		{Keys: "L", Does: lang.L("lock or reopen")},
		{Keys: "1, 2, 3", Does: lang.L("a countdown of 30 s, 1 min, 2 min")},
		{Keys: "X", Does: lang.L("stop the countdown")},
		{Keys: "R", Does: lang.L("results on the screen")},
		{Keys: "P", Does: lang.L("results on the phones")},
		{Keys: "Q", Does: lang.L("Q&A (then Right: the next question, Left: back to this one)")},
		{Keys: "K", Does: lang.L("the controls window")},
		{Keys: "C", Does: lang.L("a new join code")},
	}
}

// keysLine says every key of the presenter, for the controls window: the
// common ones, then presenterKeys.
func keysLine() string {
	parts := []string{lang.L("Right: next"), lang.L("Left: back")}
	for _, k := range presenterKeys() {
		parts = append(parts, k.Keys+": "+k.Does)
	}
	parts = append(parts, lang.L("F1: these keys on the slide"), lang.L("Esc: end"))
	return lang.L("Keys (on the slide or here): {{.Keys}}", map[string]any{"Keys": strings.Join(parts, " · ")})
}

// Countdowns the keys 1, 2 and 3 start.
var countdowns = map[fyne.KeyName]time.Duration{fyne.Key1: 30 * time.Second, fyne.Key2: time.Minute, fyne.Key3: 2 * time.Minute}

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
	st := l.se.State()
	switch e.Name {
	case fyne.KeyRight, fyne.KeySpace, fyne.KeyPageDown:
		l.se.Next()
		l.page = 0
	case fyne.KeyLeft, fyne.KeyPageUp:
		l.se.Prev()
		l.page = 0
	case fyne.KeyHome: // the first question, as Home in the other presenters
		l.se.First()
		l.page = 0
	case fyne.KeyDown:
		l.page = min(l.page+1, max(l.pages-1, 0)) // the pages of the slide last drawn
	case fyne.KeyUp:
		l.page = max(l.page-1, 0)
	case fyne.KeyO:
		l.se.SetOpen(!st.Open)
	case fyne.KeyL:
		if st.Locked {
			l.se.Reopen()
		} else {
			l.se.Lock()
		}
	case fyne.Key1, fyne.Key2, fyne.Key3:
		l.se.Countdown(countdowns[e.Name])
	case fyne.KeyX:
		l.se.StopCountdown()
	case fyne.KeyR:
		l.se.ToggleResults()
	case fyne.KeyP:
		l.se.TogglePhoneResults()
	case fyne.KeyQ:
		l.se.ToggleQA()
		l.page = 0
	case fyne.KeyK:
		l.ctl.toggle()
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
		l.sh.ShowError(fmt.Errorf("%s: %w", lang.L("No new join code"), err))
		return
	}
	log.Printf("live session: a new join code %s (shown on the screen)", code)
}

func (l *Run) confirmEnd() {
	if l.sh.Window().Canvas().Overlays().Top() != nil {
		return
	}
	// The question shows on the slide, where the presenter pressed Esc
	// and where the keyboard is: Enter there ends, Esc stays (l.key). In
	// the controls window it went unseen on a second screen, and took the
	// keyboard from the slide so Enter did nothing.
	l.ending = dialog.NewConfirm(lang.L("End the session?"), lang.L("Participants can no longer vote; every vote so far is stored. (Enter ends, Esc stays.)"), func(ok bool) {
		if ok {
			l.End()
		}
	}, l.sh.Window())
	l.ending.SetConfirmText(lang.L("End the session"))
	l.ending.SetDismissText(lang.L("Keep going"))
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
	l.ctl.win.Close()
	l.leave()
	l.sh.ReloadAll() // the votes changed the survey's counts
	if l.ended != nil {
		l.ended()
	}
}
