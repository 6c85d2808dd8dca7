package livesession

import (
	"net"
	"strings"
	"testing"

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
	where.SetSelected(loopbackChoice)
	port.SetText(freePort(t, "127.0.0.1"))
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Start"))
	if len(runs) != 2 {
		t.Fatal("the session on this computer did not start")
	}
	runs[1].End()
	if where, _ = chooser(t, sh, sv, []live.Interface{wifi}); where.Selected != loopbackChoice {
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
