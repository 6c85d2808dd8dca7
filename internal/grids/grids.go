// Package grids lays out one meeting's learning grids — every partner's
// rows — for the files partners fill by hand today: XLSX, DOCX and PDF.
package grids

import (
	"context"
	"strconv"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Sheet is a meeting's grids, partner by partner (those with a grid).
type Sheet struct {
	Network  string
	Meeting  data.Meeting
	Partners []PartnerGrid
}

// PartnerGrid is one partner's rows.
type PartnerGrid struct {
	Partner data.Partner
	Rows    []data.GridRow
}

// Columns are the grid's columns, as on the paper form.
var Columns = []string{"Key learning", "IAP 1–5", "Why it matters", "Action until the next meeting", "Who", "By when"}

// Cells are a row's values in the order of Columns.
func Cells(r data.GridRow) []string {
	rel := ""
	if r.Relevance > 0 {
		rel = strconv.Itoa(r.Relevance)
	}
	return []string{r.Learning, rel, r.RelevanceNote, r.Action, r.ActionWho, r.ActionBy}
}

// Load reads the grids of one meeting.
func Load(ctx context.Context, s *data.Store, network data.Network, meeting data.Meeting) (Sheet, error) {
	sh := Sheet{Network: network.Name, Meeting: meeting}
	ps, err := s.Partners(ctx, network.ID)
	if err != nil {
		return sh, err
	}
	for _, p := range ps {
		g, err := s.Grid(ctx, meeting.ID, p.ID, "")
		if err == data.ErrNotFound {
			continue
		}
		if err != nil {
			return sh, err
		}
		sh.Partners = append(sh.Partners, PartnerGrid{Partner: p, Rows: g.Rows})
	}
	return sh, nil
}

// Title names the document.
func (sh Sheet) Title() string { return "Learning grids — " + sh.Meeting.Title }
