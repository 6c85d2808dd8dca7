package slidesheet

import (
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Table is a slide's table: a heading per column over a band, each column
// its share of the width, every cell's text wrapped whole in its column
// (a row is as tall as its tallest cell) and a rule under each row. Its
// rows are laid out by FlowBlocks, one column of blocks: pages when they
// do not fit, the heading repeated on each.
type Table struct {
	Heads  []string
	Shares []float32 // of the width, one per column; they add up to 1
}

// cellPad is the space round a cell's text, as a share of the type size.
const cellPad = 0.3

func (t Table) widths(w float32) []float32 {
	out := make([]float32, len(t.Shares))
	for i, sh := range t.Shares {
		out[i] = w * sh
	}
	return out
}

func tableInk(size float32, bold bool) Ink {
	return Ink{Size: size, Bold: bold, Color: widgets.SlideInk}
}

// RowHeight is the height of a row of cells in a table w wide at size.
func (t Table) RowHeight(s *Sheet, cells []string, w, size float32, bold bool) float32 {
	ink, pad := tableInk(size, bold), size*cellPad
	h := float32(0)
	for i, cw := range t.widths(w) {
		if i < len(cells) {
			h = max(h, s.Height(cells[i], cw-2*pad, ink))
		}
	}
	return h + 2*pad
}

// wordsFit tells whether every word of cells fits its column at size: a
// word is never broken over two lines ("2024-09-" above "15").
func (t Table) wordsFit(s *Sheet, cells []string, w, size float32, bold bool) bool {
	ink, pad := tableInk(size, bold), size*cellPad
	ink.Scale = s.Scale
	for i, cw := range t.widths(w) {
		if i >= len(cells) {
			break
		}
		for _, word := range strings.Fields(cells[i]) {
			if Width(word, ink) > cw-2*pad {
				return false
			}
		}
	}
	return true
}

// Pages splits rows into the pages of a table in a at size: each page is
// the indices of its rows, under the heading row. None when a row alone is
// taller than a page or a word is wider than its column.
func (t Table) Pages(s *Sheet, rows [][]string, a Area, size float32) [][]int {
	if !t.wordsFit(s, t.Heads, a.W, size, true) {
		return nil
	}
	for _, r := range rows {
		if !t.wordsFit(s, r, a.W, size, false) {
			return nil
		}
	}
	head := t.RowHeight(s, t.Heads, a.W, size, true)
	body := Area{X: a.X, Y: a.Y + head, W: a.W, H: a.H - head}
	f := FlowBlocks(len(rows), body, []float32{size}, []int{1}, 0, func(i int, size, w float32) float32 {
		return t.RowHeight(s, rows[i], w, size, false)
	})
	var out [][]int
	for _, page := range f.Pages {
		var idx []int
		for _, p := range page {
			if p.H > body.H {
				return nil
			}
			idx = append(idx, p.Index)
		}
		out = append(out, idx)
	}
	return out
}

// Draw draws the heading row and the rows at x, y in a table w wide at
// size, and returns the height taken.
func (t Table) Draw(s *Sheet, rows [][]string, x, y, w, size float32) float32 {
	top := y
	h := t.RowHeight(s, t.Heads, w, size, true)
	s.Rect(x, y, w, h, widgets.SlideBand)
	y += t.drawRow(s, t.Heads, x, y, w, size, true)
	for _, r := range rows {
		y += t.drawRow(s, r, x, y, w, size, false)
	}
	return y - top
}

// drawRow draws one row's cells and the rule at its foot, under the text.
func (t Table) drawRow(s *Sheet, cells []string, x, y, w, size float32, bold bool) float32 {
	ink, pad := tableInk(size, bold), size*cellPad
	h := t.RowHeight(s, cells, w, size, bold)
	cx := x
	for i, cw := range t.widths(w) {
		if i < len(cells) && cells[i] != "" {
			s.Text(cells[i], cx+pad, y+pad, cw-2*pad, ink)
		}
		cx += cw
	}
	rule := max(size*0.06, 1)
	s.Rect(x, y+h-rule, w, rule, widgets.SlideRule)
	return h
}
