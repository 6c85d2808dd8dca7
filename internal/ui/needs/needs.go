// Package needs is the Learning needs area: the partners' needs against
// the target of six, ranked across partners for the next meeting, and the
// dialog that records a need (typed here, or drafted from survey answers
// by the surveys area).
package needs

import (
	"cmp"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Area is the learning needs screen.
func Area() shell.Area {
	return shell.Area{ID: "needs", Title: "Learning needs", Icon: theme.HelpIcon(),
		Build: func(sh *shell.Shell) shell.View { return newNeedsView(sh) }}
}

// needsView shows the partners' learning needs: per partner against the
// target of six, and ranked across partners for preparing the next
// meeting, with the partners who have a good practice to offer.
type needsView struct {
	sh      *shell.Shell
	needs   []data.LearningNeed
	ranked  []matrix.RankedNeeds
	byPart  *fyne.Container
	prepare *fyne.Container
	obj     fyne.CanvasObject

	tabs     *container.AppTabs       // "Prepare the next meeting", "By partner"
	partners *container.Scroll        // the By partner tab
	lines    map[string]*widget.Label // each need's line on the By partner tab, by id (reveal.go)
}

func newNeedsView(sh *shell.Shell) *needsView {
	v := &needsView{sh: sh, byPart: container.NewVBox(), prepare: container.NewVBox()}
	add := widgets.NewButtonWithIcon("Add learning need…", theme.ContentAddIcon(), v.New)
	add.Importance = widget.HighImportance
	v.partners = widgets.VScroll(container.NewPadded(v.byPart))
	v.tabs = container.NewAppTabs(
		container.NewTabItem("Prepare the next meeting", widgets.VScroll(container.NewPadded(v.prepare))),
		container.NewTabItem("By partner", v.partners))
	v.obj = container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, nil, add,
		widget.NewLabel("Learning needs come from surveys (Learning need… on a result) or are typed here."))), nil, nil, nil, v.tabs)
	v.Reload()
	return v
}

func (v *needsView) Object() fyne.CanvasObject { return v.obj }

// New asks for a typed learning need (Ctrl+N).
func (v *needsView) New() {
	Ask(v.sh, Preset{Title: "New learning need", Need: data.LearningNeed{Source: data.NeedTyped}}, nil)
}

func (v *needsView) Reload() {
	needs, err := v.sh.Store().LearningNeeds(v.sh.Ctx(), v.sh.Network().ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	m, err := matrix.Load(v.sh.Ctx(), v.sh.Store(), v.sh.Network().ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.needs, v.ranked = needs, m.RankNeeds(needs)
	v.showPrepare(widgets.PartnerNameMap(m.Partners))
	v.showPartners(m)
}

// showPrepare lists the sub-themes most needed first, with who can help.
func (v *needsView) showPrepare(names map[string]string) {
	v.prepare.Objects = nil
	if len(v.ranked) == 0 {
		v.prepare.Add(widget.NewLabel("No learning needs yet."))
	}
	for i, rn := range v.ranked {
		var helpers []string
		for _, p := range rn.Helpers {
			helpers = append(helpers, p.Name)
		}
		for _, gp := range rn.Outside {
			helpers = append(helpers, gp.OutsideCity+" (outside)")
		}
		help := "nobody in the network has a good practice here: a candidate for an outside expert or a masterclass"
		if len(helpers) > 0 {
			help = "can help: " + strings.Join(helpers, ", ")
		}
		sub := rn.Row.SubTheme.Label()
		head := widget.NewLabelWithStyle(fmt.Sprintf("%d. %s — %d partner(s), urgency %d", i+1, sub, rn.Partners, rn.Score), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		helpLabel := widget.NewLabel(help)
		helpLabel.Wrapping = fyne.TextWrapWord
		box := container.NewVBox(head, helpLabel)
		for _, n := range rn.Needs {
			l := widget.NewLabel(fmt.Sprintf("• %s [%s]: %s", names[n.PartnerID], priorityLabels[n.Priority-1], oneLine(n.Text)))
			l.Wrapping = fyne.TextWrapWord
			box.Add(l)
		}
		v.prepare.Add(box)
		v.prepare.Add(widget.NewSeparator())
	}
	v.prepare.Refresh()
}

// showPartners lists each partner's needs against the target.
func (v *needsView) showPartners(m *matrix.Matrix) {
	v.byPart.Objects, v.lines = nil, map[string]*widget.Label{}
	subs := map[string]string{}
	for _, r := range m.Rows {
		subs[r.SubTheme.ID] = r.SubTheme.Label()
	}
	for _, p := range m.Partners {
		var mine []data.LearningNeed
		for _, n := range v.needs {
			if n.PartnerID == p.ID {
				mine = append(mine, n)
			}
		}
		v.byPart.Add(widget.NewLabelWithStyle(fmt.Sprintf("%s — %d of %d learning needs", p.Name, len(mine), matrix.NeedsTarget),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, n := range mine {
			source := "typed"
			if n.Source == data.NeedSurvey {
				source = "from a survey"
			}
			l := widget.NewLabel(fmt.Sprintf("[%s] %s — %s (%s)", priorityLabels[n.Priority-1], cmp.Or(subs[n.SubThemeID], "no sub-theme"), oneLine(n.Text), source))
			l.Wrapping = fyne.TextWrapWord
			v.lines[n.ID] = l
			del := widgets.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.confirmDelete(n) })
			del.Importance = widget.LowImportance
			v.byPart.Add(container.NewBorder(nil, nil, nil, del, l))
		}
	}
	v.byPart.Refresh()
}

func (v *needsView) confirmDelete(n data.LearningNeed) {
	short := widgets.Truncate(oneLine(n.Text), 80)
	v.sh.ConfirmDelete("Delete learning need", "Delete “"+short+"”? The matrix keeps its mark.", "learning need ‘"+widgets.Truncate(short, 40)+"’",
		func() (string, error) { return v.sh.Store().DeleteLearningNeed(v.sh.Ctx(), n.ID) },
		v.Reload)
}

func oneLine(s string) string { return text.OneLine(s) }
