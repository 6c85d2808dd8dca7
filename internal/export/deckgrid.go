package export

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/pptx"
)

// A learning grid in a .pptx deck is a table partners edit in PowerPoint
// or Impress, not a picture: its type as large as lets the grid fit one
// slide and keeps every word whole in its column, from gridTypeMax down to
// gridTypeMin; a grid too long for a slide at gridTypeMin goes on over
// slides titled "(continued)", the header on each.
const (
	gridTypeMax   = 18.0
	gridTypeMin   = 12.0
	gridTypeFloor = 8.0 // a row too tall for a slide of its own at gridTypeMin shrinks to this
	gridHeadFill  = "E5E7EB"
	gridRule      = "9CA3AF"
)

// gridTableSlides are the slides of one partner's grid (an index into the
// sheet's partners): its heading as the title (marked "(continued)" on
// the slides that go on), where it is among the meeting's grids below it,
// and its rows in a table of grids.Columns at grids.SlideShares of the
// width. The text is measured with the PDF's font, wider than the Arial
// the deck names, so the rows Impress and PowerPoint lay out are no
// taller than the heights given here.
func (f *textFitter) gridTableSlides(sheet grids.Sheet, i int) []pptx.Slide {
	pg := sheet.Partners[i]
	where := fmt.Sprintf("%s · %d / %d", sheet.Title(), i+1, len(sheet.Partners))
	if len(pg.Rows) == 0 {
		s, top := f.textSlide(pg.Heading(), where)
		return []pptx.Slide{withBody(s, top, []pptx.Paragraph{{Text: "No rows saved yet.", Size: 24}})}
	}
	var rows [][]string
	for _, r := range pg.Rows {
		rows = append(rows, grids.Cells(r))
	}
	g := gridLayout{f: f, widths: gridWidths(pptx.SlideWidth - 2*deckMargin)}
	_, firstTop := f.textSlide(pg.Heading(), where)
	_, laterTop := f.textSlide(pg.Heading()+" (continued)", where)
	for size := gridTypeMax; size >= gridTypeMin; size-- {
		if g.whole(rows, size) && g.height(rows, size) <= deckBodyBot-firstTop {
			return []pptx.Slide{g.slide(pg.Heading(), where, rows, size)}
		}
	}
	var out []pptx.Slide
	var page [][]string
	flush := func() {
		title, top := continued(pg.Heading(), len(out)), firstTop
		if len(out) > 0 {
			top = laterTop
		}
		size := gridTypeMin
		for size > gridTypeFloor && g.height(page, size) > deckBodyBot-top { // one row taller than the slide
			size--
		}
		out = append(out, g.slide(title, where, page, size))
		page = nil
	}
	for _, r := range rows {
		top := firstTop
		if len(out) > 0 {
			top = laterTop
		}
		if len(page) > 0 && g.height(append(page[:len(page):len(page)], r), gridTypeMin) > deckBodyBot-top {
			flush()
		}
		page = append(page, r)
	}
	flush()
	return out
}

// gridHeads are the table's header: grids.Columns, the relevance's scale
// under its name as on the drawn slides (Impress would break "1–5" after
// its dash, the column being narrow).
var gridHeads = func() []string {
	heads := slices.Clone(grids.Columns)
	heads[1] = strings.Replace(heads[1], " ", "\n", 1)
	return heads
}()

// gridWidths are the grid's columns' widths in a table width points wide.
func gridWidths(width float64) []float64 {
	out := make([]float64, len(grids.SlideShares))
	for i, share := range grids.SlideShares {
		out[i] = width * float64(share)
	}
	return out
}

// gridLayout measures a grid's table: its cells' text in the PDF's font,
// each inside its column less the cell's insets.
type gridLayout struct {
	f      *textFitter
	widths []float64
}

// cell is one cell's paragraph at size; the header's is bold.
func gridCell(text string, size float64, head bool) pptx.Paragraph {
	return pptx.Paragraph{Text: text, Size: size, Bold: head}
}

// rowHeight is how tall a row is at size: its tallest cell's lines, and
// the insets above and below.
func (g gridLayout) rowHeight(cells []string, size float64, head bool) float64 {
	lines := 1
	for c, text := range cells {
		lines = max(lines, len(g.f.lines(gridCell(text, size, head), g.widths[c]-2*pptx.TableInsetX)))
	}
	return float64(lines)*gridCell("", size, head).LineHeight() + 2*pptx.TableInsetY
}

// height is the table's height at size: the header and the rows.
func (g gridLayout) height(rows [][]string, size float64) float64 {
	h := g.rowHeight(gridHeads, size, true)
	for _, r := range rows {
		h += g.rowHeight(r, size, false)
	}
	return h
}

// whole says whether every word of the header and the rows fits its
// column at size, so no word is broken across lines.
func (g gridLayout) whole(rows [][]string, size float64) bool {
	for i, r := range append([][]string{gridHeads}, rows...) {
		for c, text := range r {
			p := gridCell(text, size, i == 0)
			for _, word := range strings.Fields(text) {
				p.Text = word
				if len(g.f.lines(p, g.widths[c]-2*pptx.TableInsetX)) > 1 {
					return false
				}
			}
		}
	}
	return true
}

// slide is a text slide's title and subtitle over the table of rows at
// size, the header first.
func (g gridLayout) slide(title, subtitle string, rows [][]string, size float64) pptx.Slide {
	s, top := g.f.textSlide(title, subtitle)
	t := pptx.Table{Box: pptx.Box{X: deckMargin, Y: top, W: pptx.SlideWidth - 2*deckMargin}, Widths: g.widths, HeaderFill: gridHeadFill, Rule: gridRule}
	for i, r := range append([][]string{gridHeads}, rows...) {
		var cells []pptx.Paragraph
		for _, text := range r {
			cells = append(cells, gridCell(text, size, i == 0))
		}
		h := g.rowHeight(r, size, i == 0)
		t.Rows, t.Heights, t.H = append(t.Rows, cells), append(t.Heights, h), t.H+h
	}
	note := pptx.TextBox{Box: pptx.Box{X: deckMargin, Y: deckBodyBot + 8, W: pptx.SlideWidth - 2*deckMargin, H: pptx.SlideHeight - deckBodyBot - 12},
		Paragraphs: []pptx.Paragraph{{Text: grids.RelevanceNote, Size: gridNoteSize, Color: deckMuted}}} // in the foot margin, under any table
	s.Shapes = append(s.Shapes, t, note)
	return s
}

// gridNoteSize is the type of the line under a grid table saying what its
// "IAP 1–5" means.
const gridNoteSize = 10
