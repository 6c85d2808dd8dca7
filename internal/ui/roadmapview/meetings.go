package roadmapview

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/choice"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// meetingKinds name the kinds of meeting as the editor offers them.
var meetingKinds = choice.List{
	{Label: "Core Network Meeting", Value: data.MeetingCoreNetwork}, {Label: "Online Academy", Value: data.MeetingOnlineAcademy},
	{Label: "ULG meeting", Value: data.MeetingULG}, {Label: "Masterclass", Value: data.MeetingMasterclass},
	{Label: "Thematic working group", Value: data.MeetingThematicWorkGroup}, {Label: "Peer review", Value: data.MeetingPeerReview},
	{Label: "Partner meeting", Value: data.MeetingPartner}, {Label: "Other", Value: data.MeetingOther},
}

// meetingsEditor lists the network's meetings and edits one: kind, number,
// dates, place or online, hosts, themes, and for a ULG meeting whether its
// report and attendance sheet came in.
type meetingsEditor struct {
	sh       *shell.Shell
	meetings []data.Meeting
	partners []data.Partner
	themes   []data.Theme
	current  int
	list     *widget.List

	kind                         *widget.Select
	title, number, place, detail *widget.Entry
	start, end                   *widgets.DateEntry
	online, report, attendance   *widget.Check
	hosts, topics                *widget.CheckGroup
	ulg                          *fyne.Container
	shown                        bool   // the form shows a meeting (it is empty before the first set)
	onSaved                      func() // the roadmap area reads everything again
	obj                          fyne.CanvasObject
}

func newMeetingsEditor(sh *shell.Shell, onSaved func()) *meetingsEditor {
	e := &meetingsEditor{sh: sh, current: -1, onSaved: onSaved}
	e.list = widget.NewList(func() int { return len(e.meetings) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(meetingListLine(e.meetings[i]))
	})
	e.list.OnSelected = func(i widget.ListItemID) {
		if i == e.current {
			return
		}
		id := e.meetings[i].ID // a save may re-sort the list before we get there
		e.sh.Leave(e, func() { e.selectID(id) }, e.reselect)
	}
	e.kind = widget.NewSelect(meetingKinds.Labels(), func(string) { e.showULGFields() })
	e.title, e.number, e.place = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	e.start, e.end = widgets.NewDateEntry(""), widgets.NewDateEntry("empty for one day")
	e.detail = widget.NewMultiLineEntry()
	e.detail.Wrapping = fyne.TextWrapWord
	e.number.SetPlaceHolder("e.g. 3 for Core Network Meeting 3")
	e.online = widget.NewCheck("Online", nil)
	e.report = widget.NewCheck("Meeting report received", nil)
	e.attendance = widget.NewCheck("Attendance sheet received", nil)
	e.ulg = container.NewVBox(e.report, e.attendance)
	e.hosts, e.topics = widget.NewCheckGroup(nil, nil), widget.NewCheckGroup(nil, nil)
	form := widget.NewForm(widget.NewFormItem("Kind", e.kind), widget.NewFormItem("Title", e.title), widget.NewFormItem("Number", e.number),
		widget.NewFormItem("From", e.start), widget.NewFormItem("Until", e.end), widget.NewFormItem("Place", container.NewBorder(nil, nil, nil, e.online, e.place)),
		widget.NewFormItem("ULG follow-up", e.ulg), widget.NewFormItem("Hosts", e.hosts), widget.NewFormItem("Themes", e.topics),
		widget.NewFormItem("Notes", e.detail))
	save := widgets.NewButtonWithIcon("Save meeting", theme.DocumentSaveIcon(), func() { e.Save() })
	save.Importance = widget.HighImportance
	del := widgets.NewButtonWithIcon("Delete…", theme.DeleteIcon(), e.confirmDelete)
	add := widgets.NewButtonWithIcon("New meeting", theme.ContentAddIcon(), func() { e.sh.Leave(e, e.startNew, nil) })
	right := container.NewBorder(nil, container.NewHBox(del, save), nil, nil, widgets.VScroll(form))
	split := container.NewHSplit(container.NewBorder(nil, add, nil, nil, e.list), right)
	split.Offset = 0.36
	e.obj = split
	return e
}

// meetingListLine is a meeting as the list shows it: date, title, and for
// a ULG meeting what is still due.
func meetingListLine(m data.Meeting) string {
	line := widgets.ISODate(m.StartDate) + "  " + m.Title
	if m.Kind == data.MeetingULG && (!m.ReportReceived || !m.AttendanceReceived) {
		var due []string
		if !m.ReportReceived {
			due = append(due, "report")
		}
		if !m.AttendanceReceived {
			due = append(due, "attendance sheet")
		}
		line += "  (" + strings.Join(due, " and ") + " due)"
	}
	return line
}

// set shows the meetings, partners and themes the roadmap area read, and
// keeps the selection; a meeting being edited keeps what was typed.
func (e *meetingsEditor) set(meetings []data.Meeting, partners []data.Partner, themes []data.Theme) {
	keep := ""
	if e.current >= 0 && e.current < len(e.meetings) {
		keep = e.meetings[e.current].ID
	}
	typing := e.shown && e.changed()
	var typed data.Meeting
	if typing {
		typed, _ = e.form() // hosts and themes are read by name: before the lists change
	}
	e.meetings, e.partners, e.themes = meetings, partners, themes
	e.hosts.Options = widgets.PartnerNamesOf(e.partners)
	e.topics.Options = nil
	for _, th := range e.themes {
		e.topics.Options = append(e.topics.Options, th.Label())
	}
	e.hosts.Refresh()
	e.topics.Refresh()
	e.list.Refresh()
	if !typing {
		e.selectID(keep)
		return
	}
	e.current = slices.IndexFunc(e.meetings, func(m data.Meeting) bool { return m.ID == keep && keep != "" })
	e.reselect()
	e.hosts.SetSelected(namesOfIDs(e.partners, typed.HostIDs))
	e.topics.SetSelected(e.themeLabels(typed.ThemeIDs))
}

// selectID selects the meeting with id, or the first one.
func (e *meetingsEditor) selectID(id string) {
	i := slices.IndexFunc(e.meetings, func(m data.Meeting) bool { return m.ID == id })
	if i < 0 && len(e.meetings) > 0 {
		i = 0
	}
	e.current = i
	if i >= 0 {
		e.list.Select(i)
		e.list.ScrollTo(i)
	}
	e.show()
}

// loaded is the meeting the form started from (a blank one for a new meeting).
func (e *meetingsEditor) loaded() data.Meeting {
	if e.current >= 0 && e.current < len(e.meetings) {
		return e.meetings[e.current]
	}
	return data.Meeting{NetworkID: e.sh.Network().ID, Kind: data.MeetingCoreNetwork}
}

func (e *meetingsEditor) show() {
	e.shown = true
	m := e.loaded()
	e.kind.SetSelected(meetingKinds.Label(m.Kind))
	e.title.SetText(m.Title)
	e.number.SetText("")
	if m.Number != nil {
		e.number.SetText(strconv.FormatInt(*m.Number, 10))
	}
	e.start.SetISO(m.StartDate)
	e.end.SetISO(m.EndDate)
	e.place.SetText(m.Place)
	e.online.SetChecked(m.Online)
	e.detail.SetText(m.Description)
	e.report.SetChecked(m.ReportReceived)
	e.attendance.SetChecked(m.AttendanceReceived)
	e.hosts.SetSelected(namesOfIDs(e.partners, m.HostIDs))
	e.topics.SetSelected(e.themeLabels(m.ThemeIDs))
	e.showULGFields()
}

// themeLabels are the labels of the themes with these ids.
func (e *meetingsEditor) themeLabels(ids []string) []string {
	var labels []string
	for _, th := range e.themes {
		if slices.Contains(ids, th.ID) {
			labels = append(labels, th.Label())
		}
	}
	return labels
}

func namesOfIDs(ps []data.Partner, ids []string) []string {
	var out []string
	for _, p := range ps {
		if slices.Contains(ids, p.ID) {
			out = append(out, p.Name)
		}
	}
	return out
}

// showULGFields shows the report and attendance checks for ULG meetings only.
func (e *meetingsEditor) showULGFields() {
	if meetingKinds.Value(e.kind.Selected) == data.MeetingULG {
		e.ulg.Show()
	} else {
		e.ulg.Hide()
	}
}

// form is the meeting as the form shows it; an unreadable number is an error.
func (e *meetingsEditor) form() (data.Meeting, error) {
	m := e.loaded()
	m.Kind, m.Title = meetingKinds.Value(e.kind.Selected), e.title.Text
	m.Number = nil
	if n := strings.TrimSpace(e.number.Text); n != "" {
		v, err := strconv.ParseInt(n, 10, 64)
		if err != nil || v < 0 {
			return m, &data.ConstraintError{Msg: fmt.Sprintf("the number of a meeting is a whole number such as 3, not %q", n)}
		}
		m.Number = &v
	}
	m.StartDate, m.EndDate, m.Place, m.Online = e.start.ISO(), e.end.ISO(), e.place.Text, e.online.Checked
	m.Description, m.ReportReceived, m.AttendanceReceived = e.detail.Text, e.report.Checked, e.attendance.Checked
	m.HostIDs = nil
	for _, name := range e.hosts.Selected {
		m.HostIDs = append(m.HostIDs, widgets.PartnerNamed(e.partners, name).ID)
	}
	m.ThemeIDs = nil
	for _, th := range e.themes {
		if slices.Contains(e.topics.Selected, th.Label()) {
			m.ThemeIDs = append(m.ThemeIDs, th.ID)
		}
	}
	return m, nil
}

// changed tells whether the form differs from the meeting it shows.
func (e *meetingsEditor) changed() bool {
	m, err := e.form()
	if err != nil {
		return true
	}
	// Hosts and themes compare as sets: the form lists them in its own order.
	sorted := func(m data.Meeting) data.Meeting {
		m.HostIDs, m.ThemeIDs = slices.Sorted(slices.Values(m.HostIDs)), slices.Sorted(slices.Values(m.ThemeIDs))
		return m
	}
	return !reflect.DeepEqual(sorted(m), sorted(e.loaded()))
}

// Unsaved names the meeting when the form differs from it.
func (e *meetingsEditor) Unsaved() string {
	if !e.changed() {
		return ""
	}
	if t := e.loaded().Title; t != "" {
		return "the meeting ‘" + t + "’"
	}
	return "the new meeting"
}

// Save stores the form; a refusal is shown and the typing stays.
func (e *meetingsEditor) Save() bool {
	if err := e.store(); err != nil {
		e.sh.ShowError(err)
		return false
	}
	return true
}

// Discard shows the meeting as stored again.
func (e *meetingsEditor) Discard() { e.show() }

// Flush stores a changed meeting when the app stops; a form the store
// refuses is reported, not dropped in silence.
func (e *meetingsEditor) Flush() error {
	if !e.changed() {
		return nil
	}
	return e.store()
}

// reselect puts the list's selection back on the meeting being edited.
func (e *meetingsEditor) reselect() {
	if e.current >= 0 {
		e.list.Select(e.current)
	} else {
		e.list.UnselectAll()
	}
}

func (e *meetingsEditor) startNew() {
	e.list.UnselectAll()
	e.current = -1
	e.show()
	e.sh.Window().Canvas().Focus(e.title)
}

// store saves the form as one undo step: an edit puts the meeting back as
// it was loaded, a new meeting is deleted again.
func (e *meetingsEditor) store() error {
	before := e.loaded()
	m, err := e.form()
	if err == nil {
		m, err = e.sh.Store().SaveMeeting(e.sh.Ctx(), m)
	}
	if err != nil {
		return err
	}
	st, ctx := e.sh.Store(), e.sh.Ctx()
	if before.ID == "" {
		e.sh.Added("add meeting ‘"+m.Title+"’", func() (string, error) { return st.DeleteMeeting(ctx, m.ID) })
	} else {
		e.sh.Did("edit meeting ‘"+m.Title+"’", func() error { _, err := st.SaveMeeting(ctx, before); return err },
			func() error { _, err := st.SaveMeeting(ctx, m); return err })
	}
	e.current = -1
	e.onSaved()
	e.selectID(m.ID)
	return nil
}

// confirmDelete says what goes with the meeting before deleting it.
func (e *meetingsEditor) confirmDelete() {
	if e.current < 0 || e.current >= len(e.meetings) {
		return
	}
	m := e.meetings[e.current]
	d, err := e.sh.Store().MeetingDependents(e.sh.Ctx(), m.ID)
	if err != nil {
		e.sh.ShowError(err)
		return
	}
	msg := "Delete " + m.Title + "?"
	if d.Grids > 0 {
		msg += fmt.Sprintf("\n\nIts %d learning grids (%d rows) are deleted with it.", d.Grids, d.GridRows)
	}
	if d.Needs > 0 {
		msg += fmt.Sprintf("\n%d learning needs planned for it stay, without a meeting.", d.Needs)
	}
	if d.Reviews > 0 {
		msg += fmt.Sprintf("\n%d action reviews held at it keep their status, without the meeting.", d.Reviews)
	}
	e.sh.ConfirmDelete("Delete meeting", msg, "meeting ‘"+m.Title+"’", func() (string, error) { return e.sh.Store().DeleteMeeting(e.sh.Ctx(), m.ID) },
		func() { e.current = -1; e.onSaved() })
}
