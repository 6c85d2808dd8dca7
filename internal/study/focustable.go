package study

import (
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

// focusTable is Table 2 of a baseline study: per partner the focus of its
// Integrated Action Plan and its idea for a testing action.
func focusTable(partners []data.Partner, caption string) doc.Table {
	t := doc.Table{Caption: caption, Header: []string{"Partner", "Focus of the Integrated Action Plan", "Testing action"}, Widths: []float64{1, 2, 2}}
	for _, p := range partners {
		t.Rows = append(t.Rows, []doc.Cell{{Text: p.Name, Bold: true}, {Text: plainText(p.IAPFocus)}, {Text: plainText(p.TestingAction)}})
	}
	return t
}
