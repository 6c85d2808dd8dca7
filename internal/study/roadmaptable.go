package study

import (
	"fmt"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
)

// monthsPerTable keeps a roadmap table readable on a portrait page: a
// network's thirty months go in tables of six, as a half-year plan.
const monthsPerTable = 6

// busyFill marks the months in which something happens (light blue, dark
// text stays readable on it).
const busyFill = "DCEAF7"

// roadmapTables is the network roadmap: its rows down, months across, in
// tables of monthsPerTable months; the first carries the table number.
func roadmapTables(r roadmap.Roadmap, caption func(string) string) []doc.Block {
	if len(r.Months) == 0 {
		return []doc.Block{doc.Text("The roadmap has no dated activities yet.")}
	}
	var out []doc.Block
	number := ""
	for from := 0; from < len(r.Months); from += monthsPerTable {
		to := min(from+monthsPerTable, len(r.Months))
		span := r.Months[from].Format("January 2006") + " – " + r.Months[to-1].Format("January 2006")
		title := "Network roadmap, " + span
		if number == "" {
			title = caption(title)
			number, _, _ = strings.Cut(title, ".")
		} else {
			title = fmt.Sprintf("%s (continued). %s", number, title)
		}
		t := doc.Table{Caption: title, Header: []string{"Activity"}, Widths: []float64{3}}
		for _, m := range r.Months[from:to] {
			t.Header = append(t.Header, m.Format("Jan 2006"))
			t.Widths = append(t.Widths, 1)
		}
		for _, row := range r.Rows {
			cells := []doc.Cell{{Text: row.Label}}
			for i := from; i < to; i++ {
				cells = append(cells, monthCell(row, i))
			}
			t.Rows = append(t.Rows, cells)
		}
		out = append(out, t)
	}
	return out
}

func monthCell(row roadmap.Row, month int) doc.Cell {
	if month >= len(row.Cells) || len(row.Cells[month]) == 0 {
		return doc.Cell{}
	}
	return doc.Cell{Text: strings.Join(row.Cells[month], "\n"), Fill: busyFill}
}
