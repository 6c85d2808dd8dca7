package matrixview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// peersView reads the matrix for peer learning: who can help whom, each
// partner's balance, the gaps nobody in the network covers, and ranked pairs
// for study visits and thematic working groups.
type peersView struct {
	sh     *shell.Shell
	pairs  *fyne.Container
	needs  *fyne.Container
	gaps   *fyne.Container
	counts *fyne.Container
	obj    fyne.CanvasObject
}

func newPeersView(sh *shell.Shell) *peersView {
	v := &peersView{sh: sh, pairs: container.NewVBox(), needs: container.NewVBox(), gaps: container.NewVBox(),
		counts: container.New(layout.NewGridLayoutWithColumns(4))}
	present := widgets.NewButtonWithIcon("Present (F11)", theme.ViewFullScreenIcon(), v.Present)
	v.obj = container.NewBorder(container.NewPadded(container.NewHBox(layout.NewSpacer(), present)), nil, nil, nil,
		widgets.VScroll(container.NewPadded(container.NewVBox(
			widget.NewCard("Suggested pairs", "for study visits and thematic working groups: who learns from whom, in how many sub-themes", v.pairs),
			widget.NewCard("Gaps", "sub-themes with knowledge needs but no good practice in the network: candidates for outside experts or a masterclass", v.gaps),
			widget.NewCard("Per partner", "the good practices each partner owns, the sub-themes they serve, and knowledge needs (in sub-themes)", v.counts),
			widget.NewCard("Every knowledge need and who can help", "", v.needs),
		))))
	v.Reload()
	return v
}

func (v *peersView) Object() fyne.CanvasObject { return v.obj }

func (v *peersView) Reload() {
	m, err := matrix.Load(v.sh.Ctx(), v.sh.Store(), v.sh.Network().ID)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	pl := m.PeerLearning()
	v.pairs.Objects = widgets.Labels(pairLines(pl, 15), "No pairs yet: the matrix needs knowledge needs and good practices in the same sub-themes.")
	v.gaps.Objects = widgets.Labels(gapLines(pl), "Every need has a good practice somewhere in the network.")
	v.counts.Objects = []fyne.CanvasObject{widgets.Bold("Partner"), widgets.Bold("Good practices"), widgets.Bold("Sub-themes offered"), widgets.Bold("Knowledge needs")}
	for _, c := range pl.Counts {
		v.counts.Add(widget.NewLabel(c.Partner.Name))
		v.counts.Add(widget.NewLabel(fmt.Sprint(c.GoodPractices))) // practices, not the cells they fill
		v.counts.Add(widget.NewLabel(fmt.Sprint(c.Practices)))
		v.counts.Add(widget.NewLabel(fmt.Sprint(c.Needs)))
	}
	var needs []string
	for _, n := range pl.Needs {
		helpers := widgets.JoinedPartnerNames(n.Helpers)
		if helpers == "" {
			helpers = "nobody in the network"
		}
		if len(n.Outside) > 0 {
			helpers += "; outside: " + matrix.OutsideText(n.Outside)
		}
		needs = append(needs, fmt.Sprintf("%s · %s — %s", n.Partner.Name, widgets.NumberedTitle(n.Row.SubTheme.Number, n.Row.SubTheme.Title), helpers))
	}
	v.needs.Objects = widgets.Labels(needs, "No knowledge needs in the matrix yet.")
	for _, c := range []*fyne.Container{v.pairs, v.gaps, v.counts, v.needs} {
		c.Refresh()
	}
}

// pairLines describes the best pairs, most shared sub-themes first.
func pairLines(pl matrix.PeerLearning, limit int) []string {
	var out []string
	for i, p := range pl.Pairs {
		if i == limit {
			break
		}
		out = append(out, pairLine(p, len(p.Rows)))
	}
	return out
}

// pairLine names a pair and the first numbers of the sub-themes they
// share ("and N more" for the rest).
func pairLine(p matrix.Pair, numbers int) string {
	var nums []string
	for i, r := range p.Rows {
		if i == numbers {
			nums = append(nums, fmt.Sprintf("and %d more", len(p.Rows)-i))
			break
		}
		nums = append(nums, r.SubTheme.Number)
	}
	return fmt.Sprintf("%s learns from %s (%d): %s", p.Learner.Name, p.Host.Name, len(p.Rows), strings.Join(nums, ", "))
}

func gapLines(pl matrix.PeerLearning) []string {
	var out []string
	for _, g := range pl.Gaps {
		line := widgets.NumberedTitle(g.Row.SubTheme.Number, g.Row.SubTheme.Title)
		if len(g.Outside) > 0 {
			line += " — outside: " + matrix.OutsideText(g.Outside)
		}
		out = append(out, line)
	}
	return out
}
