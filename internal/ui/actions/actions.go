package actions

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/actiontables"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// The action tables' words for kinds and states (shared with their exports).
var actionKinds, actionStates = actiontables.Kinds, actiontables.States

// actionsView is a partner's action table — the learning log that
// becomes its Integrated Action Plan — with where each action came from.
type actionsView struct {
	sh                                                        *shell.Shell
	partners                                                  []data.Partner
	partner                                                   *widget.Select
	actions                                                   []data.PlanAction
	list                                                      *widget.List
	current                                                   int
	kind, status                                              *widget.Select
	title, desc, timing, who, cost, funding, indicators, risk *widget.Entry
	start, end                                                *widget.Entry
	chain                                                     *widget.Label
	obj                                                       fyne.CanvasObject
}

func newActionsView(sh *shell.Shell) *actionsView {
	v := &actionsView{sh: sh, current: -1}
	v.partner = widget.NewSelect(nil, func(string) { v.load() })
	v.list = widget.NewList(func() int { return len(v.actions) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		a := v.actions[i]
		o.(*widget.Label).SetText(fmt.Sprintf("%s · %s — %s", actionKinds.Label(a.Kind), actionStates.Label(a.Status), a.Title))
	})
	v.list.OnSelected = func(i widget.ListItemID) { v.current = i; v.showForm() }
	v.kind, v.status = widget.NewSelect(actionKinds.Labels(), nil), widget.NewSelect(actionStates.Labels(), nil)
	entry := func(multi bool) *widget.Entry {
		if multi {
			e := widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
			return e
		}
		return widget.NewEntry()
	}
	v.title, v.desc, v.timing, v.who = entry(false), entry(true), entry(false), entry(false)
	v.cost, v.funding, v.indicators, v.risk = entry(false), entry(false), entry(true), entry(true)
	v.start, v.end = entry(false), entry(false)
	v.start.SetPlaceHolder("YYYY-MM-DD, to show it on the roadmap")
	v.end.SetPlaceHolder("YYYY-MM-DD")
	v.chain = widget.NewLabel("")
	v.chain.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("Kind", v.kind), widget.NewFormItem("Title", v.title), widget.NewFormItem("Description", v.desc),
		widget.NewFormItem("Timing", v.timing), widget.NewFormItem("From", v.start), widget.NewFormItem("Until", v.end),
		widget.NewFormItem("Responsibility", v.who), widget.NewFormItem("Cost (EUR)", v.cost),
		widget.NewFormItem("Funding source", v.funding), widget.NewFormItem("Monitoring indicators", v.indicators),
		widget.NewFormItem("Risks", v.risk), widget.NewFormItem("Status", v.status))
	save := widget.NewButtonWithIcon("Save action", theme.DocumentSaveIcon(), v.save)
	save.Importance = widget.HighImportance
	add := widget.NewButtonWithIcon("New action", theme.ContentAddIcon(), v.add)
	promote := widget.NewButtonWithIcon("Make a plan action of it", theme.MoveUpIcon(), v.promote)
	export := widget.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), v.askExport)
	right := container.NewBorder(nil, container.NewHBox(export, layout.NewSpacer(), promote, save), nil, nil,
		container.NewVScroll(container.NewVBox(form, widget.NewLabelWithStyle("Where it came from", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.chain)))
	left := container.NewBorder(v.partner, add, nil, nil, v.list)
	split := container.NewHSplit(left, right)
	split.Offset = 0.38
	v.obj = split
	v.Reload()
	return v
}

func (v *actionsView) Object() fyne.CanvasObject { return v.obj }
func (v *actionsView) Leave(proceed func())      { proceed() }

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
	v.load()
}

func (v *actionsView) partnerID() string {
	return widgets.PartnerNamed(v.partners, v.partner.Selected).ID
}

func (v *actionsView) load() {
	as, err := v.sh.Store().Actions(v.sh.Ctx(), v.partnerID())
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.actions, v.current = as, -1
	v.list.UnselectAll()
	v.list.Refresh()
	if len(as) > 0 {
		v.list.Select(0)
	} else {
		v.showForm()
	}
}

func (v *actionsView) showForm() {
	a := data.PlanAction{Kind: data.ActionTesting, Status: data.ActionIdea}
	if v.current >= 0 && v.current < len(v.actions) {
		a = v.actions[v.current]
	}
	v.kind.SetSelected(actionKinds.Label(a.Kind))
	v.status.SetSelected(actionStates.Label(a.Status))
	v.title.SetText(a.Title)
	v.desc.SetText(a.Description)
	v.timing.SetText(a.Timing)
	v.start.SetText(a.StartDate)
	v.end.SetText(a.EndDate)
	v.who.SetText(a.Responsibility)
	v.cost.SetText("")
	if a.CostEUR != nil {
		v.cost.SetText(strconv.FormatFloat(*a.CostEUR, 'f', -1, 64))
	}
	v.funding.SetText(a.Funding)
	v.indicators.SetText(a.Indicators)
	v.risk.SetText(a.Risks)
	v.chain.SetText(v.chainText(a))
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
		parts = append(parts, "Learning need: "+oneLine(c.Need.Text))
	}
	meeting := c.MeetingID
	if m, err := v.sh.Store().MeetingByIDOrTitle(v.sh.Ctx(), v.sh.Network().ID, c.MeetingID); err == nil {
		meeting = m.Title
	}
	parts = append(parts, fmt.Sprintf("Learned at %s: %s", meeting, oneLine(c.Row.Learning)))
	for _, t := range c.Testing {
		parts = append(parts, "Testing action: "+t.Title+" ("+actionStates.Label(t.Status)+")")
	}
	for _, p := range c.Plan {
		parts = append(parts, "Plan action: "+p.Title+" ("+actionStates.Label(p.Status)+")")
	}
	return strings.Join(parts, "\n↓\n")
}

func (v *actionsView) add() {
	v.list.UnselectAll()
	v.current = -1
	v.showForm()
	v.sh.Window().Canvas().Focus(v.title)
}

// save stores the form as the selected action, or as a new one.
func (v *actionsView) save() {
	a := data.PlanAction{PartnerID: v.partnerID()}
	if v.current >= 0 && v.current < len(v.actions) {
		a = v.actions[v.current]
	}
	a.Kind, a.Status = actionKinds.Value(v.kind.Selected), actionStates.Value(v.status.Selected)
	a.Title, a.Description, a.Timing, a.Responsibility = v.title.Text, v.desc.Text, v.timing.Text, v.who.Text
	a.Funding, a.Indicators, a.Risks = v.funding.Text, v.indicators.Text, v.risk.Text
	a.StartDate, a.EndDate = v.start.Text, v.end.Text
	a.CostEUR = nil
	if c := strings.TrimSpace(strings.ReplaceAll(v.cost.Text, ",", ".")); c != "" {
		f, err := strconv.ParseFloat(strings.ReplaceAll(c, " ", ""), 64)
		if err != nil {
			v.sh.ShowMessage("Cost", "Write the cost in euros as a number, e.g. 20000 or 1500.50.")
			return
		}
		a.CostEUR = &f
	}
	saved, err := v.sh.Store().SaveAction(v.sh.Ctx(), a)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.selectAfterLoad(saved.ID)
}

func (v *actionsView) selectAfterLoad(id string) {
	v.load()
	for i, a := range v.actions {
		if a.ID == id {
			v.list.Select(i)
		}
	}
}

// promote makes a plan action of the selected testing action.
func (v *actionsView) promote() {
	if v.current < 0 || v.current >= len(v.actions) || v.actions[v.current].Kind != data.ActionTesting {
		v.sh.ShowMessage("Choose a testing action", "A plan action grows from a testing action: select one first.")
		return
	}
	a, err := v.sh.Store().PromoteAction(v.sh.Ctx(), v.actions[v.current].ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.selectAfterLoad(a.ID)
}
