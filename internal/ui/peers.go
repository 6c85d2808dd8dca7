package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
)

// peersView reads the matrix for peer learning: who can help whom, each
// partner's balance, the gaps nobody in the network covers, and ranked pairs
// for study visits and thematic working groups.
type peersView struct {
	sh     *Shell
	pairs  *fyne.Container
	needs  *fyne.Container
	gaps   *fyne.Container
	counts *fyne.Container
	obj    fyne.CanvasObject
}

func newPeersView(sh *Shell) *peersView {
	v := &peersView{sh: sh, pairs: container.NewVBox(), needs: container.NewVBox(), gaps: container.NewVBox(),
		counts: container.New(layout.NewGridLayoutWithColumns(3))}
	present := widget.NewButtonWithIcon("Present (F11)", theme.ViewFullScreenIcon(), func() { sh.presentMatrix(true) })
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
func (v *peersView) Leave(proceed func())      { proceed() }

func (v *peersView) Reload() {
	m, err := matrix.Load(v.sh.ctx, v.sh.store, v.sh.network.ID)
	if err != nil {
		v.sh.showError(err)
		return
	}
	pl := m.PeerLearning()
	v.pairs.Objects = labels(pairLines(pl, 15), "No pairs yet: the matrix needs knowledge needs and good practices in the same sub-themes.")
	v.gaps.Objects = labels(gapLines(pl), "Every need has a good practice somewhere in the network.")
	v.counts.Objects = []fyne.CanvasObject{bold("Partner"), bold("Good practices"), bold("Knowledge needs")}
	for _, c := range pl.Counts {
		v.counts.Add(widget.NewLabel(c.Partner.Name))
		v.counts.Add(widget.NewLabel(fmt.Sprint(c.Practices)))
		v.counts.Add(widget.NewLabel(fmt.Sprint(c.Needs)))
	}
	var needs []string
	for _, n := range pl.Needs {
		helpers := partnerNames(n.Helpers)
		if helpers == "" {
			helpers = "nobody in the network"
		}
		if len(n.Outside) > 0 {
			helpers += "; outside: " + matrix.OutsideText(n.Outside)
		}
		needs = append(needs, fmt.Sprintf("%s · %s — %s", n.Partner.Name, numberedTitle(n.Row.SubTheme.Number, n.Row.SubTheme.Title), helpers))
	}
	v.needs.Objects = labels(needs, "No knowledge needs in the matrix yet.")
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
		line := numberedTitle(g.Row.SubTheme.Number, g.Row.SubTheme.Title)
		if len(g.Outside) > 0 {
			line += " — outside: " + matrix.OutsideText(g.Outside)
		}
		out = append(out, line)
	}
	return out
}

func partnerNames(ps []data.Partner) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

func labels(lines []string, empty string) []fyne.CanvasObject {
	if len(lines) == 0 {
		lines = []string{empty}
	}
	out := make([]fyne.CanvasObject, len(lines))
	for i, l := range lines {
		lbl := widget.NewLabel(l)
		lbl.Wrapping = fyne.TextWrapWord
		out[i] = lbl
	}
	return out
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// peersSlide is the presenter's "who can help whom": the best pairs and the gaps.
func peersSlide(m *matrix.Matrix, title string, size fyne.Size) fyne.CanvasObject {
	pl := m.PeerLearning()
	scale := size.Width / slideSize.Width
	colW := (size.Width - 120*scale) / 2
	column := func(heading string, lines []string) fyne.CanvasObject {
		box := container.NewVBox(slideText(heading, 36*scale, true))
		for _, l := range lines {
			box.Add(slideText(fitText(l, colW, 26*scale), 26*scale, false))
		}
		return box
	}
	body := container.NewGridWithColumns(2, column("Suggested pairs", pairLines(pl, 14)), column("Gaps: no practice in the network", gapLines(pl)))
	head := container.NewVBox(slideText(title, 44*scale, true), slideText("Who can help whom", 30*scale, false), widget.NewSeparator())
	page := container.NewBorder(head, nil, nil, nil, body)
	return container.NewStack(paper(), container.New(layout.NewCustomPaddedLayout(40*scale, 40*scale, 48*scale, 48*scale), page))
}
