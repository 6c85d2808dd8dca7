package doc

import (
	"slices"
	"strings"
)

// groupTables lays the tables of one kind out together: tables with the
// same header (each partner's grid, each partner's action table) get
// their columns from all their rows at once, so that a column keeps its
// width from one table to the next instead of jumping with each
// partner's content. Every paged writer calls it first.
func groupTables(d Document) Document {
	kinds := map[string][]int{}
	var order []string
	for i, b := range d.Blocks {
		if t, ok := b.(Table); ok && len(t.Header) > 0 {
			k := strings.Join(t.Header, "\x1f")
			if _, seen := kinds[k]; !seen {
				order = append(order, k)
			}
			kinds[k] = append(kinds[k], i)
		}
	}
	blocks := slices.Clone(d.Blocks)
	for _, k := range order {
		at := kinds[k]
		if len(at) < 2 {
			continue
		}
		first := d.Blocks[at[0]].(Table)
		all := &Table{Header: first.Header, Widths: first.Widths}
		for _, i := range at {
			all.Rows = append(all.Rows, d.Blocks[i].(Table).Rows...)
		}
		for _, i := range at {
			t := blocks[i].(Table)
			t.group = all
			blocks[i] = t
		}
	}
	d.Blocks = blocks
	return d
}

// laidOutAs is the table whose rows a table's columns are measured on:
// its group's, or its own.
func (t Table) laidOutAs() Table {
	if t.group != nil {
		return *t.group
	}
	return t
}
