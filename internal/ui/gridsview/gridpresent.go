package gridsview

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidesheet"
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

// gridPage is one slide of a partner's grid: its rows (indices) at the
// deck's one type size.
type gridPage struct {
	partner int
	rows    []int
	page    int
	pages   int
	size    float32 // the deck's type size, in slide units
}

// gridTable is the editor's columns on a slide under its headings, at
// their slide shares (as the deck's tables have them).
var gridTable = slidesheet.Table{Heads: grids.Columns, Shares: grids.SlideShares}

// gridCells are a partner's rows as the editor's cells.
func gridCells(pg grids.PartnerGrid) [][]string {
	var out [][]string
	for _, r := range pg.Rows {
		out = append(out, grids.Cells(r))
	}
	return out
}

// Where a grid slide's parts go, in slide units.
const (
	gridSide    = 80
	gridTop     = 60
	gridBottom  = 60
	gridSub     = 24 // the line above the heading
	gridHead    = 56 // the partner's name
	gridNote    = 20 // what "IAP 1–5" means, in the bottom margin
	gridNoteGap = 14
)

// gridHeading is the partner's name on the slide, marked on the slides
// that go on.
func gridHeading(pg grids.PartnerGrid, page int) string {
	if page > 0 {
		return pg.Heading() + " (continued)"
	}
	return pg.Heading()
}

// gridArea is the room a partner's slide leaves its table, under the line
// above the heading and the heading (wrapped whole).
func gridArea(s *slidesheet.Sheet, pg grids.PartnerGrid, page int) slidesheet.Area {
	w := float32(1920 - 2*gridSide)
	y := gridTop + s.Height("M", w, gridInk(gridSub, false)) + s.Height(gridHeading(pg, page), w, gridInk(gridHead, true)) + 24
	return slidesheet.Area{X: gridSide, Y: y, W: w, H: 1080 - gridBottom - y}
}

func gridInk(size float32, bold bool) slidesheet.Ink {
	return slidesheet.Ink{Size: size, Bold: bold, Color: widgets.SlideInk}
}

// gridSlack is the share of a slide's table left free when its pages are
// decided: text measured at a smaller slide's scale is a little taller.
const gridSlack = 0.96

// gridPages are every partner's slides at the deck's one type size: the
// largest at which each partner's grid fits on one slide, else the Floor
// with a long grid going on over "continued" slides (decided at 1920×1080:
// the slides scale).
func gridPages(sheet grids.Sheet) []gridPage {
	s := slidesheet.NewSheet(widgets.SlideSize)
	pagesAt := func(pg grids.PartnerGrid, size float32) [][]int {
		a := gridArea(s, pg, 1) // the longer heading of a slide that goes on
		a.H *= gridSlack
		if len(pg.Rows) == 0 {
			return [][]int{nil}
		}
		return gridTable.Pages(s, gridCells(pg), a, size)
	}
	sizes := slidesheet.Sizes(36)
	size := sizes[len(sizes)-1]
	for _, try := range sizes {
		fits := true
		for _, pg := range sheet.Partners {
			if fits = len(pagesAt(pg, try)) == 1; !fits {
				break
			}
		}
		if fits {
			size = try
			break
		}
	}
	var out []gridPage
	for i, pg := range sheet.Partners {
		pages := pagesAt(pg, size)
		if pages == nil { // a row taller than a slide at the Floor (or a word wider than its column): alone on each slide
			for r := range pg.Rows {
				pages = append(pages, []int{r})
			}
		}
		for p, rows := range pages {
			out = append(out, gridPage{partner: i, rows: rows, page: p, pages: len(pages), size: size})
		}
	}
	return out
}

// gridSlide is one slide of a partner's grid in large type on white: the
// editor's columns and headings, every cell whole.
func gridSlide(sheet grids.Sheet, gp gridPage, size fyne.Size) fyne.CanvasObject {
	pg := sheet.Partners[gp.partner]
	s := slidesheet.NewSheet(size)
	where := fmt.Sprintf("%s · %d / %d", sheet.Title(), gp.partner+1, len(sheet.Partners))
	if gp.pages > 1 {
		where += fmt.Sprintf(" · slide %d of %d", gp.page+1, gp.pages)
	}
	w := float32(1920 - 2*gridSide)
	y := float32(gridTop)
	y += s.Text(where, gridSide, y, w, gridInk(gridSub, false))
	s.Text(gridHeading(pg, gp.page), gridSide, y, w, gridInk(gridHead, true))
	a := gridArea(s, pg, gp.page)
	if len(pg.Rows) == 0 {
		s.Text("No rows saved yet.", a.X, a.Y, a.W, gridInk(gp.size, false))
	} else {
		cells := gridCells(pg)
		var rows [][]string
		for _, r := range gp.rows {
			rows = append(rows, cells[r])
		}
		gridTable.Draw(s, rows, a.X, a.Y, a.W, gp.size)
		s.Text(grids.RelevanceNote, gridSide, 1080-gridBottom+gridNoteGap, w, slidesheet.Ink{Size: gridNote, Color: slidesheet.Dim})
	}
	s.Box.Resize(size)
	paper := widgets.Paper()
	paper.Resize(size)
	return container.NewWithoutLayout(paper, s.Box)
}
