package matrixview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
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

// peerLists are the two columns of the peer-learning slide.
func peerLists(m *matrix.Matrix) []slidefit.List {
	pl := m.PeerLearning()
	var pairs []string
	for _, p := range pl.Pairs { // every pair: the layout goes on to "continued" slides
		pairs = append(pairs, pairLine(p, 8)) // a slide line has to fit three lines
	}
	return []slidefit.List{
		{Heading: "Suggested pairs", Items: pairs, Empty: "No pairs yet."},
		{Heading: "Gaps: no practice in the network", Items: gapLines(pl), Empty: "Every need has a good practice in the network."},
	}
}

// peersBox is the room the lists have on a slide, below the heading.
func peersBox(size fyne.Size) (box fyne.Size, top, side float32) {
	k := slidefit.Scale(size)
	top, side = 40*k+slidefit.LineHeight(44*k, true)+slidefit.LineHeight(30*k, false)+24*k, 48*k
	return fyne.NewSize(size.Width-2*side, size.Height-top-40*k), top, side
}

// peerSlideCount is how many slides "who can help whom" needs at size.
func peerSlideCount(m *matrix.Matrix, size fyne.Size) int {
	box, _, _ := peersBox(size)
	return len(slidefit.ListPages(peerLists(m), box, slidefit.Scale(size)))
}

// peersSlide is the presenter's "who can help whom": the best pairs and
// the gaps, going on over further slides when they do not fit one.
func peersSlide(m *matrix.Matrix, title string, size fyne.Size, page int) fyne.CanvasObject {
	k := slidefit.Scale(size)
	lists := peerLists(m)
	box, top, side := peersBox(size)
	pages := slidefit.ListPages(lists, box, k)
	page = min(max(page, 0), len(pages)-1)
	sub := "Who can help whom"
	if len(pages) > 1 {
		sub += fmt.Sprintf(" · slide %d of %d", page+1, len(pages))
	}
	t := slidefit.Text(title, fyne.NewSize(box.Width, slidefit.LineHeight(44*k, true)), 44*k, slidefit.Style{Bold: true}, widgets.SlideInk)
	t.Move(fyne.NewPos(side, 40*k))
	st := slidefit.Text(sub, fyne.NewSize(box.Width, slidefit.LineHeight(30*k, false)), 30*k, slidefit.Style{}, widgets.SlideInk)
	st.Move(fyne.NewPos(side, 40*k+slidefit.LineHeight(44*k, true)))
	rule := canvas.NewLine(widgets.SlideRule)
	rule.Position1, rule.Position2 = fyne.NewPos(side, top-12*k), fyne.NewPos(side+box.Width, top-12*k)
	deck := make([]slidefit.ListSlide, len(pages))
	for i, p := range pages {
		deck[i] = slidefit.ListSlide{Lists: lists, Page: p}
	}
	body := slidefit.DrawListsAt(lists, pages[page], box, k, slidefit.ListsSize(deck, box, k, 30*k), widgets.SlideInk)
	body.Move(fyne.NewPos(side, top))
	paper := widgets.Paper()
	paper.Resize(size)
	return container.NewWithoutLayout(paper, t, st, rule, body)
}
