package gridsview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Present shows the meeting's grids full screen for the room, one partner
// at a time: ← → step through the partners with a grid, Esc leaves. Rows
// not saved yet are not shown (the room sees what is stored).
func (v *gridsView) Present() {
	m := v.selectedMeeting()
	if m.ID == "" || v.sh.Window().Canvas().Overlays().Top() != nil {
		return
	}
	sheet, err := grids.Load(v.sh.Ctx(), v.sh.Store(), v.sh.Network(), m)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	if len(sheet.Partners) == 0 {
		v.sh.ShowMessage("Nothing to present", "No partner has a saved grid for "+m.Title+" yet.")
		return
	}
	pages := gridPages(sheet)
	v.sh.PresentSlides(len(pages), func(i int, size fyne.Size) fyne.CanvasObject { return gridSlide(sheet, pages[i], size) })
}

// gridPage is one slide of a partner's grid.
type gridPage struct {
	partner int
	rows    slidefit.ListPage
	page    int
	pages   int
}

// gridList is a partner's grid as one list: each row's learning with its
// relevance, why it matters and the next action.
func gridList(pg grids.PartnerGrid) []slidefit.List {
	var items []string
	for _, r := range pg.Rows {
		item := r.Learning
		if r.Relevance > 0 {
			item += fmt.Sprintf(" — relevance %d/5", r.Relevance)
		}
		if note := strings.TrimSpace(r.RelevanceNote); note != "" {
			item += " — why it matters: " + note // the editor's column; the room hears the reason
		}
		if r.Action != "" {
			item += " — next: " + r.Action
			if r.ActionWho != "" || r.ActionBy != "" {
				item += " (" + strings.Trim(r.ActionWho+", "+r.ActionBy, ", ") + ")"
			}
		}
		items = append(items, item)
	}
	return []slidefit.List{{Heading: "Key learnings", Items: items, Empty: "No rows saved yet."}}
}

// gridBox is the room a grid slide leaves its rows, below the heading.
func gridBox(size fyne.Size) (box fyne.Size, top, side float32) {
	k := slidefit.Scale(size)
	top, side = 60*k+slidefit.LineHeight(24*k, false)+slidefit.LineHeight(56*k, true)+24*k, 80*k
	return fyne.NewSize(size.Width-2*side, size.Height-top-60*k), top, side
}

// gridPages are every partner's slides; a long grid goes on over
// "continued" slides (decided at 1920×1080: the slides scale).
func gridPages(sheet grids.Sheet) []gridPage {
	box, _, _ := gridBox(widgets.SlideSize)
	var out []gridPage
	for i, pg := range sheet.Partners {
		pages := slidefit.ListPages(gridList(pg), box, 1)
		for p, lp := range pages {
			out = append(out, gridPage{partner: i, rows: lp, page: p, pages: len(pages)})
		}
	}
	return out
}

// gridDeckSize is the one type size of every partner's grid slides at a
// slide size: the largest at which each slide's rows fit whole.
func gridDeckSize(sheet grids.Sheet, size fyne.Size) float32 {
	k := slidefit.Scale(size)
	box, _, _ := gridBox(size)
	var deck []slidefit.ListSlide
	for _, gp := range gridPages(sheet) {
		deck = append(deck, slidefit.ListSlide{Lists: gridList(sheet.Partners[gp.partner]), Page: gp.rows})
	}
	return slidefit.ListsSize(deck, box, k, 36*k)
}

// gridSlide is one slide of a partner's grid in large type on white.
func gridSlide(sheet grids.Sheet, gp gridPage, size fyne.Size) fyne.CanvasObject {
	pg := sheet.Partners[gp.partner]
	k := slidefit.Scale(size)
	box, top, side := gridBox(size)
	where := fmt.Sprintf("%s · %d / %d", sheet.Title(), gp.partner+1, len(sheet.Partners))
	if gp.pages > 1 {
		where += fmt.Sprintf(" · slide %d of %d", gp.page+1, gp.pages)
	}
	sub := slidefit.Text(where, fyne.NewSize(box.Width, slidefit.LineHeight(24*k, false)), 24*k, slidefit.Style{}, widgets.SlideInk)
	sub.Move(fyne.NewPos(side, 60*k))
	head := slidefit.Text(pg.Heading(), fyne.NewSize(box.Width, slidefit.LineHeight(56*k, true)), 56*k, slidefit.Style{Bold: true}, widgets.SlideInk)
	head.Move(fyne.NewPos(side, 60*k+slidefit.LineHeight(24*k, false)))
	body := slidefit.DrawListsAt(gridList(pg), gp.rows, box, k, gridDeckSize(sheet, size), widgets.SlideInk)
	body.Move(fyne.NewPos(side, top))
	paper := widgets.Paper()
	paper.Resize(size)
	return container.NewWithoutLayout(paper, sub, head, body)
}
