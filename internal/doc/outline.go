package doc

import (
	"strconv"
	"strings"
	"unicode"
)

// entry is one heading as the tables of contents list it.
type entry struct {
	Level int    // 1 to 3
	Text  string // cleaned, on one line
	ID    string // anchor, unique in the document
}

// outline lists the document's headings in order with unique anchors;
// the n-th Heading block is outline(d)[n].
func outline(d Document) []entry {
	var out []entry
	seen := map[string]int{}
	for _, b := range d.Blocks {
		h, ok := b.(Heading)
		if !ok {
			continue
		}
		text := strings.Join(strings.Fields(clean(h.Text)), " ") // one line
		id := slug(text)
		if n, dup := seen[id]; dup {
			seen[id] = n + 1
			id += "-" + strconv.Itoa(n+1)
		} else {
			seen[id] = 0
		}
		out = append(out, entry{Level: headingLevel(h), Text: text, ID: id})
	}
	return out
}

// contentsLevels is how deep the contents go: chapters and sections.
// Sub-sections repeat under every partner (the same three for nine
// partners took two pages of contents).
const contentsLevels = 2

// inContents tells whether the contents list the heading.
func (e entry) inContents() bool { return e.Level <= contentsLevels }

// headingLevel keeps a heading's level within the three the formats style.
func headingLevel(h Heading) int { return min(3, max(1, h.Level)) }

// slug makes GitHub's heading anchor (lower case, letters, digits, - and
// _, spaces as -), the one Markdown readers link to, so the Markdown and
// HTML contents point at the same ids.
func slug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// columns is a table's width: its header's or its longest row's.
func columns(t Table) int {
	n := len(t.Header)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	return n
}

// cellAt is row's i-th cell, empty past the row's end.
func cellAt(row []Cell, i int) Cell {
	if i < len(row) {
		return row[i]
	}
	return Cell{}
}

// headerAt is the i-th header, empty past the header's end.
func headerAt(t Table, i int) string {
	if i < len(t.Header) {
		return t.Header[i]
	}
	return ""
}

// widthShares are the columns' shares of the table's width (summing to
// 1); missing or non-positive widths count as the average.
func widthShares(t Table) []float64 {
	n := columns(t)
	w := make([]float64, n)
	sum, given := 0.0, 0
	for i := range w {
		if i < len(t.Widths) && t.Widths[i] > 0 {
			w[i] = t.Widths[i]
			sum += w[i]
			given++
		}
	}
	fill := 1.0
	if given > 0 {
		fill = sum / float64(given)
	}
	total := 0.0
	for i := range w {
		if w[i] == 0 {
			w[i] = fill
		}
		total += w[i]
	}
	for i := range w {
		w[i] /= total
	}
	return w
}

// wideColumns is how many columns make a table too wide for a portrait
// page: the action tables have 9, a learning grid 6, a roadmap table 8.
// From denseColumns on (the matrix: a label and 16 partners) the text
// starts smaller too.
const (
	wideColumns  = 6
	denseColumns = 10
)

// isWide tells whether a table has the columns of a paper form, which go
// on a landscape page (DOCX, PDF, print). Columns of figures (every row's
// cell right-aligned: counts, means) are narrow and make no form; whether
// they fit is measured (needsLandscape).
func isWide(t Table) bool { return columns(t)-figureColumns(t) >= wideColumns }

// figureColumns counts the columns whose every row (of the table's kind,
// groupTables) holds a right-aligned cell.
func figureColumns(t Table) int {
	t = t.laidOutAs()
	if len(t.Rows) == 0 {
		return 0
	}
	n := 0
	for i := range columns(t) {
		all := true
		for _, r := range t.Rows {
			all = all && cellAt(r, i).Right
		}
		if all {
			n++
		}
	}
	return n
}

// isDense tells whether a table's text starts at the small size.
func isDense(t Table) bool { return columns(t) >= denseColumns }
