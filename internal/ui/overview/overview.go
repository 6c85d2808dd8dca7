package overview

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/partners"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Area is the network overview, the first screen of a network.
func Area() shell.Area {
	return shell.Area{ID: "overview", Title: "Network overview", Icon: theme.HomeIcon(),
		Build: func(sh *shell.Shell) shell.View { return newOverview(sh) }}
}

// overviewView shows the network at a glance: who, when, key figures and
// the next meeting.
type overviewView struct {
	sh      *shell.Shell
	title   *canvas.Text
	details *widget.Label
	figures *fyne.Container
	meeting *widget.Label
	obj     fyne.CanvasObject
	today   func() time.Time
}

func newOverview(sh *shell.Shell) *overviewView {
	v := &overviewView{sh: sh, today: time.Now}
	v.title = canvas.NewText("", theme.Color(theme.ColorNamePrimary))
	v.title.TextSize = theme.TextSize() * 2
	v.title.TextStyle.Bold = true
	v.details = widget.NewLabel("")
	v.details.Wrapping = fyne.TextWrapWord
	v.figures = container.NewGridWrap(fyne.NewSize(170, 84))
	v.meeting = widget.NewLabel("")
	v.meeting.Wrapping = fyne.TextWrapWord
	edit := widgets.NewButtonWithIcon("Edit network details…", theme.DocumentCreateIcon(), sh.EditNetwork)
	v.obj = widgets.VScroll(container.NewPadded(container.NewVBox(
		container.NewBorder(nil, nil, nil, edit, v.title), v.details,
		widget.NewCard("", "Key figures", v.figures),
		widget.NewCard("", "Next meeting", v.meeting),
	)))
	v.Reload()
	return v
}

func (v *overviewView) Object() fyne.CanvasObject { return v.obj }

func (v *overviewView) Reload() {
	sh, n := v.sh, v.sh.Network()
	v.title.Text = n.Name
	v.title.Refresh()
	ps, err := sh.Store().Partners(sh.Ctx(), n.ID)
	if err != nil {
		sh.ShowError(err)
		return
	}
	lead := "no lead partner yet"
	for _, p := range ps {
		if p.IsLead() {
			lead = p.Name
			if p.Country != "" {
				lead += " (" + p.Country + ")"
			}
		}
	}
	lines := []string{
		"Programme: " + widgets.OrDash(n.Programme) + "    Acronym: " + widgets.OrDash(n.Acronym),
		"Lead partner: " + lead,
		"Lead expert: " + widgets.OrDash(n.LeadExpert),
		"Runs: " + widgets.DateRange(n.StartDate, n.EndDate),
	}
	if n.Description != "" {
		lines = append(lines, "", n.Description)
	}
	v.details.SetText(strings.Join(lines, "\n"))

	f, err := sh.Store().NetworkFigures(sh.Ctx(), n.ID)
	if err != nil {
		sh.ShowError(err)
		return
	}
	v.figures.Objects = []fyne.CanvasObject{
		figureTile(fmt.Sprint(f.Partners), "partners"),
		figureTile(fmt.Sprint(f.Countries), "countries"),
		figureTile(partners.FormatWholeNumber(f.Population), "inhabitants in all"),
		figureTile(partners.FormatWholeNumber(f.CivilServants), "civil servants"),
		figureTile(fmt.Sprint(f.GoodPractices), "good practices"),
		figureTile(fmt.Sprint(f.KnowledgeNeeds), "knowledge needs"),
		figureTile(fmt.Sprint(f.Meetings), "meetings"),
	}
	v.figures.Refresh()
	v.meeting.SetText(v.meetingText(ps))
}

// meetingText describes the next meeting, or the last one when none is planned.
func (v *overviewView) meetingText(ps []data.Partner) string {
	sh := v.sh
	today := v.today().Format("2006-01-02")
	m, err := sh.Store().NextMeeting(sh.Ctx(), sh.Network().ID, today)
	if errors.Is(err, data.ErrNotFound) {
		last, lerr := sh.Store().LastMeeting(sh.Ctx(), sh.Network().ID, today)
		if lerr != nil {
			return "No meetings yet."
		}
		return fmt.Sprintf("No meeting planned after today. The last was %s, %s, %s.", last.Title, widgets.DateRange(last.StartDate, last.EndDate), widgets.OrDash(last.Place))
	}
	if err != nil {
		return err.Error()
	}
	names := map[string]string{}
	for _, p := range ps {
		names[p.ID] = p.Name
	}
	var hosts []string
	for _, id := range m.HostIDs {
		hosts = append(hosts, names[id])
	}
	text := fmt.Sprintf("%s\n%s — %s", m.Title, widgets.DateRange(m.StartDate, m.EndDate), widgets.OrDash(m.Place))
	if len(hosts) > 0 {
		text += "\nHosted by " + strings.Join(hosts, " and ")
	}
	return text
}

func figureTile(value, caption string) fyne.CanvasObject {
	big := canvas.NewText(value, theme.Color(theme.ColorNameForeground))
	big.TextSize = theme.TextSize() * 2.2
	big.TextStyle.Bold = true
	small := widget.NewLabel(caption)
	return container.NewVBox(big, small)
}
