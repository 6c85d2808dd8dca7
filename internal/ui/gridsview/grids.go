// Package gridsview is the learning grids area: a partner's grid of a
// meeting filled in with the room, the review of earlier actions, the
// dashboard of the learning chain, the grids full screen and their export.
package gridsview

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Area is the learning grids.
func Area() shell.Area { return AreaWithDeck(export.Slides{}) }

// AreaWithDeck is the area whose meeting deck is drawn with slides (the
// renderers of the other areas, ui.Slides); without them the deck is refused.
func AreaWithDeck(slides export.Slides) shell.Area {
	return shell.Area{ID: "grids", Title: "Learning grids", Icon: theme.DocumentCreateIcon(),
		Build: func(sh *shell.Shell) shell.View { v := newGridsView(sh); v.deckSlides = slides; return v }}
}

// gridsView fills a partner's learning grid of a meeting with the room:
// Enter adds a row, Tab moves between fields; below, the actions of the
// partner's earlier grids come up for review.
type gridsView struct {
	sh         *shell.Shell
	deckSlides export.Slides
	meetings   []data.Meeting
	partners   []data.Partner
	themes     []data.Theme
	meeting    *widget.Select
	scope      *widget.Select // the meeting's grid, or one theme's
	partner    *widget.Select
	grid       data.LearningGrid // as loaded: what undo of a save puts back
	rows       []*gridRowForm
	rowBox     *fyne.Container
	review     *fyne.Container
	comments   map[string]*reviewForm // review comments typed and not stored yet, by row id
	status     *widget.Label
	dirty      bool // rows typed and not saved yet: use markDirty, Save follows it
	saveBtn    *widgets.Button
	obj        fyne.CanvasObject
}

// gridRowForm is one row's fields.
type gridRowForm struct {
	id, needID                      string
	learning, note, action, who, by *widget.Entry
	relevance                       *widget.Select
}

var relevanceChoices = []string{"–", "1", "2", "3", "4", "5"}

func newGridsView(sh *shell.Shell) *gridsView {
	v := &gridsView{sh: sh, rowBox: container.NewVBox(), review: container.NewVBox(), status: widget.NewLabel(""),
		comments: map[string]*reviewForm{}}
	v.meeting = widget.NewSelect(nil, func(string) { v.choose() })
	v.partner = widget.NewSelect(nil, func(string) { v.choose() })
	v.scope = widget.NewSelect([]string{wholeMeeting}, func(string) { v.choose() })
	add := widgets.NewButtonWithIcon("Add row", theme.ContentAddIcon(), v.New)
	save := widgets.NewButtonWithIcon("Save (Ctrl+S)", theme.DocumentSaveIcon(), func() { v.Save() })
	save.Importance = widget.HighImportance
	v.saveBtn = save
	var export *widgets.Button
	export = widgets.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), func() { v.showExports(export) })
	dashboard := widgets.NewButtonWithIcon("Dashboard", theme.InfoIcon(), func() { showDashboard(sh) })
	present := widgets.NewButtonWithIcon("", theme.ViewFullScreenIcon(), v.Present)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(add, dashboard, export, present, save),
		container.NewGridWithColumns(3, v.meeting, v.scope, v.partner))
	header := gridHeader()
	body := container.NewVBox(header, v.rowBox, v.status, widget.NewSeparator(),
		widget.NewLabelWithStyle("Actions from earlier meetings — how did they go?", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.review)
	v.obj = container.NewBorder(container.NewPadded(top), nil, nil, nil, widgets.VScroll(container.NewPadded(body)))
	v.Reload()
	return v
}

func (v *gridsView) Object() fyne.CanvasObject { return v.obj }

// New adds a row at the end and puts the cursor in it (Ctrl+N).
func (v *gridsView) New() { v.addRow(len(v.rows)) }

// Unsaved names the grid when rows or review comments were typed.
func (v *gridsView) Unsaved() string {
	var what []string
	if v.dirty {
		what = append(what, "the learning grid of "+v.partner.Selected)
	}
	if len(v.comments) > 0 {
		what = append(what, "the review comments")
	}
	return strings.Join(what, " and ")
}

// Save stores the rows and the review comments; a failure is shown and
// the typing stays on screen.
func (v *gridsView) Save() bool {
	defer v.followSave()
	if err := v.store(); err != nil {
		v.sh.ShowError(err)
		return false
	}
	return true
}

// markDirty notes rows typed and not saved yet.
func (v *gridsView) markDirty() {
	v.dirty = true
	v.followSave()
}

// followSave enables Save while rows or review comments are unsaved.
func (v *gridsView) followSave() { widgets.EnableWhen(v.saveBtn, v.Unsaved() != "") }

// Discard shows the grid as stored again.
func (v *gridsView) Discard() {
	v.dirty = false
	v.load()
}

// Flush stores the typed rows and comments when the app stops: a grid
// filled in with the room is not lost with the window.
func (v *gridsView) Flush() error {
	if v.Unsaved() == "" {
		return nil
	}
	return v.store()
}

// Reload reads the meetings, partners and themes again; rows being typed
// stay on screen (and the grid they belong to stays chosen).
func (v *gridsView) Reload() {
	ms, ps, ok := v.sh.MeetingsAndPartners()
	if !ok {
		return
	}
	themes, err := v.sh.Store().Themes(v.sh.Ctx(), v.sh.Network().ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.meetings, v.partners, v.themes = ms, ps, themes
	var mLabels []string
	for _, m := range ms {
		mLabels = append(mLabels, meetingLabel(m))
	}
	pLabels := widgets.PartnerNamesOf(ps)
	meeting, partner := v.meeting.Selected, v.partner.Selected
	v.meeting.Options, v.partner.Options = mLabels, pLabels
	if meeting == "" && len(mLabels) > 0 {
		meeting = mLabels[v.defaultMeeting()]
	}
	if partner == "" && len(pLabels) > 0 {
		partner = pLabels[0]
	}
	v.meeting.Selected, v.partner.Selected = meeting, partner
	v.meeting.Refresh()
	v.partner.Refresh()
	v.setScopes()
	if v.Unsaved() == "" {
		v.load()
	}
}

// wholeMeeting is the scope of the meeting's own grid.
const wholeMeeting = "The whole meeting"

// setScopes offers the meeting's grid and a grid per theme of the meeting
// or horizontal theme (for masterclasses and walkshops).
func (v *gridsView) setScopes() {
	m := v.selectedMeeting()
	options := []string{wholeMeeting}
	for _, th := range v.themes {
		if th.Horizontal || slices.Contains(m.ThemeIDs, th.ID) {
			options = append(options, "Theme "+th.Label())
		}
	}
	v.scope.Options = options
	if !slices.Contains(options, v.scope.Selected) {
		v.scope.Selected = wholeMeeting
	}
	v.scope.Refresh()
}

// themeKey is the chosen theme's id, "" for the meeting's grid.
func (v *gridsView) themeKey() string {
	for _, th := range v.themes {
		if v.scope.Selected == "Theme "+th.Label() {
			return th.ID
		}
	}
	return ""
}

func meetingLabel(m data.Meeting) string {
	return m.Title + " · " + widgets.ISODate(m.StartDate)
}

// defaultMeeting is the latest meeting that already has a grid, or the first.
func (v *gridsView) defaultMeeting() int {
	id, err := v.sh.Store().LatestGridMeeting(v.sh.Ctx(), v.sh.Network().ID)
	for i, m := range v.meetings {
		if err == nil && m.ID == id {
			return i
		}
	}
	return 0
}

// choose switches meeting, scope or partner, asking first about unsaved
// rows; when the user stays, the choice goes back to the grid on screen.
func (v *gridsView) choose() {
	if v.grid.MeetingID == v.selectedMeeting().ID && v.grid.PartnerID == v.selectedPartner().ID && v.grid.ThemeKey == v.themeKey() {
		return
	}
	meeting, scope, partner := v.meeting.Selected, v.scope.Selected, v.partner.Selected
	v.sh.Leave(v, func() {
		setQuietly(v.meeting, meeting)
		setQuietly(v.partner, partner)
		v.setScopes()
		setQuietly(v.scope, scope)
		v.setScopes() // a theme of another meeting falls back to the whole meeting
		v.load()
	}, v.showChosen)
}

// showChosen puts the choosers back on the grid on screen.
func (v *gridsView) showChosen() {
	for _, m := range v.meetings {
		if m.ID == v.grid.MeetingID {
			setQuietly(v.meeting, meetingLabel(m))
		}
	}
	for _, p := range v.partners {
		if p.ID == v.grid.PartnerID {
			setQuietly(v.partner, p.Name)
		}
	}
	v.setScopes()
	for _, th := range v.themes {
		if th.ID == v.grid.ThemeKey {
			setQuietly(v.scope, "Theme "+th.Label())
		}
	}
	if v.grid.ThemeKey == "" {
		setQuietly(v.scope, wholeMeeting)
	}
}

// setQuietly shows a choice without running the chooser's OnChanged.
func setQuietly(s *widget.Select, option string) {
	s.Selected = option
	s.Refresh()
}

func (v *gridsView) selectedMeeting() data.Meeting {
	for _, m := range v.meetings {
		if meetingLabel(m) == v.meeting.Selected {
			return m
		}
	}
	return data.Meeting{}
}

func (v *gridsView) selectedPartner() data.Partner {
	return widgets.PartnerNamed(v.partners, v.partner.Selected)
}

// load shows the grid of the chosen meeting and partner, and the actions
// to review.
func (v *gridsView) load() {
	m, p := v.selectedMeeting(), v.selectedPartner()
	v.grid = data.LearningGrid{MeetingID: m.ID, PartnerID: p.ID, ThemeKey: v.themeKey()}
	v.rows, v.rowBox.Objects, v.dirty = nil, nil, false
	clear(v.comments)
	v.followSave()
	if m.ID == "" || p.ID == "" {
		v.status.SetText("Add meetings and partners first.")
		v.rowBox.Refresh()
		return
	}
	g, err := v.sh.Store().Grid(v.sh.Ctx(), m.ID, p.ID, v.grid.ThemeKey)
	switch {
	case err == nil:
		v.grid = g
	case !errors.Is(err, data.ErrNotFound): // not filled in yet is fine; a broken read is not
		v.sh.ShowError(err)
		v.status.SetText("The grid could not be read.")
		return
	}
	for _, r := range v.grid.Rows {
		v.rows = append(v.rows, v.newRowForm(r))
	}
	if len(v.rows) == 0 {
		v.rows = append(v.rows, v.newRowForm(data.GridRow{}))
	}
	v.layoutRows()
	v.status.SetText(fmt.Sprintf("%s at %s: %d rows. Enter adds a row, Tab moves to the next field.", p.Name, m.Title, len(v.grid.Rows)))
	v.loadReview(m, p)
}

func (v *gridsView) newRowForm(r data.GridRow) *gridRowForm {
	f := &gridRowForm{id: r.ID, needID: r.NeedID}
	entry := func(text, hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(hint)
		e.OnChanged = func(string) { v.markDirty() }
		e.OnSubmitted = func(string) { v.addRow(v.indexOf(f) + 1) }
		return e
	}
	f.learning = entry(r.Learning, "What we learned")
	f.note = entry(r.RelevanceNote, "Why it matters")
	f.action = entry(r.Action, "Action until the next meeting")
	f.who = entry(r.ActionWho, "Who")
	f.by = entry(r.ActionBy, "By when")
	f.relevance = widget.NewSelect(relevanceChoices, func(string) { v.markDirty() })
	f.relevance.Selected = relevanceChoices[r.Relevance]
	return f
}

func (v *gridsView) indexOf(f *gridRowForm) int {
	for i, r := range v.rows {
		if r == f {
			return i
		}
	}
	return len(v.rows) - 1
}

// addRow inserts an empty row at i and puts the cursor in it.
func (v *gridsView) addRow(i int) {
	f := v.newRowForm(data.GridRow{})
	v.rows = append(v.rows[:i], append([]*gridRowForm{f}, v.rows[i:]...)...)
	v.layoutRows()
	v.sh.Window().Canvas().Focus(f.learning)
}

func (v *gridsView) layoutRows() {
	v.rowBox.Objects = nil
	for _, f := range v.rows {
		f := f
		del := widgets.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			v.rows = append(v.rows[:v.indexOf(f)], v.rows[v.indexOf(f)+1:]...)
			v.markDirty()
			v.layoutRows()
		})
		del.Importance = widget.LowImportance
		toAction := widgets.NewButtonWithIcon("", theme.MailForwardIcon(), func() { v.promote(f) })
		toAction.Importance = widget.LowImportance
		if f.id == "" {
			toAction.Disable() // saved rows only: the action keeps a link to its row
		}
		v.rowBox.Add(container.New(&gridRowLayout{}, f.learning, f.relevance, f.note, f.action, f.who, f.by, container.NewHBox(toAction, del)))
	}
	v.rowBox.Refresh()
}

// gridHeader names the columns, laid out like the rows.
func gridHeader() fyne.CanvasObject {
	var cells []fyne.CanvasObject
	for _, h := range []string{"Key learning", "IAP 1–5", "Why it matters", "Action until the next meeting", "Who", "By when", ""} {
		cells = append(cells, widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	return container.New(&gridRowLayout{}, cells...)
}

// gridRowLayout gives the grid's columns their shares of the width.
type gridRowLayout struct{}

var gridColumnShares = []float32{0.25, 0.08, 0.16, 0.23, 0.10, 0.10, 0.08}

func (gridRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	gap := theme.Padding()
	for i, o := range objs {
		w := size.Width * gridColumnShares[i]
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w-gap, size.Height))
		x += w
	}
}

func (gridRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(700, h)
}

// promote makes a testing action of a saved row, in the partner's action table.
func (v *gridsView) promote(f *gridRowForm) {
	if f.id == "" {
		return
	}
	a, err := v.sh.Store().PromoteRow(v.sh.Ctx(), f.id, data.ActionTesting)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	// undo: the store has no way to delete an action yet (it comes with the trash)
	v.sh.ShowMessage("Testing action added", fmt.Sprintf("%q is now a testing action in %s's action table (Action tables, Ctrl+0), linked to this row.", a.Title, v.partner.Selected))
}

// store saves the rows (empty ones are left out) and the review comments,
// and records the grid's save as one undo step.
func (v *gridsView) store() error {
	if err := v.storeComments(); err != nil {
		return err
	}
	if !v.dirty || v.grid.MeetingID == "" || v.grid.PartnerID == "" {
		return nil
	}
	before, g := v.grid, v.grid
	g.Rows = nil
	for _, f := range v.rows {
		rel, _ := strconv.Atoi(f.relevance.Selected)
		g.Rows = append(g.Rows, data.GridRow{ID: f.id, NeedID: f.needID, Learning: f.learning.Text, Relevance: rel,
			RelevanceNote: f.note.Text, Action: f.action.Text, ActionWho: f.who.Text, ActionBy: f.by.Text})
	}
	st, ctx := v.sh.Store(), v.sh.Ctx()
	after, err := st.SaveGrid(ctx, g)
	if err != nil {
		return err
	}
	// Undo saves the rows as they were loaded (their ids kept, so rows put
	// back keep their links); a grid that was new is left without rows.
	v.sh.Did("save the learning grid of "+v.partner.Selected+" at "+v.selectedMeeting().Title,
		func() error { _, err := st.SaveGrid(ctx, withID(before, after.ID)); return err },
		func() error { _, err := st.SaveGrid(ctx, after); return err })
	v.load()
	v.status.SetText(v.status.Text + " Saved.")
	return nil
}

// withID is g stored under the grid id id (a grid saved for the first time
// got its id when it was saved).
func withID(g data.LearningGrid, id string) data.LearningGrid {
	g.ID = id
	return g
}
