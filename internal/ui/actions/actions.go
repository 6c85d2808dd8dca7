// Package actions is the action tables area: each partner's testing
// actions and Integrated Action Plan actions, where each came from, and
// their export.
package actions

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/actiontables"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// The action tables' words for kinds and states (shared with their exports).
var actionKinds, actionStates = actiontables.Kinds, actiontables.States

// Area is the action tables.
func Area() shell.Area {
	return shell.Area{ID: "actions", Title: "Action tables", Icon: theme.ListIcon(),
		Build: func(sh *shell.Shell) shell.View { return newActionsView(sh) }}
}

// actionsView is a partner's action table — the learning log that
// becomes its Integrated Action Plan — with where each action came from.
type actionsView struct {
	sh                                                        *shell.Shell
	saveBtn                                                   *widgets.Button // follows Unsaved (followSave)
	partners                                                  []data.Partner
	partner                                                   *widget.Select
	actions                                                   []data.PlanAction
	list                                                      *widget.List
	current                                                   int
	kind, status                                              *widget.Select
	title, desc, timing, who, cost, funding, indicators, risk *widget.Entry
	start, end                                                *widgets.DateEntry
	chain                                                     *widget.Label
	shownPartner                                              string // whose table the list shows
	shown                                                     bool   // the form shows an action (it is empty before the first load)
	obj                                                       fyne.CanvasObject
}

func newActionsView(sh *shell.Shell) *actionsView {
	v := &actionsView{sh: sh, current: -1}
	v.partner = widget.NewSelect(nil, func(string) { v.choosePartner() })
	v.list = widget.NewList(func() int { return len(v.actions) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		a := v.actions[i]
		o.(*widget.Label).SetText(fmt.Sprintf("%s · %s — %s", actionKinds.Label(a.Kind), actionStates.Label(a.Status), a.Title))
	})
	v.list.OnSelected = func(i widget.ListItemID) {
		if i == v.current {
			return
		}
		v.sh.Leave(v, func() { v.current = i; v.list.Select(i); v.showForm() }, v.reselect)
	}
	changed := func(string) { v.followSave() }
	v.kind, v.status = widget.NewSelect(actionKinds.Labels(), changed), widget.NewSelect(actionStates.Labels(), changed)
	entry := func(multi bool) *widget.Entry {
		e := widget.NewEntry()
		if multi {
			e = widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
		}
		e.OnChanged = changed
		return e
	}
	v.title, v.desc, v.timing, v.who = entry(false), entry(true), entry(false), entry(false)
	v.cost, v.funding, v.indicators, v.risk = entry(false), entry(false), entry(true), entry(true)
	v.start, v.end = widgets.NewDateEntry("to show it on the roadmap"), widgets.NewDateEntry("")
	v.start.OnChanged, v.end.OnChanged = changed, changed
	v.chain = widget.NewLabel("")
	v.chain.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("Kind", v.kind), widget.NewFormItem("Title", v.title), widget.NewFormItem("Description", v.desc),
		widget.NewFormItem("Timing", v.timing), widget.NewFormItem("From", v.start), widget.NewFormItem("Until", v.end),
		widget.NewFormItem("Responsibility", v.who), widget.NewFormItem("Cost (EUR)", v.cost),
		widget.NewFormItem("Funding source", v.funding), widget.NewFormItem("Monitoring indicators", v.indicators),
		widget.NewFormItem("Risks", v.risk), widget.NewFormItem("Status", v.status))
	save := widgets.NewButtonWithIcon("Save action", theme.DocumentSaveIcon(), func() { v.Save() })
	save.Importance = widget.HighImportance
	v.saveBtn = save
	add := widgets.NewButtonWithIcon("New action", theme.ContentAddIcon(), v.New)
	promote := widgets.NewButtonWithIcon("Make a plan action of it", theme.MoveUpIcon(), v.promote)
	export := widgets.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), v.Export)
	right := container.NewBorder(nil, container.NewHBox(export, layout.NewSpacer(), promote, save), nil, nil,
		widgets.VScroll(container.NewVBox(form, widget.NewLabelWithStyle("Where it came from", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.chain)))
	left := container.NewBorder(v.partner, add, nil, nil, v.list)
	split := container.NewHSplit(left, right)
	split.Offset = 0.38
	v.obj = split
	v.Reload()
	return v
}

func (v *actionsView) Object() fyne.CanvasObject { return v.obj }

func (v *actionsView) Reload() {
	ps, err := v.sh.Store().Partners(v.sh.Ctx(), v.sh.Network().ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.partners = ps
	names := widgets.PartnerNamesOf(ps)
	v.partner.Options = names
	if v.partner.Selected == "" && len(names) > 0 {
		v.partner.Selected = names[0]
	}
	v.partner.Refresh()
	if v.Unsaved() == "" { // an action being typed stays on screen
		v.load()
	}
}

// choosePartner shows another partner's table once the action being typed
// is saved or dropped; when the user stays, the partner goes back.
func (v *actionsView) choosePartner() {
	if v.partnerID() == v.shownPartner {
		return
	}
	chosen := v.partner.Selected
	v.sh.Leave(v, func() { v.partner.Selected = chosen; v.partner.Refresh(); v.load() }, func() {
		for _, p := range v.partners {
			if p.ID == v.shownPartner {
				v.partner.Selected = p.Name
			}
		}
		v.partner.Refresh()
	})
}

// reselect puts the list's selection back on the action being edited.
func (v *actionsView) reselect() {
	if v.current >= 0 {
		v.list.Select(v.current)
	} else {
		v.list.UnselectAll()
	}
}

func (v *actionsView) partnerID() string {
	return widgets.PartnerNamed(v.partners, v.partner.Selected).ID
}

// load reads the chosen partner's table and shows its first action.
func (v *actionsView) load() { v.loadShowing("") }

// loadShowing reads the chosen partner's table and shows the action with
// this id (the first when there is none). The form is filled before the
// list selects, so the selection never asks about the old form.
func (v *actionsView) loadShowing(id string) {
	as, err := v.sh.Store().Actions(v.sh.Ctx(), v.partnerID())
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.actions, v.current, v.shownPartner = as, -1, v.partnerID()
	if len(as) > 0 {
		v.current = max(slices.IndexFunc(as, func(a data.PlanAction) bool { return a.ID == id }), 0)
	}
	v.showForm()
	v.list.Refresh()
	v.reselect()
}

// loaded is the action the form started from (a blank one for a new action).
func (v *actionsView) loaded() data.PlanAction {
	if v.current >= 0 && v.current < len(v.actions) {
		return v.actions[v.current]
	}
	return data.PlanAction{PartnerID: v.shownPartner, Kind: data.ActionTesting, Status: data.ActionIdea}
}

func (v *actionsView) showForm() {
	v.shown = true
	a := v.loaded()
	v.kind.SetSelected(actionKinds.Label(a.Kind))
	v.status.SetSelected(actionStates.Label(a.Status))
	v.title.SetText(a.Title)
	v.desc.SetText(a.Description)
	v.timing.SetText(a.Timing)
	v.start.SetISO(a.StartDate)
	v.end.SetISO(a.EndDate)
	v.who.SetText(a.Responsibility)
	v.cost.SetText("")
	if a.CostEUR != nil {
		v.cost.SetText(strconv.FormatFloat(*a.CostEUR, 'f', -1, 64))
	}
	v.funding.SetText(a.Funding)
	v.indicators.SetText(a.Indicators)
	v.risk.SetText(a.Risks)
	v.chain.SetText(v.chainText(a))
	v.followSave()
}

// followSave enables Save while the form differs from the stored action.
func (v *actionsView) followSave() {
	if v.saveBtn != nil {
		widgets.EnableWhen(v.saveBtn, v.Unsaved() != "")
	}
}

// chainText says where an action came from: need → learning → testing action.
func (v *actionsView) chainText(a data.PlanAction) string {
	if a.ID == "" {
		return "A new action."
	}
	c, err := v.sh.Store().ChainOfAction(v.sh.Ctx(), a.ID)
	if err != nil {
		return "Typed in here; it does not come from a learning grid."
	}
	var parts []string
	if c.Need != nil {
		parts = append(parts, "Learning need: "+text.OneLine(c.Need.Text))
	}
	meeting := c.MeetingID
	if m, err := v.sh.Store().MeetingByIDOrTitle(v.sh.Ctx(), v.sh.Network().ID, c.MeetingID); err == nil {
		meeting = m.Title
	}
	parts = append(parts, fmt.Sprintf("Learned at %s: %s", meeting, text.OneLine(c.Row.Learning)))
	for _, t := range c.Testing {
		parts = append(parts, "Testing action: "+t.Title+" ("+actionStates.Label(t.Status)+")")
	}
	for _, p := range c.Plan {
		parts = append(parts, "Plan action: "+p.Title+" ("+actionStates.Label(p.Status)+")")
	}
	return strings.Join(parts, "\n↓\n")
}

// New starts a new action once the one being typed is dealt with (Ctrl+N).
func (v *actionsView) New() {
	v.sh.Leave(v, func() {
		v.list.UnselectAll()
		v.current = -1
		v.showForm()
		v.sh.Window().Canvas().Focus(v.title)
	}, nil)
}

// form is the action as the fields show it; a cost that is no number is
// refused in words the user can act on.
func (v *actionsView) form() (data.PlanAction, error) {
	a := v.loaded()
	a.Kind, a.Status = actionKinds.Value(v.kind.Selected), actionStates.Value(v.status.Selected)
	a.Title, a.Description, a.Timing, a.Responsibility = v.title.Text, v.desc.Text, v.timing.Text, v.who.Text
	a.Funding, a.Indicators, a.Risks = v.funding.Text, v.indicators.Text, v.risk.Text
	a.StartDate, a.EndDate = v.start.ISO(), v.end.ISO()
	a.CostEUR = nil
	if c := strings.TrimSpace(strings.ReplaceAll(v.cost.Text, ",", ".")); c != "" {
		f, err := strconv.ParseFloat(strings.ReplaceAll(c, " ", ""), 64)
		if err != nil {
			return a, &data.ConstraintError{Msg: "Write the cost in euros as a number, e.g. 20000 or 1500.50."}
		}
		a.CostEUR = &f
	}
	return a, nil
}

// Unsaved names the action when the form differs from it.
func (v *actionsView) Unsaved() string {
	if !v.shown {
		return ""
	}
	a, err := v.form()
	if err == nil && reflect.DeepEqual(a, v.loaded()) {
		return ""
	}
	if t := v.loaded().Title; t != "" {
		return "the action ‘" + t + "’"
	}
	return "the new action"
}

// Save stores the form as the selected action, or as a new one; a refusal
// is shown and the typing stays.
func (v *actionsView) Save() bool {
	defer v.followSave()
	if err := v.store(); err != nil {
		v.sh.ShowError(err)
		return false
	}
	return true
}

// Discard shows the action as stored again.
func (v *actionsView) Discard() { v.showForm() }

// Flush stores a changed action when the app stops; a refused one is
// reported.
func (v *actionsView) Flush() error {
	if v.Unsaved() == "" {
		return nil
	}
	return v.store()
}

func (v *actionsView) store() error {
	before := v.loaded()
	a, err := v.form()
	if err != nil {
		return err
	}
	st, ctx := v.sh.Store(), v.sh.Ctx()
	saved, err := st.SaveAction(ctx, a)
	if err != nil {
		return err
	}
	if before.ID != "" {
		v.sh.Did("edit action ‘"+saved.Title+"’", func() error { _, err := st.SaveAction(ctx, before); return err },
			func() error { _, err := st.SaveAction(ctx, saved); return err })
	} // undo of a new action: the store has no way to delete an action yet (it comes with the trash)
	v.loadShowing(saved.ID)
	return nil
}

// promote makes a plan action of the selected testing action, once the
// form is saved or dropped.
func (v *actionsView) promote() { v.sh.Leave(v, v.promoteNow, nil) }

func (v *actionsView) promoteNow() {
	if v.current < 0 || v.current >= len(v.actions) || v.actions[v.current].Kind != data.ActionTesting {
		v.sh.ShowMessage("Choose a testing action", "A plan action grows from a testing action: select one first.")
		return
	}
	// undo: the store has no way to delete an action yet (it comes with the trash)
	a, err := v.sh.Store().PromoteAction(v.sh.Ctx(), v.actions[v.current].ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.loadShowing(a.ID)
}
