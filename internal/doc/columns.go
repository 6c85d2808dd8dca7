package doc

import "strings"

// measure is the width of text set in the table's font, bold or not, at
// the size being tried, in the unit of the widths it is compared with.
type measure func(text string, bold bool) float64

// columnWidths shares total out among a table's columns so that no word
// is cut. Each column gets at least its longest word plus pad (both
// sides' cell margins and some slack). Without Widths, a column whose
// longest line fits in an equal share gets just that line's width, so
// short values ("Testing action", "12 000") never wrap, and the columns
// of longer text share the rest in proportion to their content (their
// cells' average width); with Widths, the columns share the whole width
// as they say. A column whose share would be narrower than its longest
// word keeps that minimum and the others share what is left. fits is
// false when the minima alone exceed total: the caller tries a smaller
// size, and at the smallest the widths are the minima scaled down,
// cutting words as little as the page allows.
func columnWidths(t Table, total, pad float64, width measure) (widths []float64, fits bool) {
	t = t.laidOutAs()
	n := columns(t)
	least := make([]float64, n)   // the longest word
	longest := make([]float64, n) // the longest line
	content := make([]float64, n) // the average cell
	measureCell := func(i int, text string, bold bool) float64 {
		text = clean(text)
		for _, w := range strings.Fields(text) {
			least[i] = max(least[i], width(w, bold)+pad)
		}
		for _, line := range strings.Split(text, "\n") {
			longest[i] = max(longest[i], width(strings.Join(strings.Fields(line), " "), bold)+pad)
		}
		return width(strings.Join(strings.Fields(text), " "), bold)
	}
	for i := range n {
		measureCell(i, headerAt(t, i), true)
		for _, r := range t.Rows {
			c := cellAt(r, i)
			content[i] += measureCell(i, c.Text, c.Bold) + measureCell(i, c.Note, false)
		}
		content[i] = max(content[i]/float64(max(1, len(t.Rows))), least[i])
	}
	need := 0.0
	for _, l := range least {
		need += l
	}
	widths = make([]float64, n)
	if need > total {
		for i, l := range least {
			widths[i] = l * total / need
		}
		return widths, false
	}
	want := content
	pinned := make([]bool, n)
	if len(t.Widths) > 0 {
		want = widthShares(t)
	} else {
		short, sum := 0, 0.0
		for i := range n {
			if longest[i] <= total/float64(n) {
				short++
				sum += longest[i]
			}
		}
		if short == n { // everything fits on one line: widen in proportion
			for i := range n {
				widths[i] = longest[i] * total / sum
			}
			return widths, true
		}
		// Short columns keep their line unless the others' words would then lack room.
		room := total
		for i := range n {
			if longest[i] <= total/float64(n) {
				room -= longest[i]
			} else {
				room -= least[i]
			}
		}
		for i := range n {
			if room >= 0 && longest[i] <= total/float64(n) {
				least[i], pinned[i] = longest[i], true
			}
		}
	}
	for {
		left, share := total, 0.0
		for i := range n {
			if pinned[i] {
				left -= least[i]
			} else {
				share += want[i]
			}
		}
		more := false
		for i := range n {
			switch {
			case pinned[i]:
				widths[i] = least[i]
			case share <= 0:
				widths[i] = left / float64(n)
			default:
				widths[i] = left * want[i] / share
			}
			if !pinned[i] && widths[i] < least[i] {
				pinned[i], more = true, true
			}
		}
		if !more {
			return widths, true
		}
	}
}
