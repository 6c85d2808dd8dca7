package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Milestone tracks of the roadmap, as Table 3 of a baseline study has them:
// the partners' testing action and action plan, the Lead Expert's thematic
// outputs and quality checks.
const (
	TrackTestingAction  = "testing_action"
	TrackActionPlan     = "action_plan"
	TrackThematicOutput = "thematic_output"
	TrackQualityCheck   = "quality_check"
)

// MilestoneTracks are the tracks in the roadmap's order.
var MilestoneTracks = []string{TrackTestingAction, TrackActionPlan, TrackThematicOutput, TrackQualityCheck}

// Milestone is a dated task of the roadmap: "Testing action form sent to
// the LP and LE", "Good Practice Catalogue"…
type Milestone struct {
	ID        string
	NetworkID string
	Track     string
	DueDate   string // YYYY-MM-DD
	Title     string
	Done      bool
}

const milestoneColumns = `id, network_id, track, due_date, title, done`

func scanMilestone(r interface{ Scan(...any) error }) (Milestone, error) {
	var m Milestone
	err := r.Scan(&m.ID, &m.NetworkID, &m.Track, &m.DueDate, &m.Title, &m.Done)
	return m, err
}

// Milestones lists a network's milestones by date.
func (s *Store) Milestones(ctx context.Context, networkID string) ([]Milestone, error) {
	return queryList(ctx, s.rd, scanMilestone, `SELECT `+milestoneColumns+` FROM milestones WHERE network_id = ?
		ORDER BY due_date, title`, networkID)
}

func checkMilestone(m *Milestone) error {
	m.Title, m.DueDate = strings.TrimSpace(m.Title), strings.TrimSpace(m.DueDate)
	if m.Title == "" {
		return &ConstraintError{Msg: "a milestone needs a title"}
	}
	if !slices.Contains(MilestoneTracks, m.Track) {
		return &ConstraintError{Msg: fmt.Sprintf("%q is not a roadmap track", m.Track)}
	}
	if _, err := time.Parse(time.DateOnly, m.DueDate); err != nil {
		return &ConstraintError{Msg: fmt.Sprintf("a milestone needs a due date as YYYY-MM-DD, not %q", m.DueDate)}
	}
	return nil
}

// SaveMilestone inserts (no id) or updates a milestone.
func (s *Store) SaveMilestone(ctx context.Context, m Milestone) (Milestone, error) {
	if m.ID != "" {
		if err := checkMilestone(&m); err != nil {
			return m, err
		}
		return m, mustAffect(s.db.ExecContext(ctx, `UPDATE milestones SET track=?, due_date=?, title=?, done=?, updated_at=? WHERE id=?`,
			m.Track, m.DueDate, m.Title, m.Done, now(), m.ID))
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		m, err = createMilestone(ctx, tx, m)
		return err
	})
	return m, err
}

func createMilestone(ctx context.Context, tx *sql.Tx, m Milestone) (Milestone, error) {
	if err := checkMilestone(&m); err != nil {
		return m, err
	}
	m.ID = newID()
	ts := now()
	_, err := tx.ExecContext(ctx, `INSERT INTO milestones (id, network_id, track, due_date, title, done, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?)`, m.ID, m.NetworkID, m.Track, m.DueDate, m.Title, m.Done, ts, ts)
	return m, err
}

// CreateMilestone stores a milestone inside the transaction.
func (t *Tx) CreateMilestone(m Milestone) (Milestone, error) { return createMilestone(t.ctx, t.tx, m) }

// DeleteMilestone moves a milestone to the trash.
func (s *Store) DeleteMilestone(ctx context.Context, id string) (trashID string, err error) {
	return s.trashOne(ctx, TrashMilestone, id)
}
