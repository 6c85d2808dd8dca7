package data

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
)

// Review states of a learning-grid action, set at the next meeting.
const (
	ReviewOpen       = ""
	ReviewDone       = "done"
	ReviewInProgress = "in_progress"
	ReviewDropped    = "dropped"
)

// LearningGrid is what one partner learned at one meeting (optionally
// about one horizontal theme, for masterclasses and walkshops).
type LearningGrid struct {
	ID        string
	MeetingID string
	PartnerID string
	ThemeKey  string // a horizontal theme's id, or "" for the meeting's grid
	Rows      []GridRow
}

// GridRow is one key learning: how it matters for the Integrated Action
// Plan and what the partner will do before the next meeting.
type GridRow struct {
	ID              string
	GridID          string
	Position        int
	Learning        string
	Relevance       int // 1–5; 0 when not given
	RelevanceNote   string
	Action          string
	ActionWho       string
	ActionBy        string // YYYY-MM-DD or free text ("before CNM 4")
	NeedID          string // the learning need it answers, if any
	ReviewStatus    string
	ReviewComment   string
	ReviewedMeeting string
}

const gridRowColumns = `id, grid_id, position, learning, COALESCE(relevance, 0), relevance_note, action, action_who, action_by,
	COALESCE(need_id, ''), review_status, review_comment, COALESCE(reviewed_meeting, '')`

func scanGridRow(r interface{ Scan(...any) error }) (GridRow, error) {
	var g GridRow
	err := r.Scan(&g.ID, &g.GridID, &g.Position, &g.Learning, &g.Relevance, &g.RelevanceNote, &g.Action, &g.ActionWho, &g.ActionBy,
		&g.NeedID, &g.ReviewStatus, &g.ReviewComment, &g.ReviewedMeeting)
	return g, err
}

// Grid reads a partner's grid of a meeting with its rows; ErrNotFound
// when the partner has not filled it yet.
func (s *Store) Grid(ctx context.Context, meetingID, partnerID, themeKey string) (LearningGrid, error) {
	g := LearningGrid{MeetingID: meetingID, PartnerID: partnerID, ThemeKey: themeKey}
	err := s.rd.QueryRowContext(ctx, `SELECT id FROM learning_grids WHERE meeting_id = ? AND partner_id = ? AND theme_key = ? ORDER BY id LIMIT 1`,
		meetingID, partnerID, themeKey).Scan(&g.ID)
	if err != nil {
		return g, notFound(err)
	}
	g.Rows, err = queryList(ctx, s.rd, scanGridRow, `SELECT `+gridRowColumns+` FROM grid_rows WHERE grid_id IN (`+gridTwins+`) ORDER BY position, id`, g.ID)
	return g, err
}

// A grid may have twins: the same meeting, partner and theme's grid made
// on two laptops before they synced (migration 22). The store reads them
// as one grid — the rows of all, in (position, id) order — whose id is the
// one made first (the smallest); a saved row stays in the twin that holds
// it, a new one goes into the first.

// gridTwins selects the ids of the grid ? and of its twins.
const gridTwins = `SELECT t.id FROM learning_grids g JOIN learning_grids t
	ON t.meeting_id = g.meeting_id AND t.partner_id = g.partner_id AND t.theme_key = g.theme_key WHERE g.id = ?`

// SaveGrid stores a grid and its rows as edited: rows keep their ids (the
// reviews and actions that refer to them stay linked), new rows get one,
// rows left out are deleted, and empty rows are not kept. Reviews are not
// touched here (see ReviewAction).
func (s *Store) SaveGrid(ctx context.Context, g LearningGrid) (LearningGrid, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		g, err = saveGrid(ctx, tx, g)
		return err
	})
	if err != nil {
		return g, err
	}
	return s.Grid(ctx, g.MeetingID, g.PartnerID, g.ThemeKey) // the rows with their reviews
}

// SaveGrid stores a grid inside the transaction (see Store.SaveGrid).
func (t *Tx) SaveGrid(g LearningGrid) (LearningGrid, error) { return saveGrid(t.ctx, t.tx, g) }

func saveGrid(ctx context.Context, tx *sql.Tx, g LearningGrid) (LearningGrid, error) {
	err := func() error {
		ts := now()
		if g.ID == "" {
			err := tx.QueryRowContext(ctx, `SELECT id FROM learning_grids WHERE meeting_id = ? AND partner_id = ? AND theme_key = ? ORDER BY id LIMIT 1`,
				g.MeetingID, g.PartnerID, g.ThemeKey).Scan(&g.ID)
			if errors.Is(err, sql.ErrNoRows) {
				g.ID = newID()
				_, err = tx.ExecContext(ctx, `INSERT INTO learning_grids (id, meeting_id, partner_id, theme_key, created_at, updated_at) VALUES (?,?,?,?,?,?)`,
					g.ID, g.MeetingID, g.PartnerID, g.ThemeKey, ts, ts)
			}
			if err != nil {
				return err
			}
		}
		var kept []GridRow
		var ids []any
		for _, r := range g.Rows {
			if strings.TrimSpace(r.Learning+r.Action+r.RelevanceNote) == "" {
				continue
			}
			if r.Relevance < 0 || r.Relevance > 5 {
				return &ConstraintError{Msg: "relevance for the action plan goes from 1 to 5"}
			}
			r.GridID, r.Position = g.ID, len(kept)
			if r.ID == "" {
				r.ID = newID()
			}
			var relevance any
			if r.Relevance > 0 {
				relevance = r.Relevance
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO grid_rows (id, grid_id, position, learning, relevance, relevance_note, action,
				action_who, action_by, need_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
				ON CONFLICT (id) DO UPDATE SET position = excluded.position, learning = excluded.learning, relevance = excluded.relevance,
				relevance_note = excluded.relevance_note, action = excluded.action, action_who = excluded.action_who,
				action_by = excluded.action_by, need_id = excluded.need_id, updated_at = excluded.updated_at`,
				r.ID, g.ID, r.Position, strings.TrimSpace(r.Learning), relevance, strings.TrimSpace(r.RelevanceNote), strings.TrimSpace(r.Action),
				strings.TrimSpace(r.ActionWho), strings.TrimSpace(r.ActionBy), nullable(r.NeedID), ts, ts); err != nil {
				return err
			}
			kept, ids = append(kept, r), append(ids, r.ID)
		}
		query := `DELETE FROM grid_rows WHERE grid_id IN (` + gridTwins + `)`
		if len(ids) > 0 {
			query += ` AND id NOT IN (?` + strings.Repeat(",?", len(ids)-1) + `)`
		}
		if _, err := tx.ExecContext(ctx, query, append([]any{g.ID}, ids...)...); err != nil {
			return err
		}
		g.Rows = kept
		_, err := tx.ExecContext(ctx, `UPDATE learning_grids SET updated_at = ? WHERE id = ?`, ts, g.ID)
		return err
	}()
	return g, err
}

// LatestGridMeeting is the most recent meeting of a network for which any
// partner has a grid; ErrNotFound when there is none.
func (s *Store) LatestGridMeeting(ctx context.Context, networkID string) (string, error) {
	var id string
	err := s.rd.QueryRowContext(ctx, `SELECT m.id FROM meetings m WHERE m.network_id = ?
		AND EXISTS (SELECT 1 FROM learning_grids g WHERE g.meeting_id = m.id) ORDER BY m.start_date DESC, m.title DESC LIMIT 1`, networkID).Scan(&id)
	return id, notFound(err)
}

// ReviewItem is an action of an earlier grid that comes up for review.
type ReviewItem struct {
	Row       GridRow
	MeetingID string // the meeting whose grid holds it
}

// ActionsToReview lists the actions a partner set itself at earlier
// meetings that are still open (not reviewed, or in progress) when this
// meeting reviews them, with those this meeting has already reviewed.
func (s *Store) ActionsToReview(ctx context.Context, partnerID, meetingID string) ([]ReviewItem, error) {
	return queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (ReviewItem, error) {
		var it ReviewItem
		var g GridRow
		err := r.Scan(&g.ID, &g.GridID, &g.Position, &g.Learning, &g.Relevance, &g.RelevanceNote, &g.Action, &g.ActionWho, &g.ActionBy,
			&g.NeedID, &g.ReviewStatus, &g.ReviewComment, &g.ReviewedMeeting, &it.MeetingID)
		it.Row = g
		return it, err
	}, `SELECT r.id, r.grid_id, r.position, r.learning, COALESCE(r.relevance, 0), r.relevance_note, r.action, r.action_who, r.action_by,
		COALESCE(r.need_id, ''), r.review_status, r.review_comment, COALESCE(r.reviewed_meeting, ''), g.meeting_id
		FROM grid_rows r JOIN learning_grids g ON g.id = r.grid_id JOIN meetings m ON m.id = g.meeting_id
		WHERE g.partner_id = ?1 AND r.action <> '' AND g.meeting_id <> ?2
		  AND m.start_date < (SELECT start_date FROM meetings WHERE id = ?2)
		  AND (r.review_status IN ('', 'in_progress') OR r.reviewed_meeting = ?2)
		ORDER BY m.start_date, g.theme_key, r.position, r.id`, partnerID, meetingID)
}

// ReviewAction records at a meeting how an earlier action went.
func (s *Store) ReviewAction(ctx context.Context, rowID, meetingID, status, comment string) error {
	return reviewAction(ctx, s.db, rowID, meetingID, status, comment)
}

// ReviewAction records a review inside the transaction.
func (t *Tx) ReviewAction(rowID, meetingID, status, comment string) error {
	return reviewAction(t.ctx, t.tx, rowID, meetingID, status, comment)
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func reviewAction(ctx context.Context, db execer, rowID, meetingID, status, comment string) error {
	switch status {
	case ReviewOpen, ReviewDone, ReviewInProgress, ReviewDropped:
	default:
		return &ConstraintError{Msg: "unknown review status " + status}
	}
	return mustAffect(db.ExecContext(ctx, `UPDATE grid_rows SET review_status = ?, review_comment = ?, reviewed_meeting = ?, updated_at = ?
		WHERE id = ?`, status, strings.TrimSpace(comment), nullable(meetingID), now(), rowID))
}

// Progress is how far a partner is along the learning chain.
type Progress struct {
	PartnerID     string
	Grids         int // learning grids with at least one row
	Actions       int // grid actions set
	ActionsDone   int // reviewed as done
	ActionsOpen   int // not reviewed yet, or in progress
	TestingPlan   [2]int
	LearningNeeds int
}

// NetworkProgress counts, for every partner of a network, its grids,
// grid actions and how they were reviewed, its testing and plan actions
// and its learning needs.
func (s *Store) NetworkProgress(ctx context.Context, networkID string) ([]Progress, error) {
	return queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (Progress, error) {
		var p Progress
		err := r.Scan(&p.PartnerID, &p.Grids, &p.Actions, &p.ActionsDone, &p.ActionsOpen, &p.TestingPlan[0], &p.TestingPlan[1], &p.LearningNeeds)
		return p, err
	}, `SELECT p.id,
		(SELECT COUNT(DISTINCT g.meeting_id || char(31) || g.theme_key) FROM learning_grids g WHERE g.partner_id = p.id AND EXISTS (SELECT 1 FROM grid_rows r WHERE r.grid_id = g.id)),
		(SELECT COUNT(*) FROM grid_rows r JOIN learning_grids g ON g.id = r.grid_id WHERE g.partner_id = p.id AND r.action <> ''),
		(SELECT COUNT(*) FROM grid_rows r JOIN learning_grids g ON g.id = r.grid_id WHERE g.partner_id = p.id AND r.action <> '' AND r.review_status = 'done'),
		(SELECT COUNT(*) FROM grid_rows r JOIN learning_grids g ON g.id = r.grid_id WHERE g.partner_id = p.id AND r.action <> '' AND r.review_status IN ('', 'in_progress')),
		(SELECT COUNT(*) FROM plan_actions a WHERE a.partner_id = p.id AND a.kind = 'testing'),
		(SELECT COUNT(*) FROM plan_actions a WHERE a.partner_id = p.id AND a.kind = 'plan'),
		(SELECT COUNT(*) FROM learning_needs n WHERE n.partner_id = p.id)
		FROM partners p WHERE p.network_id = ? ORDER BY p.role <> 'lead_partner', p.name`, networkID)
}

// MeetingGrids reads every grid of a meeting — each partner's, the
// meeting's own and those per theme — with their rows, in two queries;
// twins are read as one grid (see gridTwins).
func (s *Store) MeetingGrids(ctx context.Context, meetingID string) ([]LearningGrid, error) {
	type made struct {
		LearningGrid
		at string
	}
	all, err := queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (made, error) {
		var g made
		err := r.Scan(&g.ID, &g.MeetingID, &g.PartnerID, &g.ThemeKey, &g.at)
		return g, err
	}, `SELECT id, meeting_id, partner_id, theme_key, created_at FROM learning_grids WHERE meeting_id = ? ORDER BY id`, meetingID)
	if err != nil {
		return nil, err
	}
	rows, err := queryList(ctx, s.rd, scanGridRow, `SELECT `+gridRowColumns+` FROM grid_rows
		WHERE grid_id IN (SELECT id FROM learning_grids WHERE meeting_id = ?) ORDER BY position, id`, meetingID)
	if err != nil {
		return nil, err
	}
	var firsts []made
	index := make(map[string]int, len(all)) // a grid's id → its first twin in firsts
	byKey := map[[2]string]int{}
	for _, g := range all {
		k := [2]string{g.PartnerID, g.ThemeKey}
		i, ok := byKey[k]
		if !ok {
			i = len(firsts)
			byKey[k] = i
			firsts = append(firsts, g)
		}
		index[g.ID] = i
	}
	for _, r := range rows {
		g := &firsts[index[r.GridID]]
		g.Rows = append(g.Rows, r)
	}
	slices.SortStableFunc(firsts, func(a, b made) int { // the meeting's grids first, then by when they were made
		if (a.ThemeKey != "") != (b.ThemeKey != "") {
			if a.ThemeKey == "" {
				return -1
			}
			return 1
		}
		return strings.Compare(a.at, b.at)
	})
	grids := make([]LearningGrid, len(firsts))
	for i, g := range firsts {
		grids[i] = g.LearningGrid
	}
	return grids, nil
}
