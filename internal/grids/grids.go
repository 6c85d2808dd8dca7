// Package grids lays out one meeting's learning grids — every partner's
// rows — for the files partners fill by hand today: XLSX, DOCX and PDF.
package grids

import (
	"context"
	"strconv"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Sheet is a meeting's grids, partner by partner (those with a grid), and
// the actions that meeting reviewed and agreed.
type Sheet struct {
	Network  string
	Meeting  data.Meeting
	Partners []PartnerGrid
	// Review is the earlier actions that came up for review at this
	// meeting: those it reviewed and those still open.
	Review []ReviewedAction
	// Agreed is this meeting's actions with their review since, if any.
	Agreed []ReviewedAction
}

// PartnerGrid is one partner's rows, of the meeting or of one theme.
type PartnerGrid struct {
	Partner data.Partner
	Theme   string // the theme's number and title for a theme's grid, "" for the meeting's
	Rows    []data.GridRow
}

// Heading names a grid: the partner, and the theme when it has one.
func (pg PartnerGrid) Heading() string {
	if pg.Theme == "" {
		return pg.Partner.Name
	}
	return pg.Partner.Name + " – " + pg.Theme
}

// Columns are the grid's columns, as on the paper form.
var Columns = []string{"Key learning", "IAP 1–5", "Why it matters", "Action until the next meeting", "Who", "By when"}

// RelevanceNote says what the "IAP 1–5" column means, under a grid shown
// to partners (the paper form explains it; a slide or a deck has no form).
const RelevanceNote = "IAP 1–5: how much the learning matters for the Integrated Action Plan, from 1 (little) to 5 (very much)."

// SlideShares are the columns' shares of a slide's width, drawn or in a
// deck's table: the texts take most of it, as in the editor, but "who" and
// "by when" more than there (a date is one word, a slide's type is large).
var SlideShares = []float32{0.27, 0.07, 0.18, 0.22, 0.14, 0.12}

// Cells are a row's values in the order of Columns.
func Cells(r data.GridRow) []string {
	rel := ""
	if r.Relevance > 0 {
		rel = strconv.Itoa(r.Relevance)
	}
	return []string{r.Learning, rel, r.RelevanceNote, r.Action, r.ActionWho, r.ActionBy}
}

// Load reads the grids of one meeting: partner by partner, the meeting's
// grid first, then those per theme.
func Load(ctx context.Context, s *data.Store, network data.Network, meeting data.Meeting) (Sheet, error) {
	sh := Sheet{Network: network.Name, Meeting: meeting}
	ps, err := s.Partners(ctx, network.ID)
	if err != nil {
		return sh, err
	}
	themes, err := s.Themes(ctx, network.ID)
	if err != nil {
		return sh, err
	}
	themeNames := map[string]string{}
	for _, th := range themes {
		themeNames[th.ID] = th.Label()
	}
	meetings, err := s.Meetings(ctx, network.ID)
	if err != nil {
		return sh, err
	}
	meetingByID := map[string]data.Meeting{}
	for _, m := range meetings {
		meetingByID[m.ID] = m
	}
	gs, err := s.MeetingGrids(ctx, meeting.ID)
	if err != nil {
		return sh, err
	}
	for _, p := range ps {
		for _, g := range gs {
			if g.PartnerID != p.ID {
				continue
			}
			sh.Partners = append(sh.Partners, PartnerGrid{Partner: p, Theme: themeNames[g.ThemeKey], Rows: g.Rows})
			for _, r := range g.Rows {
				if r.Action != "" {
					sh.Agreed = append(sh.Agreed, ReviewedAction{Partner: p, Row: r, SetAt: meeting, ReviewedAt: meetingByID[r.ReviewedMeeting]})
				}
			}
		}
		items, err := s.ActionsToReview(ctx, p.ID, meeting.ID)
		if err != nil {
			return sh, err
		}
		for _, it := range items {
			sh.Review = append(sh.Review, ReviewedAction{Partner: p, Row: it.Row, SetAt: meetingByID[it.MeetingID], ReviewedAt: meetingByID[it.Row.ReviewedMeeting]})
		}
	}
	return sh, nil
}

// Title names the document.
func (sh Sheet) Title() string { return "Learning grids — " + sh.Meeting.Title }
