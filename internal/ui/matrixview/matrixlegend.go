package matrixview

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
)

// shortNames are what head the partners' columns when their full names
// do not fit: the short name the user gave, else the initials of the
// name with its digits ("Quart de Poblet" → "QP"), or for a name of one
// word its first three letters, with the column's number added when
// another column has it already. Letters, not bare numbers: the numbers
// in the cells are practices. Every one is explained in the slide's legend.
func shortNames(ps []data.Partner, first int) []string {
	out := make([]string, len(ps))
	taken := map[string]bool{}
	for i, p := range ps {
		if p.ShortName != "" {
			out[i] = p.ShortName
			taken[p.ShortName] = true
		}
	}
	for i, p := range ps {
		if out[i] != "" {
			continue
		}
		s := initials(p.Name)
		if s == "" {
			s = string([]rune(p.Name)[:min(3, len([]rune(p.Name)))])
		}
		if taken[s] {
			s += fmt.Sprint(first + i + 1)
		}
		out[i], taken[s] = s, true
	}
	return out
}

// initials are the first letter of each capitalised word of name (and
// of each part of a hyphenated word) with the digits kept whole: "of"
// and "de" are left out.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		for _, part := range strings.Split(w, "-") {
			r := []rune(part)
			switch {
			case len(r) == 0:
			case unicode.IsDigit(r[0]):
				b.WriteString(part)
			case unicode.IsUpper(r[0]):
				b.WriteRune(r[0])
			}
		}
	}
	if len([]rune(b.String())) < 2 {
		return ""
	}
	return b.String()
}

// practiceRefs number the practices a page's cells name: each by its
// place in the whole matrix (row by row, every partner's cell and then the
// Outside column), so that a practice has the same number on every slide
// and in every view of the deck; order lists the page's practices by
// number. When the names do not fit the cells, the cells show these numbers
// and the legend the names.
func practiceRefs(page matrixPage) (refs map[string]int, order []data.GoodPractice) {
	number := map[string]int{}
	count := func(gps []data.GoodPractice) {
		for _, gp := range gps {
			if _, ok := number[gp.ID]; !ok {
				number[gp.ID] = len(number) + 1
			}
		}
	}
	for _, row := range page.m.Rows {
		for _, p := range page.m.Partners {
			count(page.m.Cell(p.ID, row.SubTheme.ID).Practices)
		}
		count(page.m.Outside(row.SubTheme.ID))
	}
	refs = map[string]int{}
	add := func(gps []data.GoodPractice) {
		for _, gp := range gps {
			if _, ok := refs[gp.ID]; !ok {
				refs[gp.ID] = number[gp.ID]
				order = append(order, gp)
			}
		}
	}
	for _, dr := range page.rows {
		if dr.row == nil {
			continue
		}
		for _, p := range page.partners {
			add(page.m.Cell(p.ID, dr.row.SubTheme.ID).Practices)
		}
		add(page.m.Outside(dr.row.SubTheme.ID))
	}
	slices.SortFunc(order, func(a, b data.GoodPractice) int { return refs[a.ID] - refs[b.ID] })
	return refs, order
}

// refText is what a cell shows for its practices by number: "1, 4".
func refText(gps []data.GoodPractice, refs map[string]int) string {
	var nums []string
	for _, gp := range gps {
		nums = append(nums, fmt.Sprint(refs[gp.ID]))
	}
	return strings.Join(nums, ", ")
}

// legendEntries are the slide's legend below the grid: each short column
// heading and each numbered practice (the key), with the name in full.
func legendEntries(shorts []string, ps []data.Partner, order []data.GoodPractice, refs map[string]int) [][2]string {
	var out [][2]string
	for i, s := range shorts {
		out = append(out, [2]string{s, ps[i].Name})
	}
	for _, gp := range order {
		out = append(out, [2]string{fmt.Sprint(refs[gp.ID]), gp.Title})
	}
	return out
}

// matrixLegend is the legend laid out in columns: each entry's key
// (bold, aligned right in a column of its own) and its name wrapped whole
// beside it, down one column, then the next.
type matrixLegend struct {
	entries       []legendEntry
	size          float32 // of the keys and names
	keyW, nameW   float32
	width, height float32
}

type legendEntry struct {
	key  string
	name slidefit.Layout
	x, y float32
}

var (
	legendKeyStyle  = slidefit.Style{Bold: true, Align: fyne.TextAlignTrailing}
	legendNameStyle = slidefit.Style{MaxLines: 4}
)

// layoutLegend lays entries out in as many columns as w holds at size
// (a name's column at least 18 type sizes wide, at most four columns),
// each column as short as lets every entry in; ok is false when a name
// does not fit its column or the legend is taller than room.
func layoutLegend(entries [][2]string, w, room, size, colGap float32) (matrixLegend, bool) {
	lg := matrixLegend{size: size, width: w}
	if len(entries) == 0 {
		return lg, true
	}
	for _, e := range entries {
		lg.keyW = max(lg.keyW, slidefit.Measure(e[0], size, true).Width)
	}
	lg.keyW += size * 0.5
	cols := min(max(int((w+colGap)/(lg.keyW+18*size+colGap)), 1), 4)
	colW := (w - float32(cols-1)*colGap) / float32(cols)
	lg.nameW = colW - lg.keyW
	gap := size * 0.2
	heights := make([]float32, len(entries))
	total := float32(0)
	for i, e := range entries {
		name := slidefit.Fit(e[1], fyne.NewSize(lg.nameW, room), size, size, legendNameStyle)
		if !name.Fits {
			return lg, false
		}
		lg.entries = append(lg.entries, legendEntry{key: e[0], name: name})
		heights[i] = name.Height(false) + gap
		total += heights[i]
	}
	// The shortest column height at which the entries, in order, fill no
	// more than cols columns.
	for h := total / float32(cols); h <= room+gap; h += slidefit.LineHeight(size, false) / 2 {
		col, y, used := 0, float32(0), float32(0)
		for i := range lg.entries {
			if y > 0 && y+heights[i] > h {
				col, y = col+1, 0
			}
			lg.entries[i].x, lg.entries[i].y = float32(col)*(colW+colGap), y
			y += heights[i]
			used = max(used, y)
		}
		if col < cols {
			lg.height = used - gap
			return lg, lg.height <= room
		}
	}
	return lg, false
}

// draw is the legend as one object, lg.width × lg.height.
func (lg matrixLegend) draw(ink color.Color) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	lh := slidefit.LineHeight(lg.size, false)
	for _, e := range lg.entries {
		key := slidefit.Label(slidefit.Layout{Lines: []string{e.key}, Size: lg.size, Fits: true}, fyne.NewSize(lg.keyW-lg.size*0.4, lh), legendKeyStyle, ink)
		key.Move(fyne.NewPos(e.x, e.y))
		name := slidefit.Label(e.name, fyne.NewSize(lg.nameW, e.name.Height(false)), legendNameStyle, ink)
		name.Move(fyne.NewPos(e.x+lg.keyW, e.y))
		objs = append(objs, key, name)
	}
	box := container.NewWithoutLayout(objs...)
	box.Resize(fyne.NewSize(lg.width, lg.height))
	return box
}
