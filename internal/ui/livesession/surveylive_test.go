package livesession

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

func TestRunLiveFromTheSurveysScreen(t *testing.T) {
	sh := newTestShell(t, true)
	sv, err := survey.ImportTemplate(sh.Ctx(), sh.Store(), sh.Network().ID, "../../assets/examples/survey-template.csv", "Online Academy 4")
	if err != nil {
		t.Fatal(err)
	}
	v := sh.ViewAt(6).(*surveysView)
	v.Reload()
	v.selectID(sv.ID)
	if err := v.results.startLive("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	l := sh.live
	if l == nil || sh.Window().MainMenu() != nil {
		t.Fatal("the presenter is not up")
	}
	if !slideHas(l, l.se.Code[:3]+" "+l.se.Code[3:]) || !slideHas(l, strings.TrimPrefix(l.srv.URL(), "http://")) {
		t.Fatal("the presenter does not show the code and the address")
	}
	// A phone joins and votes; the presenter shows the count.
	jar, _ := cookiejar.New(nil)
	phone := &http.Client{Jar: jar}
	phone.PostForm(l.srv.URL()+"join", url.Values{"code": {l.se.Code}})
	if resp, err := phone.PostForm(l.srv.URL()+"vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); err != nil || resp.StatusCode != 200 {
		t.Fatalf("vote: %v %v", resp, err)
	}
	l.refresh()
	if !slideHas(l, "● voting open · 1 answers") || !slideHas(l, "1 · 100.0 %") {
		t.Fatal("the presenter does not show the vote")
	}
	key := func(k fyne.KeyName) { sh.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyRight)
	key(fyne.KeyO)
	if st := l.se.State(); st.Question != 1 || st.Open {
		t.Fatalf("after → and O: %+v", st)
	}
	if !slideHas(l, "voting closed · 0 answers") {
		t.Fatal("the presenter does not say voting is closed")
	}
	key(fyne.KeyEscape)
	if topOverlay(sh) == nil {
		t.Fatal("Esc did not ask before ending")
	}
	key(fyne.KeyEscape) // stay
	if topOverlay(sh) != nil || sh.live == nil {
		t.Fatal("Esc on the question did not keep the session")
	}
	key(fyne.KeyEscape)
	key(fyne.KeyReturn) // end
	if sh.live != nil || sh.Window().MainMenu() == nil {
		t.Fatal("the window did not come back")
	}
	if _, err := http.Get(l.srv.URL()); err == nil {
		t.Fatal("the server still answers after the end")
	}
	if v.results.sv.Respondents != 1 {
		t.Fatalf("the results screen shows %d respondents", v.results.sv.Respondents)
	}
}

// slideHas tells whether the presenter drawn at 1920×1080 shows text.
func slideHas(l *liveRun, text string) bool { return slideShows(l.render(widgets.SlideSize), text) }
