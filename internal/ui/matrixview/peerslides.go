package matrixview

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// The presenter's "who can help whom" is two parts: first the pairs that
// share the most sub-themes (the study visits to plan) beside the gaps,
// then every sub-theme with needs and practices, named in full, with who
// can learn from whom in it. A list of forty pairs by sub-theme numbers
// was a wall the room could not read.

// studyVisitPairs is the fewest sub-themes a pair shares to be put forward
// for a study visit on the first slide, and studyVisitsMost how many are
// at most (those sharing the most); every pair is in the sub-theme part.
const (
	studyVisitPairs = 2
	studyVisitsMost = 10
)

// subThemeLines is how many lines a sub-theme's line may take: its name
// and two lists of partners are long.
const subThemeLines = 5

// peerSlides are the slides of "who can help whom" at size: each part's
// lists shared out over as many slides as they need.
func peerSlides(m *matrix.Matrix, size fyne.Size) []slidefit.ListSlide {
	pl := m.PeerLearning()
	box, _, _ := peersBox(size)
	k := slidefit.Scale(size)
	var out []slidefit.ListSlide
	for _, lists := range [][]slidefit.List{
		{{Heading: "Pairs for a study visit", Items: visitLines(pl), Empty: "No two partners share two sub-themes yet."},
			{Heading: "Gaps: no practice in the network", Items: gapLines(pl), Empty: "Every need has a good practice in the network.", ItemLines: 4}},
		bySubTheme(pl),
	} {
		for _, page := range slidefit.ListPages(lists, box, k) {
			out = append(out, slidefit.ListSlide{Lists: lists, Page: page})
		}
	}
	return out
}

// visitLines are the pairs put forward for a study visit (pl.Pairs are
// ranked, most shared sub-themes first).
func visitLines(pl matrix.PeerLearning) []string {
	var out []string
	for _, p := range pl.Pairs {
		if len(p.Rows) >= studyVisitPairs && len(out) < studyVisitsMost {
			out = append(out, pairLine(p, 8))
		}
	}
	return out
}

// bySubTheme is every sub-theme where some partner can learn from another,
// over two columns: the sub-theme named in full, then who learns from whom.
func bySubTheme(pl matrix.PeerLearning) []slidefit.List {
	var items []string
	at := map[string]int{} // sub-theme id → its item
	learners, hosts := map[string][]data.Partner{}, map[string][]data.Partner{}
	var order []matrix.Row
	for _, n := range pl.Needs {
		if len(n.Helpers) == 0 {
			continue
		}
		id := n.Row.SubTheme.ID
		if _, ok := at[id]; !ok {
			at[id] = len(order)
			order = append(order, n.Row)
		}
		learners[id] = append(learners[id], n.Partner)
		hosts[id] = addPartners(hosts[id], n.Helpers)
	}
	for _, row := range order {
		items = append(items, subThemeLine(row, learners[row.SubTheme.ID], hosts[row.SubTheme.ID]))
	}
	half := (len(items) + 1) / 2
	return []slidefit.List{
		{Heading: "Sub-theme by sub-theme", Items: items[:half], Empty: "No partner can learn from another yet.", ItemLines: subThemeLines},
		{Heading: " ", Items: items[half:], ItemLines: subThemeLines}, // the same list going on in the second column
	}
}

// subThemeLine says who can learn from whom in one sub-theme.
func subThemeLine(row matrix.Row, learners, hosts []data.Partner) string {
	verb := "learns"
	if len(learners) > 1 {
		verb = "learn"
	}
	return fmt.Sprintf("%s: %s %s from %s", widgets.NumberedTitle(row.SubTheme.Number, row.SubTheme.Title), andNames(learners), verb, andNames(hosts))
}

// andNames lists partners as "Genk, Aarhus and Breda".
func andNames(ps []data.Partner) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return text.AndList(names)
}

// addPartners adds to list the partners of more it does not hold yet.
func addPartners(list, more []data.Partner) []data.Partner {
	for _, p := range more {
		held := false
		for _, q := range list {
			held = held || q.ID == p.ID
		}
		if !held {
			list = append(list, p)
		}
	}
	return list
}

// peersBox is the room the lists have on a slide, below the heading.
func peersBox(size fyne.Size) (box fyne.Size, top, side float32) {
	k := slidefit.Scale(size)
	top, side = 40*k+slidefit.LineHeight(44*k, true)+slidefit.LineHeight(30*k, false)+24*k, 48*k
	return fyne.NewSize(size.Width-2*side, size.Height-top-40*k), top, side
}

// peerSlideCount is how many slides "who can help whom" needs at size.
func peerSlideCount(m *matrix.Matrix, size fyne.Size) int { return len(peerSlides(m, size)) }

// peersSlide is slide page of the presenter's "who can help whom", in the
// one type size of all its slides.
func peersSlide(m *matrix.Matrix, title string, size fyne.Size, page int) fyne.CanvasObject {
	k := slidefit.Scale(size)
	deck := peerSlides(m, size)
	box, top, side := peersBox(size)
	page = min(max(page, 0), len(deck)-1)
	sub := "Who can help whom"
	if len(deck) > 1 {
		sub += fmt.Sprintf(" · slide %d of %d", page+1, len(deck))
	}
	t := slidefit.Text(title, fyne.NewSize(box.Width, slidefit.LineHeight(44*k, true)), 44*k, slidefit.Style{Bold: true}, widgets.SlideInk)
	t.Move(fyne.NewPos(side, 40*k))
	st := slidefit.Text(sub, fyne.NewSize(box.Width, slidefit.LineHeight(30*k, false)), 30*k, slidefit.Style{}, widgets.SlideInk)
	st.Move(fyne.NewPos(side, 40*k+slidefit.LineHeight(44*k, true)))
	rule := canvas.NewLine(widgets.SlideRule)
	rule.Position1, rule.Position2 = fyne.NewPos(side, top-12*k), fyne.NewPos(side+box.Width, top-12*k)
	sl := deck[page]
	body := slidefit.DrawListsAt(sl.Lists, sl.Page, box, k, slidefit.ListsSize(deck, box, k, 34*k), widgets.SlideInk)
	body.Move(fyne.NewPos(side, top))
	paper := widgets.Paper()
	paper.Resize(size)
	return container.NewWithoutLayout(paper, t, st, rule, body)
}
