package data

import (
	"context"
	"database/sql"
	"strings"
)

// Action kinds and states of a city's action table.
const (
	ActionTesting = "testing"
	ActionPlan    = "plan"

	ActionIdea       = "idea"
	ActionPlanned    = "planned"
	ActionInProgress = "in_progress"
	ActionDone       = "done"
	ActionDropped    = "dropped"
)

// PlanAction is an action of a city's action table: a testing action, or
// an action of its Integrated Action Plan. It keeps where it came from: the
// learning-grid row it was promoted from, and for a plan action the
// testing action it grew from.
type PlanAction struct {
	ID             string
	PartnerID      string
	Kind           string
	Title          string
	Description    string
	Timing         string
	Responsibility string
	CostEUR        *float64
	Funding        string
	Indicators     string
	Risks          string
	Status         string
	GridRowID      string
	ParentID       string
	StartDate      string // YYYY-MM-DD, when it sits on the roadmap
	EndDate        string
}

const actionColumns = `id, partner_id, kind, title, description, timing, responsibility, cost_eur, funding, indicators, risks, status,
	COALESCE(grid_row_id, ''), COALESCE(parent_id, ''), start_date, end_date`

func scanAction(r interface{ Scan(...any) error }) (PlanAction, error) {
	var a PlanAction
	var cost sql.NullFloat64
	err := r.Scan(&a.ID, &a.PartnerID, &a.Kind, &a.Title, &a.Description, &a.Timing, &a.Responsibility, &cost, &a.Funding,
		&a.Indicators, &a.Risks, &a.Status, &a.GridRowID, &a.ParentID, &a.StartDate, &a.EndDate)
	if cost.Valid {
		a.CostEUR = &cost.Float64
	}
	return a, err
}

// SaveAction inserts (no id) or updates an action.
func (s *Store) SaveAction(ctx context.Context, a PlanAction) (PlanAction, error) {
	return saveAction(ctx, s.db, a)
}

// SaveAction inserts or updates an action inside the transaction.
func (t *Tx) SaveAction(a PlanAction) (PlanAction, error) { return saveAction(t.ctx, t.tx, a) }

func saveAction(ctx context.Context, db execer, a PlanAction) (PlanAction, error) {
	a.Title = strings.TrimSpace(a.Title)
	if a.Title == "" {
		return a, &ConstraintError{Msg: "an action needs a title"}
	}
	if a.Kind == "" {
		a.Kind = ActionPlan
	}
	if a.Status == "" {
		a.Status = ActionIdea
	}
	if a.CostEUR != nil && *a.CostEUR < 0 {
		return a, &ConstraintError{Msg: "a cost cannot be negative"}
	}
	if err := checkPeriod(&a.StartDate, &a.EndDate); err != nil {
		return a, err
	}
	ts := now()
	if a.ID == "" {
		a.ID = newID()
		_, err := db.ExecContext(ctx, `INSERT INTO plan_actions (id, partner_id, kind, title, description, timing, responsibility, cost_eur,
			funding, indicators, risks, status, grid_row_id, parent_id, start_date, end_date, created_at, updated_at)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			a.ID, a.PartnerID, a.Kind, a.Title, a.Description, a.Timing, a.Responsibility, a.CostEUR, a.Funding, a.Indicators, a.Risks,
			a.Status, nullable(a.GridRowID), nullable(a.ParentID), a.StartDate, a.EndDate, ts, ts)
		return a, err
	}
	return a, mustAffect(db.ExecContext(ctx, `UPDATE plan_actions SET kind=?, title=?, description=?, timing=?, responsibility=?,
		cost_eur=?, funding=?, indicators=?, risks=?, status=?, grid_row_id=?, parent_id=?, start_date=?, end_date=?, updated_at=? WHERE id=?`,
		a.Kind, a.Title, a.Description, a.Timing, a.Responsibility, a.CostEUR, a.Funding, a.Indicators, a.Risks, a.Status,
		nullable(a.GridRowID), nullable(a.ParentID), a.StartDate, a.EndDate, ts, a.ID))
}

// PromoteRow turns a learning-grid row's action into an action of the
// partner's action table (a testing action, or a plan action), linked back
// to the row.
func (s *Store) PromoteRow(ctx context.Context, rowID, kind string) (PlanAction, error) {
	var partner, learning, action, who, by string
	err := s.rd.QueryRowContext(ctx, `SELECT g.partner_id, r.learning, r.action, r.action_who, r.action_by FROM grid_rows r
		JOIN learning_grids g ON g.id = r.grid_id WHERE r.id = ?`, rowID).Scan(&partner, &learning, &action, &who, &by)
	if err != nil {
		return PlanAction{}, notFound(err)
	}
	title := action
	if title == "" {
		title = learning
	}
	return s.SaveAction(ctx, PlanAction{PartnerID: partner, Kind: kind, Title: title, Description: learning,
		Responsibility: who, Timing: by, GridRowID: rowID})
}

// PromoteAction makes a plan action of a testing action, linked to it.
func (s *Store) PromoteAction(ctx context.Context, testingID string) (PlanAction, error) {
	a, err := scanAction(s.rd.QueryRowContext(ctx, `SELECT `+actionColumns+` FROM plan_actions WHERE id = ?`, testingID))
	if err != nil {
		return a, notFound(err)
	}
	a.ID, a.Kind, a.Status, a.ParentID, a.GridRowID = "", ActionPlan, ActionIdea, testingID, ""
	return s.SaveAction(ctx, a)
}

// Actions lists a partner's action table: testing actions first.
func (s *Store) Actions(ctx context.Context, partnerID string) ([]PlanAction, error) {
	return queryList(ctx, s.rd, scanAction, `SELECT `+actionColumns+` FROM plan_actions WHERE partner_id = ?
		ORDER BY kind = 'plan', created_at`, partnerID)
}

// Chain is the path of one piece of learning: the need it answered, the
// grid row where it was learned (and the meeting), the testing actions
// promoted from the row and the plan actions they grew into.
type Chain struct {
	Need      *LearningNeed
	Row       GridRow
	MeetingID string
	Testing   []PlanAction
	Plan      []PlanAction
}

// ChainOfRow follows a grid row both ways: back to its need, on to its actions.
func (s *Store) ChainOfRow(ctx context.Context, rowID string) (Chain, error) {
	var c Chain
	row, err := scanGridRow(s.rd.QueryRowContext(ctx, `SELECT `+gridRowColumns+` FROM grid_rows WHERE id = ?`, rowID))
	if err != nil {
		return c, notFound(err)
	}
	c.Row = row
	if err := s.rd.QueryRowContext(ctx, `SELECT meeting_id FROM learning_grids WHERE id = ?`, row.GridID).Scan(&c.MeetingID); err != nil {
		return c, err
	}
	if row.NeedID != "" {
		needs, err := queryList(ctx, s.rd, scanNeed, `SELECT `+needColumns+` FROM learning_needs WHERE id = ?`, row.NeedID)
		if err != nil {
			return c, err
		}
		if len(needs) == 1 {
			c.Need = &needs[0]
		}
	}
	direct, err := queryList(ctx, s.rd, scanAction, `SELECT `+actionColumns+` FROM plan_actions WHERE grid_row_id = ? ORDER BY created_at`, rowID)
	if err != nil {
		return c, err
	}
	for _, a := range direct {
		if a.Kind == ActionTesting {
			c.Testing = append(c.Testing, a)
		} else {
			c.Plan = append(c.Plan, a)
		}
	}
	grown, err := queryList(ctx, s.rd, scanAction, `SELECT `+actionColumns+` FROM plan_actions WHERE parent_id IN
		(SELECT id FROM plan_actions WHERE grid_row_id = ?) ORDER BY created_at`, rowID)
	c.Plan = append(c.Plan, grown...)
	return c, err
}

// ChainOfAction follows an action back to the grid row it came from
// (through its testing action) and returns that row's whole chain.
func (s *Store) ChainOfAction(ctx context.Context, actionID string) (Chain, error) {
	var rowID string
	err := s.rd.QueryRowContext(ctx, `SELECT COALESCE(a.grid_row_id, p.grid_row_id, '') FROM plan_actions a
		LEFT JOIN plan_actions p ON p.id = a.parent_id WHERE a.id = ?`, actionID).Scan(&rowID)
	if err != nil {
		return Chain{}, notFound(err)
	}
	if rowID == "" {
		return Chain{}, ErrNotFound
	}
	return s.ChainOfRow(ctx, rowID)
}

// NetworkActions lists the action tables of every partner of a network,
// each in the order Actions gives.
func (s *Store) NetworkActions(ctx context.Context, networkID string) ([]PlanAction, error) {
	return queryList(ctx, s.rd, scanAction, `SELECT `+actionColumns+` FROM plan_actions
		WHERE partner_id IN (SELECT id FROM partners WHERE network_id = ?) ORDER BY kind = 'plan', created_at`, networkID)
}
