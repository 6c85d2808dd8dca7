package livesession

import (
	"errors"
	"net"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// loopbackChoice is the address for trying a session on this computer only.
func loopbackChoice() string { return lang.L("127.0.0.1 — this computer only") }

// The chooser remembers the network and port of the last session that
// started, in the user's preferences: they belong to the laptop and its
// rooms, not to a database (another network's file is run in the same
// room on the same Wi-Fi).
const (
	prefLiveInterface = "live.interface" // the system's name (wlan0), or loopbackName
	prefLiveAddress   = "live.address"   // its address then (192.168.1.20)
	prefLivePort      = "live.port"
	loopbackName      = "loopback"
)

// lanInterfaces lists the laptop's networks for the chooser, and start
// starts what was chosen (tests give their networks and keep the run).
var lanInterfaces, start = live.LANInterfaces, Start

// lastChoice is the chooser's entry to select first: the interface used
// last while it is still there (same name and address, else the same
// name with a new address, as after a new DHCP lease), this computer only
// if that was last, else the likely one (the first). len(ifs) stands for
// this computer only.
func lastChoice(ifs []live.Interface, name, addr string) int {
	if name == loopbackName {
		return len(ifs)
	}
	byName := -1
	for i, ifc := range ifs {
		if ifc.Name != name || name == "" {
			continue
		}
		if ifc.Addr == addr {
			return i
		}
		if byName < 0 {
			byName = i
		}
	}
	return max(byName, 0)
}

// Ask asks where to serve participants (the laptop's network, or
// loopback) and starts sv's session; see Start for ended.
func Ask(sh *shell.Shell, sv data.Survey, ended func()) {
	if sv.ID == "" || sh.Presenting() {
		return
	}
	ifs := lanInterfaces()
	prefs := sh.App().Preferences()
	var choices []string
	picked := map[string]live.Interface{loopbackChoice(): {Name: loopbackName, Addr: "127.0.0.1"}}
	for _, i := range ifs {
		choices = append(choices, i.Label())
		picked[i.Label()] = i
	}
	choices = append(choices, loopbackChoice())
	where := widget.NewSelect(choices, nil)
	where.SetSelected(choices[lastChoice(ifs, prefs.String(prefLiveInterface), prefs.String(prefLiveAddress))])
	port := widgets.NewEntry()
	port.SetText(prefs.StringWithFallback(prefLivePort, live.DefaultPort))
	port.Validator = func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 1 || n > 65535 {
			return errors.New(lang.L("A port is a number from 1 to 65535."))
		}
		return nil
	}
	note := widget.NewLabel(networkNote(ifs))
	note.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Network"), where), widget.NewFormItem(lang.L("Port"), port), widget.NewFormItem("", note)}
	last, ran, err := live.FindLastRun(sh.Ctx(), sh.Store(), sv)
	if err != nil {
		sh.ShowError(err)
		return
	}
	var begin *widget.RadioGroup
	if ran {
		resume, again := beginChoices(last)
		begin = widget.NewRadioGroup([]string{resume, again}, nil)
		begin.SetSelected(again)
		if time.Since(last.Saved) < takeUpWithin {
			begin.SetSelected(resume)
		}
		items = append([]*widget.FormItem{widget.NewFormItem(lang.L("Begin"), begin)}, items...)
	}
	sh.ShowForm(shell.Form{
		// No size: the form's own, as wide as its widest item (560 at
		// least, so the note reads in lines) and as tall as its items.
		Title: lang.L("Run live: {{.Survey}}", map[string]any{"Survey": sv.Title}), Confirm: lang.L("Start"), Items: items,
		OnConfirm: func() bool {
			ifc, p := picked[where.Selected], strings.TrimSpace(port.Text)
			if begin != nil && begin.Selected != begin.Options[0] {
				if err := live.StartOver(sh.Ctx(), sh.Store(), sv.ID); err != nil {
					sh.ShowError(err)
					return false
				}
			}
			if _, err := start(sh, sv, net.JoinHostPort(ifc.Addr, p), ended); err != nil {
				sh.ShowMessage(lang.L("The session could not start"), err.Error()+"\n\n"+lang.L("If the port is taken, choose another one (8000–9999)."))
				return false // the form stays: another port is one edit away
			}
			prefs.SetString(prefLiveInterface, ifc.Name) // only what started is remembered
			prefs.SetString(prefLiveAddress, ifc.Addr)
			prefs.SetString(prefLivePort, p)
			return true
		},
	})
}

// takeUpWithin is how recent a last run is taken up by default: a run
// stopped by a crash or a break of the same meeting; an older one is a
// past meeting's, and the new run starts again.
const takeUpWithin = 4 * time.Hour

// beginChoices are the two ways to begin after an earlier run: where it
// stopped, or from the first question.
func beginChoices(last live.LastRun) (resume, again string) {
	resume = lang.L("Where the last run stopped: question {{.N}} of {{.Of}}", map[string]any{"N": last.Question + 1, "Of": last.Questions})
	if last.Locked > 0 {
		resume += ", " + lang.L("{{.N}} locked", map[string]any{"N": last.Locked})
	}
	if !last.Saved.IsZero() {
		resume += last.Saved.Local().Format(" (2 Jan, 15:04)")
	}
	return resume, lang.L("From the first question, voting open (the answers received stay)")
}

// networkNote tells where phones must be, and says so plainly when the
// laptop is on no network at all (phones then cannot reach it).
func networkNote(ifs []live.Interface) string {
	after := " " + lang.L("Nothing is served until you start, and the server stops when the session ends or the app closes.")
	if len(ifs) == 0 {
		return lang.L("This laptop is on no network at all (only itself, 127.0.0.1): phones cannot reach it.") + " " +
			lang.L("Join the room's Wi-Fi, plug in a cable or turn on the laptop's hotspot, then open this again — or try the session on this computer only.") + after
	}
	return lang.L("Participants' phones must be on the same network as this laptop: its hotspot, the Wi-Fi it is on, or its cable's network.") + " " +
		lang.L("The likely one is first; the network and port of your last session are chosen while that network is still there.") + after
}
