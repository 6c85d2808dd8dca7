package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// normaliseSection checks a whole new section, kind included.
func normaliseSection(sec Section) (Section, error) {
	if !slices.Contains(SectionKinds, sec.Kind) {
		return sec, &ConstraintError{Msg: fmt.Sprintf("unknown section kind %q; use one of %s", sec.Kind, strings.Join(SectionKinds, ", "))}
	}
	return normaliseEditable(sec)
}

// normaliseEditable trims the title, fills in the default status and says
// what is wrong with the fields an editor changes, in words it can act on.
func normaliseEditable(sec Section) (Section, error) {
	sec.Title = strings.TrimSpace(sec.Title)
	if sec.Status == "" {
		sec.Status = StatusDraft
	}
	switch {
	case !slices.Contains(SectionStatuses, sec.Status):
		return sec, &ConstraintError{Msg: fmt.Sprintf("unknown section status %q; use one of %s", sec.Status, strings.Join(SectionStatuses, ", "))}
	case sec.Level != 1 && sec.Level != 2:
		return sec, &ConstraintError{Msg: fmt.Sprintf("a section is at level 1 (a chapter) or 2 (a section in a chapter), not %d", sec.Level)}
	case sec.Title == "":
		return sec, &ConstraintError{Msg: "a section needs a title"}
	}
	return sec, nil
}

// insertSection stores a section at a free position; it keeps sec.ID when
// set (a restored snapshot keeps its ids, so versions compare by id).
func insertSection(ctx context.Context, tx *sql.Tx, studyID string, position int, sec Section) (Section, error) {
	sec, err := normaliseSection(sec)
	if err != nil {
		return sec, err
	}
	if sec.ID == "" {
		sec.ID = newID()
	}
	sec.StudyID, sec.Position, sec.UpdatedAt = studyID, position, now()
	_, err = tx.ExecContext(ctx, `INSERT INTO study_sections (id, study_id, position, kind, title, level, body, status, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?)`, sec.ID, sec.StudyID, sec.Position, sec.Kind, sec.Title, sec.Level, sec.Body, sec.Status, sec.UpdatedAt, sec.UpdatedAt)
	return sec, err
}

// SaveSection saves a section's title, level, body and status — one row,
// so the editor can call it on every pause in typing. Kind and position
// are not changed here.
func (s *Store) SaveSection(ctx context.Context, sec Section) error {
	return saveSection(ctx, s.db, sec)
}

func saveSection(ctx context.Context, db execer, sec Section) error {
	sec, err := normaliseEditable(sec)
	if err != nil {
		return err
	}
	return mustAffect(db.ExecContext(ctx, `UPDATE study_sections SET title = ?, level = ?, body = ?, status = ?, updated_at = ? WHERE id = ?`,
		sec.Title, sec.Level, sec.Body, sec.Status, now(), sec.ID))
}

// AddSection inserts a section at position at (0 puts it first, the
// number of sections puts it last); the sections from there move down one.
func (s *Store) AddSection(ctx context.Context, studyID string, at int, sec Section) (Section, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var exists bool
		var count int
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM studies WHERE id = ?1),
			(SELECT COUNT(*) FROM study_sections WHERE study_id = ?1)`, studyID).Scan(&exists, &count); err != nil {
			return err
		}
		if !exists {
			return ErrNotFound
		}
		if err := renumberSections(ctx, tx, studyID); err != nil {
			return err
		}
		if at < 0 || at > count {
			return &ConstraintError{Msg: fmt.Sprintf("a new section goes at a position from 0 to %d, not %d", count, at)}
		}
		if err := shiftSections(ctx, tx, studyID, at, 1); err != nil {
			return err
		}
		sec.ID = ""
		var err error
		sec, err = insertSection(ctx, tx, studyID, at, sec)
		return err
	})
	return sec, err
}

// MoveSection swaps a section with its neighbour above (delta -1) or
// below (+1); at either end nothing changes.
func (s *Store) MoveSection(ctx context.Context, id string, delta int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var studyID string
		if err := tx.QueryRowContext(ctx, `SELECT study_id FROM study_sections WHERE id = ?`, id).Scan(&studyID); err != nil {
			return notFound(err)
		}
		if err := renumberSections(ctx, tx, studyID); err != nil {
			return err
		}
		return swapPositionTx(ctx, tx, "study_sections", "study_id", id, delta)
	})
}

// DeleteSection moves a section to the trash and closes the gap it leaves
// (restoring it opens the gap again).
func (s *Store) DeleteSection(ctx context.Context, id string) (trashID string, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var studyID string
		var pos int
		if err := tx.QueryRowContext(ctx, `SELECT study_id FROM study_sections WHERE id = ?`, id).Scan(&studyID); err != nil {
			return notFound(err)
		}
		if err := renumberSections(ctx, tx, studyID); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT position FROM study_sections WHERE id = ?`, id).Scan(&pos); err != nil {
			return err
		}
		trashID, err = moveToTrash(ctx, tx, TrashSection, id, func(c *capture) error {
			// Recorded lowest first, so the restore moves them back highest first.
			return c.change("study_sections", []string{"study_id"}, []any{studyID}, []string{"position", "updated_at"}, "position",
				func() error { return shiftSections(ctx, tx, studyID, pos+1, -1) })
		})
		return err
	})
	return trashID, err
}

// shiftSections moves the sections at positions from and after by delta.
// (The rows are parked at distinct negative positions first, then set to
// their new ones: databases before migration 21 held UNIQUE (study_id,
// position), which SQLite checks row by row during an UPDATE.)
func shiftSections(ctx context.Context, tx *sql.Tx, studyID string, from, delta int) error {
	if _, err := tx.ExecContext(ctx, `UPDATE study_sections SET position = -position - 1 WHERE study_id = ? AND position >= ?`, studyID, from); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE study_sections SET position = -position - 1 + ?, updated_at = ? WHERE study_id = ? AND position < 0`,
		delta, now(), studyID)
	return err
}

// renumberSections gives a study's sections the places 0, 1, 2… in the
// order they are read, (position, id), before a section is added, moved
// or deleted there. Two sections share a place only after a sync (two
// laptops each added one there): every laptop reads them in the same
// order, and the first edit of the order on any laptop makes the places
// whole again as an ordinary edit, which travels and merges like any
// other. Sections already at their place are not written.
func renumberSections(ctx context.Context, tx *sql.Tx, studyID string) error {
	_, err := tx.ExecContext(ctx, `UPDATE study_sections SET position = p.place, updated_at = ?
		FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY position, id) - 1 AS place FROM study_sections WHERE study_id = ?) p
		WHERE study_sections.id = p.id AND study_sections.position <> p.place`, now(), studyID)
	return err
}
