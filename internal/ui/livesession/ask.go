package livesession

import (
	"errors"
	"net"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// loopbackChoice is the address for trying a session on this computer only.
const loopbackChoice = "127.0.0.1 — this computer only"

// Ask asks where to serve participants (the laptop's network, or
// loopback) and starts sv's session; see Start for ended.
func Ask(sh *shell.Shell, sv data.Survey, ended func()) {
	if sv.ID == "" || sh.Presenting() {
		return
	}
	ifs := live.LANInterfaces()
	var choices []string
	hosts := map[string]string{loopbackChoice: "127.0.0.1"}
	for _, i := range ifs {
		choices = append(choices, i.Label())
		hosts[i.Label()] = i.Addr
	}
	choices = append(choices, loopbackChoice)
	where := widget.NewSelect(choices, nil)
	where.SetSelected(choices[0])
	port := widgets.NewEntry()
	port.SetText(live.DefaultPort)
	port.Validator = func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 1 || n > 65535 {
			return errors.New("a port is a number from 1 to 65535")
		}
		return nil
	}
	note := widget.NewLabel(networkNote(ifs))
	note.Wrapping = fyne.TextWrapWord
	sh.ShowForm(shell.Form{
		Title: "Run live: " + sv.Title, Confirm: "Start", Size: fyne.NewSize(640, 320),
		Items: []*widget.FormItem{widget.NewFormItem("Network", where), widget.NewFormItem("Port", port), widget.NewFormItem("", note)},
		OnConfirm: func() bool {
			host := hosts[where.Selected]
			if _, err := Start(sh, sv, net.JoinHostPort(host, strings.TrimSpace(port.Text)), ended); err != nil {
				sh.ShowMessage("The session could not start", err.Error()+"\n\nIf the port is taken, choose another one (8000–9999).")
				return false // the form stays: another port is one edit away
			}
			return true
		},
	})
}

// networkNote tells where phones must be, and says so plainly when the
// laptop is on no network at all (phones then cannot reach it).
func networkNote(ifs []live.Interface) string {
	const after = " Nothing is served until you start, and the server stops when the session ends or the app closes."
	if len(ifs) == 0 {
		return "This laptop is on no network at all (only itself, 127.0.0.1): phones cannot reach it. " +
			"Join the room's Wi-Fi, plug in a cable or turn on the laptop's hotspot, then open this again — or try the session on this computer only." + after
	}
	return "Participants' phones must be on the same network as this laptop: its hotspot, the Wi-Fi it is on, or its cable's network. " +
		"The likely one is first." + after
}
