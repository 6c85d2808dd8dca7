package livesession

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"log"
	"net"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// loopbackChoice is the address for trying a session on this computer only.
const loopbackChoice = "127.0.0.1 — this computer only"

// liveRun is a live session on the screen: the server, the session and
// the full-screen presenter view that follows the votes.
type liveRun struct {
	sh      *shell.Shell
	r       *surveyResults
	se      *live.Session
	srv     *live.Server
	res     survey.Results
	qr      image.Image
	view    *widgets.SlideView
	leave   func()
	stopped chan struct{}
	seen    string                // the state and counts last drawn
	ending  *dialog.ConfirmDialog // "End the session?" while it is asked
}

// askRunLive asks where to serve participants (the laptop's network, or
// loopback) and starts the session.
func (r *surveyResults) askRunLive() {
	if r.sv.ID == "" || r.sh.live != nil {
		return
	}
	addrs := append(live.LANAddresses(), loopbackChoice)
	where := widget.NewSelect(addrs, nil)
	where.SetSelected(addrs[0])
	port := widget.NewEntry()
	port.SetText(live.DefaultPort)
	note := widget.NewLabel("Participants' phones must be on the same network as this laptop (its Wi-Fi, hotspot or cable). " +
		"Nothing is served until you start, and the server stops when the session ends or the app closes.")
	note.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("Network", where), widget.NewFormItem("Port", port))
	d := dialog.NewCustomConfirm("Run "+r.sv.Title+" live", "Start", "Cancel", container.NewVBox(form, note), func(ok bool) {
		if !ok {
			return
		}
		host := strings.Fields(where.Selected)[0]
		if err := r.startLive(net.JoinHostPort(host, strings.TrimSpace(port.Text))); err != nil {
			r.sh.ShowMessage("The session could not start", err.Error()+"\n\nIf the port is taken, choose another one (8000–9999).")
		}
	}, r.sh.Window())
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
}

// startLive starts the server on addr and shows the presenter.
func (r *surveyResults) startLive(addr string) error {
	se, err := live.NewSession(r.sh.Ctx(), r.sh.Store(), r.sv)
	if err != nil {
		return err
	}
	srv, err := live.Start(se, addr, live.DefaultLimits)
	if err != nil {
		se.End()
		return err
	}
	l := &liveRun{sh: r.sh, r: r, se: se, srv: srv, stopped: make(chan struct{})}
	if l.qr, err = live.QRCode(srv.URL(), 600); err != nil {
		srv.Stop()
		return err
	}
	log.Printf("live session of %q: join at %s with the code %s (shown on the screen)", r.sv.Title, srv.URL(), se.Code)
	l.refresh()
	l.view = widgets.NewSlideView(l.render)
	l.leave = r.sh.FullScreen(l.view, l.key)
	r.sh.live = l
	go l.follow()
	return nil
}

// follow refreshes the view twice a second while the session runs.
func (l *liveRun) follow() {
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			res, key, ok := l.read() // the store is read here, not on the UI goroutine
			if ok {
				fyne.Do(func() { l.show(res, key) })
			}
		case <-l.stopped:
			return
		}
	}
}

// read loads the counts (from the aggregates: instant) and a key that
// changes when the state or a count of the current question changes.
func (l *liveRun) read() (survey.Results, string, bool) {
	res, err := l.se.Results(context.Background())
	if err != nil {
		return res, "", false
	}
	st := l.se.State()
	q, _ := json.Marshal(res.Questions[st.Question])
	return res, fmt.Sprintf("%d/%s", st.Version, q), true
}

// show redraws when what it shows changed.
func (l *liveRun) show(res survey.Results, key string) {
	if key == l.seen {
		return
	}
	l.res, l.seen = res, key
	if l.view != nil {
		l.view.Refresh()
	}
}

// refresh reads and shows at once (after a key press, and at the start).
func (l *liveRun) refresh() {
	if res, key, ok := l.read(); ok {
		l.show(res, key)
	}
}

func (l *liveRun) key(e *fyne.KeyEvent) {
	if l.ending != nil { // the keyboard answers the question too: Enter ends, Esc stays
		switch e.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			l.ending.Hide()
			l.end()
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
	case fyne.KeyEscape:
		l.confirmEnd()
		return
	default:
		return
	}
	l.refresh()
}

func (l *liveRun) confirmEnd() {
	if l.sh.Window().Canvas().Overlays().Top() != nil {
		return
	}
	l.ending = dialog.NewConfirm("End the session?", "Participants can no longer vote; every vote so far is stored. (Enter ends, Esc stays.)", func(ok bool) {
		if ok {
			l.end()
		}
	}, l.sh.Window())
	l.ending.SetOnClosed(func() { l.ending = nil })
	l.ending.Show()
}

// end stops the server and brings the window back with the results.
func (l *liveRun) end() {
	if l.sh.live != l {
		return
	}
	close(l.stopped)
	l.srv.Stop()
	l.leave()
	l.sh.live = nil
	l.sh.ReloadAll()
	if sv, err := l.sh.Store().SurveyByIDOrTitle(l.sh.Ctx(), l.sh.Network().ID, l.se.Survey.ID); err == nil {
		l.r.show(sv) // the votes of the session, counted
	}
}

// render draws the presenter: the question and its live results on the
// left; how to join (address, code, QR code) on the right.
func (l *liveRun) render(size fyne.Size) fyne.CanvasObject {
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
		statusText.Color = slideBar
	}
	head.Add(statusText)
	var body fyne.CanvasObject = widgets.SlideText("Results hidden — R shows them", 30*scale, false)
	if st.ShowResults {
		body = questionBody(q, scale*slideBodyScale(q))
		recolour(body)
	}
	keys := widgets.SlideText("Right: next   Left: back   O: open or close voting   R: results   Esc: end", 20*scale, false)
	keys.Color = color.NRGBA{0x66, 0x66, 0x66, 0xff}
	left := container.NewBorder(container.NewVBox(head, layout.NewSpacer()), keys, nil, nil, container.NewVBox(container.New(layout.NewCustomPaddedLayout(24*scale, 0, 0, 48*scale), body)))
	qr := canvas.NewImageFromImage(l.qr)
	qr.FillMode, qr.ScaleMode = canvas.ImageFillContain, canvas.ImageScalePixels
	side := size.Width * 0.28
	qr.SetMinSize(fyne.NewSize(side, side))
	code := widgets.SlideText(l.se.Code[:3]+" "+l.se.Code[3:], 96*scale, true)
	join := container.NewVBox(widgets.SlideText("Join at", 26*scale, false), widgets.SlideText(strings.TrimPrefix(l.srv.URL(), "http://"), 40*scale, true),
		widgets.SlideText("Code", 26*scale, false), code, qr)
	page := container.NewBorder(nil, nil, nil, join, left)
	return container.NewStack(widgets.Paper(), container.New(layout.NewCustomPaddedLayout(40*scale*2, 40*scale*2, 48*scale*2, 48*scale*2), page))
}
