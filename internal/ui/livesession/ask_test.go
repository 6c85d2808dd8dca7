package livesession

import (
	"image/png"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func TestTheNetworkNoteSaysWhenThereIsNoNetwork(t *testing.T) {
	if n := networkNote(nil); !strings.Contains(n, "on no network at all") || !strings.Contains(n, "phones cannot reach it") {
		t.Fatalf("no network: %q", n)
	}
	if n := networkNote([]live.Interface{{Name: "wlan0", Kind: live.KindWiFi, Addr: "192.168.1.20"}}); strings.Contains(n, "no network") {
		t.Fatalf("with a network: %q", n)
	}
}

// chooser opens Run live with these networks and returns what it offers
// first: the network selected and the port.
func chooser(t *testing.T, sh *shell.Shell, sv data.Survey, ifs []live.Interface) (*widget.Select, *widget.Entry) {
	t.Helper()
	lanInterfaces = func() []live.Interface { return ifs }
	Ask(sh, sv, nil)
	form := uitest.TopOverlay(sh)
	where, ok := uitest.Find(form, func(*widget.Select) bool { return true })
	if !ok {
		t.Fatal("no network choice in Run live")
	}
	port, ok := uitest.FindEntry(form, func(*widget.Entry) bool { return true })
	if !ok {
		t.Fatal("no port in Run live")
	}
	return where, port
}

// Run live offers the network and port of the last session that started;
// when that interface is gone it falls back to the likely one (first), and
// an interface whose address changed is still the one chosen.
func TestRunLiveOffersTheLastNetworkAndPort(t *testing.T) {
	sh := uitest.NewShell(t, true)
	sv := templateSurvey(t, sh)
	was, wasStart := lanInterfaces, start
	var runs []*Run
	start = func(sh *shell.Shell, sv data.Survey, addr string, ended func()) (*Run, error) {
		l, err := Start(sh, sv, addr, ended)
		if err == nil {
			runs = append(runs, l)
		}
		return l, err
	}
	t.Cleanup(func() {
		lanInterfaces, start = was, wasStart
		for _, l := range runs {
			l.stop()
		}
	})
	// Loopback addresses other than 127.0.0.1 stand for the laptop's networks: the test can listen on them.
	wifi := live.Interface{Name: "wlan0", Kind: live.KindWiFi, Addr: "127.0.0.2"}
	cable := live.Interface{Name: "eth0", Kind: live.KindEthernet, Addr: "127.0.0.3"}
	free := freePort(t, cable.Addr)

	where, port := chooser(t, sh, sv, []live.Interface{wifi, cable})
	if where.Selected != wifi.Label() || port.Text != live.DefaultPort {
		t.Fatalf("first time: %q port %q, want the likely one and %s", where.Selected, port.Text, live.DefaultPort)
	}
	where.SetSelected(cable.Label())
	port.SetText(free)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Start"))
	if len(runs) != 1 || !strings.Contains(runs[0].URL(), cable.Addr+":"+free) {
		t.Fatalf("the session did not start on the cable's network: %d runs", len(runs))
	}
	runs[0].End()

	where, port = chooser(t, sh, sv, []live.Interface{wifi, cable})
	if where.Selected != cable.Label() || port.Text != free {
		t.Fatalf("after a session on the cable: %q port %q, want %q port %s", where.Selected, port.Text, cable.Label(), free)
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Cancel"))

	// A new lease: eth0 has another address; still the one offered.
	moved := live.Interface{Name: "eth0", Kind: live.KindEthernet, Addr: "127.0.0.4"}
	where, _ = chooser(t, sh, sv, []live.Interface{wifi, moved})
	if where.Selected != moved.Label() {
		t.Fatalf("eth0 with a new address: %q offered, want %q", where.Selected, moved.Label())
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Cancel"))

	// The cable unplugged: the likely network, and the port kept.
	where, port = chooser(t, sh, sv, []live.Interface{wifi})
	if where.Selected != wifi.Label() || port.Text != free {
		t.Fatalf("eth0 gone: %q port %q, want %q port %s", where.Selected, port.Text, wifi.Label(), free)
	}
	// This computer only, chosen and started, is offered again.
	where.SetSelected(loopbackChoice())
	port.SetText(freePort(t, "127.0.0.1"))
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Start"))
	if len(runs) != 2 {
		t.Fatal("the session on this computer did not start")
	}
	runs[1].End()
	if where, _ = chooser(t, sh, sv, []live.Interface{wifi}); where.Selected != loopbackChoice() {
		t.Fatalf("after a session on this computer: %q offered", where.Selected)
	}
}

// A failed start is not remembered: the port taken stays out of the next offer.
func TestRunLiveForgetsAPortThatDidNotStart(t *testing.T) {
	sh := uitest.NewShell(t, true)
	sv := templateSurvey(t, sh)
	was := lanInterfaces
	t.Cleanup(func() { lanInterfaces = was })
	taken, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	wifi := live.Interface{Name: "wlan0", Kind: live.KindWiFi, Addr: "127.0.0.2"}
	_, port := chooser(t, sh, sv, []live.Interface{wifi})
	_, busy, _ := net.SplitHostPort(taken.Addr().String())
	port.SetText(busy)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Start"))
	if sh.Presenting() {
		t.Fatal("a session started on a port that is taken")
	}
	if got := sh.App().Preferences().String(prefLivePort); got != "" {
		t.Fatalf("the taken port %q was remembered", got)
	}
}

// freePort is a port nobody listens on at addr just now.
func freePort(t *testing.T, addr string) string {
	t.Helper()
	ln, err := net.Listen("tcp", addr+":0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, p, _ := net.SplitHostPort(ln.Addr().String())
	return p
}

// After an earlier live run, Run live asks where to begin (a recent run
// is taken up by default, as after a crash); starting again begins at the
// first question with voting open and no lock, and keeps the presenter's
// way of working (results hidden, the words to hide). A survey that never
// ran live is not asked about.
func TestRunLiveAsksWhereToBeginAfterAnEarlierRun(t *testing.T) {
	sh := uitest.NewShell(t, true)
	sv := templateSurvey(t, sh)
	was, wasStart := lanInterfaces, start
	var began []live.State
	start = func(sh *shell.Shell, sv data.Survey, addr string, ended func()) (*Run, error) {
		se, err := live.NewSession(sh.Ctx(), sh.Store(), sv)
		if err != nil {
			return nil, err
		}
		began = append(began, se.State())
		se.End()
		return nil, nil
	}
	t.Cleanup(func() { lanInterfaces, start = was, wasStart })
	ifs := []live.Interface{{Name: "wlan0", Kind: live.KindWiFi, Addr: "127.0.0.2"}}

	chooser(t, sh, sv, ifs)
	if _, ok := uitest.Find(uitest.TopOverlay(sh), func(*widget.RadioGroup) bool { return true }); ok {
		t.Fatal("a survey that never ran live is asked where to begin")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Cancel"))

	if err := sh.Store().SaveLiveControls(sh.Ctx(), sv.ID, `{"question":2,"open":false,"locked":[1,2],"show_results":false,"qa":true,"filter":{"stop_words":true,"hide":["Begroting"]}}`); err != nil {
		t.Fatal(err)
	}
	begin := func() *widget.RadioGroup {
		chooser(t, sh, sv, ifs)
		g, ok := uitest.Find(uitest.TopOverlay(sh), func(*widget.RadioGroup) bool { return true })
		if !ok {
			t.Fatal("Run live does not ask where to begin after an earlier run")
		}
		return g
	}
	g := begin()
	if !strings.HasPrefix(g.Selected, "Where the last run stopped: question 3 of ") || !strings.Contains(g.Selected, ", 2 locked") {
		t.Fatalf("a run stopped a moment ago is not taken up by default: %q of %q", g.Selected, g.Options)
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Start"))
	if len(began) != 1 || began[0].Question != 2 || began[0].Open {
		t.Fatalf("taken up: %+v", began)
	}

	g = begin()
	g.SetSelected(g.Options[1])
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Start"))
	if len(began) != 2 {
		t.Fatalf("%d runs began", len(began))
	}
	st := began[1]
	if st.Question != 0 || !st.Open || st.Locked || st.QA || st.ShowResults || !st.Filter.StopWords || strings.Join(st.Filter.Hide, ",") != "begroting" {
		t.Errorf("started again: %+v", st)
	}
}

// A run saved long ago (a past meeting's) starts again by default.
func TestTheBeginChoicesSayWhereTheLastRunStopped(t *testing.T) {
	resume, again := beginChoices(live.LastRun{Question: 0, Questions: 7})
	if resume != "Where the last run stopped: question 1 of 7" || !strings.HasPrefix(again, "From the first question") {
		t.Errorf("%q / %q", resume, again)
	}
}

// Run live is as large as what it asks, no larger, in the middle of the
// screen: the review saw it 640×640 on a 1366×768 screen (its wrapped
// note measured before it had a width), half of it empty, and 640×400
// with Begin. Drawn to LIVE_PNG when that names a folder, to look at.
func TestRunLiveIsAsLargeAsItsContent(t *testing.T) {
	sh := uitest.NewShell(t, true)
	sh.Window().Resize(fyne.NewSize(1366, 768))
	sv := templateSurvey(t, sh)
	was := lanInterfaces
	t.Cleanup(func() { lanInterfaces = was })
	ifs := []live.Interface{{Name: "wlan0", Kind: live.KindWiFi, Addr: "192.168.1.20"}, {Name: "enp0s31f6", Kind: live.KindEthernet, Addr: "10.0.0.7"}}
	for _, name := range []string{"run-live", "run-live-begin"} {
		if name == "run-live-begin" { // after a run: where to begin is asked too
			if err := sh.Store().SaveLiveControls(sh.Ctx(), sv.ID, `{"question":2,"open":true}`); err != nil {
				t.Fatal(err)
			}
		}
		chooser(t, sh, sv, ifs)
		popUp, ok := uitest.Find(uitest.TopOverlay(sh), func(*widget.PopUp) bool { return true })
		if !ok {
			t.Fatalf("Run live is no dialog: %T", uitest.TopOverlay(sh))
		}
		if dir := os.Getenv("LIVE_PNG"); dir != "" {
			f, err := os.Create(filepath.Join(dir, name+"-1366x768.png"))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, sh.Window().Canvas().Capture())
			f.Close()
		}
		size, least := popUp.Content.Size(), popUp.Content.MinSize()
		if size.Height > least.Height+1 || size.Width > max(least.Width, 560)+1 {
			t.Errorf("%s is %.0f×%.0f, its content needs %.0f×%.0f", name, size.Width, size.Height, least.Width, least.Height)
		}
		screen := sh.Window().Canvas().Size()
		if dy := popUp.Position().Y + popUp.Size().Height/2 - screen.Height/2; dy > 2 || dy < -2 {
			t.Errorf("%s is %.0f px off the middle of the screen", name, dy)
		}
		test.Tap(uitest.ButtonIn(t, popUp, "Cancel"))
	}
}
