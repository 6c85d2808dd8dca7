// Package roadmapview is the roadmap area: the network's months with its
// meetings, ULG meetings, testing actions and milestones, full screen for
// the room, and the editors of the meetings and milestones it is drawn from.
package roadmapview

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Area is the roadmap.
func Area() shell.Area {
	return shell.Area{ID: "roadmap", Title: "Roadmap", Icon: theme.CalendarIcon(),
		Build: func(sh *shell.Shell) shell.View { return newRoadmapView(sh) }}
}

// roadmapView is the network's roadmap — months across; network meetings,
// each partner's ULG meetings against the target of eight, testing
// actions, action-plan and Lead Expert milestones down — with the editors
// of the meetings and milestones it is drawn from.
type roadmapView struct {
	sh         *shell.Shell
	r          roadmap.Roadmap
	table      *widget.Table
	tabs       *container.AppTabs
	meetings   *meetingsEditor
	milestones *milestonesEditor
	obj        fyne.CanvasObject
}

const (
	roadmapLabelWidth = 380
	roadmapMonthWidth = 86
)

func newRoadmapView(sh *shell.Shell) *roadmapView {
	v := &roadmapView{sh: sh}
	v.table = widget.NewTable(func() (int, int) { return len(v.r.Rows), len(v.r.Months) + 1 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			row := v.r.Rows[id.Row]
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Col == 0
			l.Importance = widget.MediumImportance
			if id.Col == 0 {
				if row.Due > 0 {
					l.Importance = widget.WarningImportance
				}
				l.SetText(row.Label)
				return
			}
			l.SetText(shortTitles(row.Cells[id.Col-1]))
		})
	v.table.ShowHeaderRow = true
	v.table.StickyColumnCount = 1
	v.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col <= 0 || id.Col > len(v.r.Months) {
			l.SetText("")
			return
		}
		l.SetText(v.r.Months[id.Col-1].Format("Jan 06"))
	}
	v.table.OnSelected = v.openCell
	v.table.SetColumnWidth(0, roadmapLabelWidth)
	note := widget.NewLabel("Months across; network meetings, ULG meetings per partner (target eight), testing actions and milestones down. Click a meeting to edit it.")
	note.Wrapping = fyne.TextWrapWord
	present := widgets.NewButtonWithIcon("Present", theme.ComputerIcon(), v.Present)
	roadmapTab := container.NewBorder(container.NewBorder(nil, nil, nil, present, note), nil, nil, nil, v.table)
	v.meetings = newMeetingsEditor(sh, v.Reload)
	v.milestones = newMilestonesEditor(sh, v.Reload)
	v.tabs = container.NewAppTabs(container.NewTabItem("Roadmap", roadmapTab),
		container.NewTabItem("Meetings", v.meetings.obj), container.NewTabItem("Milestones", v.milestones.obj))
	v.obj = v.tabs
	v.Reload()
	return v
}

func (v *roadmapView) Object() fyne.CanvasObject { return v.obj }

// The meeting being edited is what the roadmap can hold unsaved: the
// shell asks about it before anything leaves or reloads the area.
func (v *roadmapView) Unsaved() string { return v.meetings.Unsaved() }
func (v *roadmapView) Save() bool      { return v.meetings.Save() }
func (v *roadmapView) Discard()        { v.meetings.Discard() }
func (v *roadmapView) Flush() error    { return v.meetings.Flush() }

// New starts a meeting on the Meetings tab, a milestone on the Milestones
// tab (Ctrl+N).
func (v *roadmapView) New() {
	if v.tabs.SelectedIndex() == 2 {
		v.milestones.startNew()
		return
	}
	v.sh.Leave(v.meetings, func() { v.tabs.SelectIndex(1); v.meetings.startNew() }, nil)
}

// Reload reads once what the roadmap and both editors show.
func (v *roadmapView) Reload() {
	in, err := roadmap.Load(v.sh.Ctx(), v.sh.Store(), v.sh.Network())
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	themes, err := v.sh.Store().Themes(v.sh.Ctx(), v.sh.Network().ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.meetings.set(in.Meetings, in.Partners, themes)
	v.milestones.set(in.Milestones)
	v.r = roadmap.Build(in)
	for i := range v.r.Months {
		v.table.SetColumnWidth(i+1, roadmapMonthWidth)
	}
	v.table.Refresh()
}

// openCell opens the meeting a roadmap cell shows in the meetings editor.
func (v *roadmapView) openCell(id widget.TableCellID) {
	v.table.UnselectAll()
	if id.Col < 1 || id.Row >= len(v.r.Rows) {
		return
	}
	row := v.r.Rows[id.Row]
	titles := row.Cells[id.Col-1]
	if len(titles) == 0 || (row.Section != roadmap.SectionMeetings && row.Section != roadmap.SectionULG) {
		return
	}
	i := slices.IndexFunc(v.meetings.meetings, func(m data.Meeting) bool { return m.Title == titles[0] })
	if i < 0 {
		return
	}
	meetingID := v.meetings.meetings[i].ID // a save may re-sort the list before we get there
	v.sh.Leave(v.meetings, func() {
		v.tabs.SelectIndex(1)
		v.meetings.selectID(meetingID)
	}, nil)
}

// shortNames are the short forms the roadmap's narrow cells use for the
// kinds of meeting; the slides explain those they show (abbreviations).
var shortNames = [][2]string{{"Core Network Meeting", "CNM"}, {"Online Academy", "OA"}, {"Masterclass", "MC"},
	{"Agents in Action Meeting", "AiA"}, {"Horizontal Hub Meeting", "Hub"}, {"ULG meeting", "ULG"}}

var titleShortener = func() *strings.Replacer {
	var pairs []string
	for _, p := range shortNames {
		pairs = append(pairs, p[0], p[1])
	}
	return strings.NewReplacer(pairs...)
}()

// shortTitles fits a month's meetings in a narrow cell.
func shortTitles(titles []string) string {
	out := make([]string, len(titles))
	for i, t := range titles {
		short := titleShortener.Replace(t)
		if before, _, found := strings.Cut(short, " – "); found && strings.HasPrefix(short, "ULG") {
			short = before // the row already names the partner
		}
		out[i] = short
	}
	return strings.Join(out, ", ")
}
