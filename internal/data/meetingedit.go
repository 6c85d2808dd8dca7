package data

import (
	"context"
	"database/sql"
)

// SaveMeeting inserts a meeting (no id) or updates it, hosts and themes
// included, in one transaction.
func (s *Store) SaveMeeting(ctx context.Context, m Meeting) (Meeting, error) {
	if m.ID == "" {
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			var err error
			m, err = createMeeting(ctx, tx, m)
			return err
		})
		return m, err
	}
	if err := checkMeeting(&m); err != nil {
		return m, err
	}
	return m, s.inTx(ctx, func(tx *sql.Tx) error {
		err := mustAffect(tx.ExecContext(ctx, `UPDATE meetings SET kind=?, number=?, title=?, start_date=?, end_date=?, place=?, online=?,
			description=?, report_received=?, attendance_received=?, updated_at=? WHERE id=?`,
			m.Kind, m.Number, m.Title, m.StartDate, m.EndDate, m.Place, m.Online, m.Description,
			m.ReportReceived, m.AttendanceReceived, now(), m.ID))
		if err != nil {
			return err
		}
		for _, table := range []string{"meeting_hosts", "meeting_themes"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE meeting_id = ?`, m.ID); err != nil {
				return err
			}
		}
		return linkMeeting(ctx, tx, m)
	})
}

// MeetingDependents is what deleting a meeting takes with it (grids and
// their rows) or unlinks (learning needs planned for it, reviews held at it).
type MeetingDependents struct {
	Grids, GridRows, Needs, Reviews int
}

// Any tells whether deleting the meeting touches anything else.
func (d MeetingDependents) Any() bool { return d.Grids+d.Needs+d.Reviews > 0 }

// MeetingDependents counts what hangs on a meeting.
func (s *Store) MeetingDependents(ctx context.Context, id string) (MeetingDependents, error) {
	var d MeetingDependents
	err := s.rd.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(DISTINCT partner_id || char(31) || theme_key) FROM learning_grids WHERE meeting_id = ?1), -- (twins count once)
		(SELECT COUNT(*) FROM grid_rows r JOIN learning_grids g ON g.id = r.grid_id WHERE g.meeting_id = ?1),
		(SELECT COUNT(*) FROM learning_needs WHERE meeting_id = ?1),
		(SELECT COUNT(*) FROM grid_rows WHERE reviewed_meeting = ?1)`, id).Scan(&d.Grids, &d.GridRows, &d.Needs, &d.Reviews)
	return d, err
}

// DeleteMeeting moves a meeting to the trash with its learning grids, and
// returns the trash entry's id; learning needs planned for it and reviews
// held at it stay, unlinked (until it is restored).
func (s *Store) DeleteMeeting(ctx context.Context, id string) (trashID string, err error) {
	return s.trashOne(ctx, TrashMeeting, id)
}
