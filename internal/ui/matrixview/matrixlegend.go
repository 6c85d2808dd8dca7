package matrixview

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
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

// practiceRefs number the practices a page's cells name, in the order
// they first appear (row by row, the Outside column last in each row):
// when the names do not fit the cells, the cells show these numbers and
// the legend the names.
func practiceRefs(page matrixPage) (refs map[string]int, order []data.GoodPractice) {
	refs = map[string]int{}
	add := func(gps []data.GoodPractice) {
		for _, gp := range gps {
			if _, ok := refs[gp.ID]; !ok {
				order = append(order, gp)
				refs[gp.ID] = len(order)
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
// heading and each numbered practice, with the name in full.
func legendEntries(shorts []string, ps []data.Partner, order []data.GoodPractice) []string {
	var out []string
	for i, s := range shorts {
		out = append(out, s+" = "+ps[i].Name)
	}
	for i, gp := range order {
		out = append(out, fmt.Sprintf("%d = %s", i+1, gp.Title))
	}
	return out
}
