package grids

import (
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/choice"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

// ReviewStatuses are the review states with the words the grid screen and
// the exports show for them.
var ReviewStatuses = choice.List{{Label: "Open", Value: data.ReviewOpen}, {Label: "Done", Value: data.ReviewDone},
	{Label: "In progress", Value: data.ReviewInProgress}, {Label: "Dropped", Value: data.ReviewDropped}}

// ReviewedAction is a grid action and how it went: set by a partner at
// one meeting, reviewed at a later one (ReviewedAt is zero until then).
type ReviewedAction struct {
	Partner    data.Partner
	Row        data.GridRow
	SetAt      data.Meeting
	ReviewedAt data.Meeting
}

// reviewColumns are the columns of a review table; the first, "Set at",
// is left out where every action was set at the same meeting.
var reviewColumns = []string{"Set at", "Action", "Who", "By when", "Status", "Comment", "Reviewed at"}

// ReviewColumns are the columns of a review table with the partner first,
// as the spreadsheet lists every partner's actions on one sheet.
var ReviewColumns = append([]string{"Partner"}, reviewColumns...)

// Cells are the action's values in the order of ReviewColumns.
func (a ReviewedAction) Cells() []string {
	reviewed := ""
	if a.ReviewedAt.ID != "" {
		reviewed = meetingAndDate(a.ReviewedAt)
	}
	return []string{a.Partner.Name, meetingAndDate(a.SetAt), a.Row.Action, a.Row.ActionWho, a.Row.ActionBy,
		ReviewStatuses.Label(a.Row.ReviewStatus), a.Row.ReviewComment, reviewed}
}

func meetingAndDate(m data.Meeting) string {
	return strings.TrimSpace(m.Title + " (" + m.StartDate + ")")
}

// reviewTables lays actions out partner by partner, each under a heading
// of the given level, without the "Set at" column when setAt is false.
func reviewTables(actions []ReviewedAction, level int, setAt bool) []doc.Block {
	first := 1 // the partner is the heading, not a column
	if !setAt {
		first = 2
	}
	var blocks []doc.Block
	for start := 0; start < len(actions); {
		t := doc.Table{Header: ReviewColumns[first:]}
		end := start
		for ; end < len(actions) && actions[end].Partner.ID == actions[start].Partner.ID; end++ {
			var row []doc.Cell
			for _, v := range actions[end].Cells()[first:] {
				row = append(row, doc.Cell{Text: v})
			}
			t.Rows = append(t.Rows, row)
		}
		blocks = append(blocks, doc.Heading{Level: level, Text: actions[start].Partner.Name}, t)
		start = end
	}
	return blocks
}
