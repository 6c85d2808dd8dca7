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
		counts: container.New(layout.NewGridLayoutWithColumns(3))}
	present := widget.NewButtonWithIcon("Present (F11)", theme.ViewFullScreenIcon(), v.Present)
	v.obj = container.NewBorder(container.NewPadded(container.NewHBox(layout.NewSpacer(), present)), nil, nil, nil,
		container.NewVScroll(container.NewPadded(container.NewVBox(
			widget.NewCard("Suggested pairs", "for study visits and thematic working groups: who learns from whom, in how many sub-themes", v.pairs),
			widget.NewCard("Gaps", "sub-themes with knowledge needs but no good practice in the network: candidates for outside experts or a masterclass", v.gaps),
			widget.NewCard("Per partner", "good practices offered and knowledge needs, in sub-themes", v.counts),
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
	v.counts.Objects = []fyne.CanvasObject{widgets.Bold("Partner"), widgets.Bold("Good practices"), widgets.Bold("Knowledge needs")}
	for _, c := range pl.Counts {
		v.counts.Add(widget.NewLabel(c.Partner.Name))
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
		var nums []string
		for _, r := range p.Rows {
			nums = append(nums, r.SubTheme.Number)
		}
		out = append(out, fmt.Sprintf("%s learns from %s (%d): %s", p.Learner.Name, p.Host.Name, len(p.Rows), strings.Join(nums, ", ")))
	}
	return out
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

// peersSlide is the presenter's "who can help whom": the best pairs and the gaps.
func peersSlide(m *matrix.Matrix, title string, size fyne.Size) fyne.CanvasObject {
	pl := m.PeerLearning()
	scale := size.Width / widgets.SlideSize.Width
	colW := (size.Width - 120*scale) / 2
	column := func(heading string, lines []string) fyne.CanvasObject {
		box := container.NewVBox(widgets.SlideText(heading, 36*scale, true))
		for _, l := range lines {
			box.Add(widgets.SlideText(widgets.FitText(l, colW, 26*scale), 26*scale, false))
		}
		return box
	}
	body := container.NewGridWithColumns(2, column("Suggested pairs", pairLines(pl, 14)), column("Gaps: no practice in the network", gapLines(pl)))
	head := container.NewVBox(widgets.SlideText(title, 44*scale, true), widgets.SlideText("Who can help whom", 30*scale, false), widget.NewSeparator())
	page := container.NewBorder(head, nil, nil, nil, body)
	return container.NewStack(widgets.Paper(), container.New(layout.NewCustomPaddedLayout(40*scale, 40*scale, 48*scale, 48*scale), page))
}
