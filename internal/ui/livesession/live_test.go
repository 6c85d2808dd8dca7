package livesession

import (
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// templateSurvey is the example template's survey in the demo network.
func templateSurvey(t *testing.T, sh *shell.Shell) data.Survey {
	t.Helper()
	sv, err := survey.ImportTemplate(sh.Ctx(), sh.Store(), sh.Network().ID, "../../../assets/examples/survey-template.csv", "Online Academy 4")
	if err != nil {
		t.Fatal(err)
	}
	return sv
}

// A survey an import named after its file ("online-academy-2.csv") is
// titled as the room reads it, on the slide and in the controls.
func TestASurveyNamedAfterItsFileHasAReadableTitle(t *testing.T) {
	sh := quietShell(t)
	b, err := os.ReadFile("../../../assets/examples/survey-template.csv")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "online-academy-2.csv")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	sv, err := survey.ImportTemplate(sh.Ctx(), sh.Store(), sh.Network().ID, path, "") // no title given: the file's
	if err != nil {
		t.Fatal(err)
	}
	l := startOn(t, sh, sv)
	if !slideHas(l, "Question 1 of 6 · Online academy 2") {
		t.Fatalf("the slide's title is not readable: %q", slidefit.Texts(l.render(sizes[0])))
	}
	if got := l.ctl.win.Title(); got != "Live controls — Online academy 2" {
		t.Fatalf("the controls window is titled %q", got)
	}
	uitest.Key(sh, fyne.KeyQ)
	if !slideHas(l, "Q&A · Online academy 2") {
		t.Fatal("the Q&A's title is not readable")
	}
	for _, s := range slidefit.Texts(l.render(sizes[0])) {
		if strings.Contains(s, "online-academy") {
			t.Errorf("the slide shows the file's name: %q", s)
		}
	}
	snap(t, l, "readable-title-qa")
}

// joined is a phone that joined the session.
func joined(t *testing.T, l *Run) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	phone := &http.Client{Jar: jar}
	if _, err := phone.PostForm(l.URL()+"join", url.Values{"code": {l.se.Code()}}); err != nil {
		t.Fatal(err)
	}
	return phone
}

func TestPresenterFollowsVotesAndEnds(t *testing.T) {
	sh := uitest.NewShell(t, true)
	every := followEvery
	followEvery = time.Hour // this test presses keys and draws (l.refresh), not the follow loop
	t.Cleanup(func() { followEvery = every })
	ended := 0
	l, err := Start(sh, templateSurvey(t, sh), "127.0.0.1:0", func() { ended++ })
	if err != nil {
		t.Fatal(err)
	}
	if !sh.Presenting() || sh.Window().MainMenu() != nil {
		t.Fatal("the presenter is not up")
	}
	if !slideHas(l, l.se.Code()[:3]+" "+l.se.Code()[3:]) || !slideHas(l, strings.TrimPrefix(l.URL(), "http://")) {
		t.Fatal("the presenter does not show the code and the address")
	}
	// A phone joins and votes; the presenter shows the count.
	phone := joined(t, l)
	if resp, err := phone.PostForm(l.URL()+"vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); err != nil || resp.StatusCode != 200 {
		t.Fatalf("vote: %v %v", resp, err)
	}
	l.refresh()
	if !slideHas(l, "Voting open · 1 answer") || !slideHas(l, "1 · 100 %") {
		t.Fatal("the presenter does not show the vote")
	}
	uitest.Key(sh, fyne.KeyRight)
	uitest.Key(sh, fyne.KeyO)
	if st := l.se.State(); st.Question != 1 || st.Open {
		t.Fatalf("after → and O: %+v", st)
	}
	if !slideHas(l, "Voting closed · 0 answers") {
		t.Fatal("the presenter does not say voting is closed")
	}
	uitest.Key(sh, fyne.KeyEscape)
	if !uitest.TextIn(uitest.TopOverlay(sh), "End the session?") {
		t.Fatal("Esc did not ask on the slide before ending")
	}
	uitest.Key(sh, fyne.KeyEscape) // stay
	if uitest.TopOverlay(sh) != nil || !sh.Presenting() {
		t.Fatal("Esc on the question did not keep the session")
	}
	controlsKey := func(k fyne.KeyName) { l.ctl.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	controlsKey(fyne.KeyEscape) // the same keys in the controls window; the question shows on the slide
	if !uitest.TextIn(uitest.TopOverlay(sh), "End the session?") {
		t.Fatal("Esc in the controls window did not ask on the slide before ending")
	}
	controlsKey(fyne.KeyEscape)
	if uitest.TopOverlay(sh) != nil || !sh.Presenting() {
		t.Fatal("Esc in the controls window did not keep the session")
	}
	uitest.Key(sh, fyne.KeyEscape)
	uitest.Key(sh, fyne.KeyReturn) // end
	if sh.Presenting() || sh.Window().MainMenu() == nil || ended != 1 {
		t.Fatalf("the window did not come back (ended %d times)", ended)
	}
	if _, err := http.Get(l.URL()); err == nil {
		t.Fatal("the server still answers after the end")
	}
	assertFollowEnded(t, l)
	l.End() // a second end (a key pressed twice) does nothing
	if ended != 1 {
		t.Fatal("the session ended twice")
	}
}

// The app's stop sequence calls what the session registered with Track:
// every vote a phone was told was saved is in the store afterwards, and
// the follow loop has let go of the store before it is closed.
func TestStoppingTheAppStoresEveryVote(t *testing.T) {
	sh := uitest.NewShell(t, true)
	sv := templateSurvey(t, sh)
	l, err := Start(sh, sv, "127.0.0.1:0", func() { t.Error("ended ran when the app stopped") })
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	saved := 0
	for range 20 {
		phone := joined(t, l)
		// The phone is told its vote is saved by the 303 to /?m=saved; the
		// page after it may find the server stopped, which says nothing of the vote.
		phone.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := phone.PostForm(l.URL()+"vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}})
			if err == nil && resp.StatusCode == http.StatusSeeOther && resp.Header.Get("Location") == "/?m=saved" {
				mu.Lock()
				saved++
				mu.Unlock()
			}
		}()
	}
	time.Sleep(20 * time.Millisecond) // votes in flight when the app stops
	l.stop()                          // what the shell's stop sequence runs (Track)
	wg.Wait()
	assertFollowEnded(t, l)
	got, err := sh.Store().SurveyByIDOrTitle(sh.Ctx(), sh.Network().ID, sv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if saved == 0 || got.Respondents != saved {
		t.Fatalf("%d votes were confirmed to phones, the store holds %d respondents", saved, got.Respondents)
	}
}

func assertFollowEnded(t *testing.T, l *Run) {
	t.Helper()
	select {
	case <-l.follows:
	case <-time.After(2 * time.Second):
		t.Fatal("the follow loop still runs after the session stopped")
	}
}

// slideHas tells whether the presenter drawn at 1920×1080 shows text.
func slideHas(l *Run, text string) bool { return uitest.TextIn(l.render(widgets.SlideSize), text) }

// Many wrong join codes from many addresses (127.0.0.2…: all of 127/8 is
// loopback on Linux) put a notice on the slide; C draws a new code: the
// slide and the QR code's address show it, the joined phone stays.
func TestWrongCodesNoticeAndNewCode(t *testing.T) {
	sh := quietShell(t)
	l := startOn(t, sh, templateSurvey(t, sh))
	phone := joined(t, l)
	old, oldURL := l.se.Code(), l.srv.JoinURL()
	wrong := "000000"
	if old == wrong {
		wrong = "111111"
	}
	var wg sync.WaitGroup
	for a := 2; a < 2+int(live.DefaultLimits.FailBurst)/2+10; a++ { // two wrong codes each: past the budget
		wg.Go(func() {
			d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(a))}}
			c := &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
			defer c.CloseIdleConnections()
			for range 2 {
				if resp, err := c.PostForm(l.URL()+"join", url.Values{"code": {wrong}}); err == nil {
					resp.Body.Close()
				}
			}
		})
	}
	wg.Wait()
	l.refresh()
	if !slideHas(l, "wrong join codes: someone may be guessing") {
		t.Fatal("no notice of the wrong codes on the slide")
	}
	uitest.Key(sh, fyne.KeyC)
	code := l.se.Code()
	if code == old || l.srv.JoinURL() == oldURL || !slideHas(l, code[:3]+" "+code[3:]) || slideHas(l, "someone may be guessing") {
		t.Fatalf("after C: code %s (was %s), join address %s", code, old, l.srv.JoinURL())
	}
	if resp, err := phone.PostForm(l.URL()+"vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); err != nil || resp.StatusCode != 200 {
		t.Fatalf("the joined phone's vote after the new code: %v %v", resp, err)
	}
}
