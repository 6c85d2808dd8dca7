package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// Snapshot is a named copy of a study's sections at one moment.
type Snapshot struct {
	ID        string
	StudyID   string
	Name      string
	CreatedAt string
}

// snapshotSection is how a section is written in a snapshot's JSON: its
// own type, so that renaming a Go field never breaks old snapshots.
type snapshotSection struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Title  string `json:"title"`
	Level  int    `json:"level"`
	Body   string `json:"body"`
	Status string `json:"status"`
}

// SnapshotStudy saves the study's sections as they are now under a name.
func (s *Store) SnapshotStudy(ctx context.Context, studyID, name string) (Snapshot, error) {
	var snap Snapshot
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		snap, err = snapshotStudy(ctx, tx, studyID, name)
		return err
	})
	return snap, err
}

func snapshotStudy(ctx context.Context, tx *sql.Tx, studyID, name string) (Snapshot, error) {
	snap := Snapshot{StudyID: studyID, Name: strings.TrimSpace(name)}
	if snap.Name == "" {
		return snap, &ConstraintError{Msg: "a snapshot needs a name, such as \"Sent to the partners\""}
	}
	var exists bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM studies WHERE id = ?)`, studyID).Scan(&exists); err != nil {
		return snap, err
	}
	if !exists {
		return snap, ErrNotFound
	}
	sections, err := sectionsOf(ctx, tx, studyID)
	if err != nil {
		return snap, err
	}
	stored := make([]snapshotSection, len(sections)) // not nil: the column holds a JSON array
	for i, sec := range sections {
		stored[i] = snapshotSection{ID: sec.ID, Kind: sec.Kind, Title: sec.Title, Level: sec.Level, Body: sec.Body, Status: sec.Status}
	}
	raw, err := json.Marshal(stored)
	if err != nil {
		return snap, err
	}
	snap.ID, snap.CreatedAt = newID(), now()
	_, err = tx.ExecContext(ctx, `INSERT INTO study_snapshots (id, study_id, name, created_at, sections) VALUES (?,?,?,?,?)`,
		snap.ID, snap.StudyID, snap.Name, snap.CreatedAt, raw)
	return snap, err
}

// Snapshots lists a study's snapshots, newest first (ids are time-ordered).
func (s *Store) Snapshots(ctx context.Context, studyID string) ([]Snapshot, error) {
	return queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (Snapshot, error) {
		var snap Snapshot
		err := r.Scan(&snap.ID, &snap.StudyID, &snap.Name, &snap.CreatedAt)
		return snap, err
	}, `SELECT id, study_id, name, created_at FROM study_snapshots WHERE study_id = ? ORDER BY id DESC`, studyID)
}

// SnapshotSections reads the sections a snapshot holds, in their order.
func (s *Store) SnapshotSections(ctx context.Context, snapshotID string) ([]Section, error) {
	_, sections, err := readSnapshot(ctx, s.rd, snapshotID)
	return sections, err
}

func readSnapshot(ctx context.Context, q rowQuerier, snapshotID string) (Snapshot, []Section, error) {
	var snap Snapshot
	var raw []byte
	err := q.QueryRowContext(ctx, `SELECT id, study_id, name, created_at, sections FROM study_snapshots WHERE id = ?`, snapshotID).
		Scan(&snap.ID, &snap.StudyID, &snap.Name, &snap.CreatedAt, &raw)
	if err != nil {
		return snap, nil, notFound(err)
	}
	var stored []snapshotSection
	if err := json.Unmarshal(raw, &stored); err != nil {
		return snap, nil, fmt.Errorf("snapshot «%s» cannot be read: %w", snap.Name, err)
	}
	sections := make([]Section, len(stored))
	for i, st := range stored {
		sections[i] = Section{ID: st.ID, StudyID: snap.StudyID, Position: i, Kind: st.Kind, Title: st.Title, Level: st.Level,
			Body: st.Body, Status: st.Status, UpdatedAt: snap.CreatedAt}
	}
	return snap, sections, nil
}

// RestoreSnapshot puts a snapshot's sections back in place of the study's
// current ones, in one transaction. It first snapshots the current state
// as "Before restoring «name»", so a restore can itself be undone; that
// automatic snapshot is returned.
func (s *Store) RestoreSnapshot(ctx context.Context, snapshotID string) (Snapshot, error) {
	var undo Snapshot
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		snap, sections, err := readSnapshot(ctx, tx, snapshotID)
		if err != nil {
			return err
		}
		if undo, err = snapshotStudy(ctx, tx, snap.StudyID, "Before restoring «"+snap.Name+"»"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM study_sections WHERE study_id = ?`, snap.StudyID); err != nil {
			return err
		}
		for i, sec := range sections {
			if _, err := insertSection(ctx, tx, snap.StudyID, i, sec); err != nil {
				return fmt.Errorf("snapshot «%s», section %d (%s): %w", snap.Name, i+1, sec.Title, err)
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE studies SET updated_at = ? WHERE id = ?`, now(), snap.StudyID)
		return err
	})
	return undo, err
}
