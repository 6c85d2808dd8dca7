// Package actiontables lays out the partners' action tables — the
// learning logs that become their Integrated Action Plans — as the tables
// partners fill by hand: one per partner, testing actions first, with
// timing, responsibility, cost, funding, indicators, risks and status.
package actiontables

import (
	"context"
	"fmt"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/choice"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

// Tables are the action tables of a network's partners (those with actions).
type Tables struct {
	Network  string
	Partners []PartnerTable
}

// PartnerTable is one partner's actions.
type PartnerTable struct {
	Partner data.Partner
	Actions []data.PlanAction
}

// Columns are an action table's columns, as on the paper form.
var Columns = []string{"Action", "Kind", "Timing", "Responsibility", "Cost (EUR)", "Funding source", "Monitoring indicators", "Risks", "Status"}

// widths are the XLSX columns' relative widths; in DOCX and PDF the
// columns are as wide as their content asks, on a landscape page.
var widths = []float64{26, 7, 10, 10, 7, 10, 12, 11, 7}

// Kinds and States are how actions' kinds and states read, in order.
var (
	Kinds  = choice.List{{Label: "Testing action", Value: data.ActionTesting}, {Label: "Plan action", Value: data.ActionPlan}}
	States = choice.List{{Label: "Idea", Value: data.ActionIdea}, {Label: "Planned", Value: data.ActionPlanned},
		{Label: "In progress", Value: data.ActionInProgress}, {Label: "Done", Value: data.ActionDone}, {Label: "Dropped", Value: data.ActionDropped}}
)

// Load reads the action tables of every partner, or of one when partnerID
// is set, in two queries: the partners (lead first) and all their actions.
func Load(ctx context.Context, s *data.Store, n data.Network, partnerID string) (Tables, error) {
	t := Tables{Network: n.Name}
	ps, err := s.Partners(ctx, n.ID)
	if err != nil {
		return t, err
	}
	all, err := s.NetworkActions(ctx, n.ID)
	if err != nil {
		return t, err
	}
	for _, p := range ps {
		if partnerID != "" && p.ID != partnerID {
			continue
		}
		var as []data.PlanAction
		for _, a := range all {
			if a.PartnerID == p.ID {
				as = append(as, a)
			}
		}
		if len(as) > 0 {
			t.Partners = append(t.Partners, PartnerTable{Partner: p, Actions: as})
		}
	}
	return t, nil
}

// Title names the document.
func (t Tables) Title() string { return "Action tables — " + t.Network }

// Cells are an action's values in the order of Columns.
func Cells(a data.PlanAction) []string {
	title := a.Title
	if a.Description != "" {
		title += "\n" + a.Description
	}
	timing := a.Timing
	if a.StartDate != "" {
		period := a.StartDate
		if a.EndDate != "" {
			period += " to " + a.EndDate
		}
		timing = strings.TrimSpace(timing + "\n" + period)
	}
	cost := ""
	if a.CostEUR != nil {
		cost = text.Money(*a.CostEUR, "EUR")
	}
	return []string{title, Kinds.Label(a.Kind), timing, a.Responsibility, cost, a.Funding, a.Indicators, a.Risks, States.Label(a.Status)}
}

// costColumn is where Columns has the cost.
const costColumn = 4

// Document lays the tables out for DOCX and PDF: a heading per partner
// and its table, each action's title in bold with its description below,
// the cost right-aligned in euros, a total row under the actions (which
// says so when none is costed), and, for several partners, the total of
// them all.
func (t Tables) Document() doc.Document {
	d := doc.Document{Title: t.Title(), Subtitle: "Testing actions and actions of the Integrated Action Plans"}
	if len(t.Partners) == 0 {
		d.Blocks = append(d.Blocks, doc.Text("No partner has an action in its action table yet."))
	}
	for _, pt := range t.Partners {
		d.Blocks = append(d.Blocks, doc.Heading{Level: 2, Text: pt.Partner.Name})
		table := doc.Table{Header: Columns} // the columns as wide as their content asks
		for _, a := range pt.Actions {
			row := []doc.Cell{{Text: a.Title, Bold: true, Note: a.Description}}
			for _, v := range Cells(a)[1:] {
				row = append(row, doc.Cell{Text: v})
			}
			row[costColumn].Right = true
			table.Rows = append(table.Rows, row)
		}
		c := costOf(pt.Actions)
		sum := make([]doc.Cell, len(Columns))
		sum[0] = doc.Cell{Text: c.label(), Bold: true}
		sum[costColumn] = doc.Cell{Text: text.Money(c.total, "EUR"), Bold: true, Right: true}
		table.Rows = append(table.Rows, sum)
		d.Blocks = append(d.Blocks, table)
	}
	if len(t.Partners) > 1 {
		// One paragraph right after the last table, on its landscape page.
		c := t.cost()
		d.Blocks = append(d.Blocks, doc.Paragraph{Runs: []doc.Run{
			{Text: fmt.Sprintf("All partners (%d): %s, %s", len(t.Partners), c.label(), text.Money(c.total, "EUR")), Bold: true}}})
	}
	return d
}

// cost is what a set of actions costs: the sum of the costs given, and
// how many of how many actions have one.
type cost struct {
	total           float64
	costed, actions int
}

func costOf(actions []data.PlanAction) cost {
	c := cost{actions: len(actions)}
	for _, a := range actions {
		if a.CostEUR != nil {
			c.total += *a.CostEUR
			c.costed++
		}
	}
	return c
}

// cost is what every partner's actions cost together.
func (t Tables) cost() cost {
	var all cost
	for _, pt := range t.Partners {
		c := costOf(pt.Actions)
		all.total, all.costed, all.actions = all.total+c.total, all.costed+c.costed, all.actions+c.actions
	}
	return all
}

// label is a total row's label, the same in every format: "Total (1 of 2
// actions costed)", "Total (no action costed)".
func (c cost) label() string {
	if c.costed == 0 {
		return "Total (no action costed)"
	}
	return fmt.Sprintf("Total (%d of %s costed)", c.costed, text.Count(c.actions, "action", "actions"))
}
