package grids

import (
	"slices"
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

// ReviewColumns are the columns of the review in a spreadsheet: one
// value a column, for filtering and sorting.
var ReviewColumns = []string{"Partner", "Set at", "Action", "Who", "By when", "Status", "Comment", "Reviewed at"}

// Cells are the action's values in the order of ReviewColumns.
func (a ReviewedAction) Cells() []string {
	return []string{a.Partner.Name, meetingAndDate(a.SetAt), a.Row.Action, a.Row.ActionWho, a.Row.ActionBy,
		ReviewStatuses.Label(a.Row.ReviewStatus), a.Row.ReviewComment, a.reviewedAt()}
}

func (a ReviewedAction) reviewedAt() string {
	if a.ReviewedAt.ID == "" {
		return ""
	}
	return meetingAndDate(a.ReviewedAt)
}

func meetingAndDate(m data.Meeting) string {
	return strings.TrimSpace(m.Title + " (" + m.StartDate + ")")
}

// documentColumns are the columns of a review table in a document: who
// and by when under the action, so that the table stays narrow enough for
// a portrait page. The first, "Set at", is left out where every action
// was set at the same meeting; the last, "Reviewed at", where no action
// was reviewed at another meeting than the document's own (which its
// heading names).
var documentColumns = []string{"Set at", "Action\nwho · by when", "Status", "Comment", "Reviewed at"}

// reviewTables lays actions out partner by partner, each under a heading
// of the given level, without the "Set at" column when setAt is false
// and without "Reviewed at" when every action was reviewed at own, or not
// yet.
func reviewTables(actions []ReviewedAction, level int, setAt bool, own data.Meeting) []doc.Block {
	header := documentColumns
	reviewedElsewhere := slices.ContainsFunc(actions, func(a ReviewedAction) bool {
		return a.ReviewedAt.ID != "" && a.ReviewedAt.ID != own.ID
	})
	if !reviewedElsewhere {
		header = header[:len(header)-1]
	}
	first := 0
	if !setAt {
		first = 1
	}
	var blocks []doc.Block
	for start := 0; start < len(actions); {
		t := doc.Table{Header: header[first:]}
		end := start
		for ; end < len(actions) && actions[end].Partner.ID == actions[start].Partner.ID; end++ {
			a := actions[end]
			action := a.Row.Action
			if who := strings.Trim(a.Row.ActionWho+" · "+a.Row.ActionBy, " ·"); who != "" {
				action += "\n" + who
			}
			row := []doc.Cell{{Text: meetingAndDate(a.SetAt)}, {Text: action}, {Text: ReviewStatuses.Label(a.Row.ReviewStatus)},
				{Text: a.Row.ReviewComment}, {Text: a.reviewedAt()}}
			t.Rows = append(t.Rows, row[first:len(header)])
		}
		blocks = append(blocks, doc.Heading{Level: level, Text: actions[start].Partner.Name}, t)
		start = end
	}
	return blocks
}

// byReport splits actions into those with a report (done, in progress,
// dropped) and those still open, in their order.
func byReport(actions []ReviewedAction) (reported, open []ReviewedAction) {
	for _, a := range actions {
		if a.Row.ReviewStatus == data.ReviewOpen {
			open = append(open, a)
		} else {
			reported = append(reported, a)
		}
	}
	return reported, open
}
