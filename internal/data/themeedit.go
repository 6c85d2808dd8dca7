package data

import (
	"context"
	"database/sql"
	"errors"
)

// UpdateTheme saves a theme's number, title and horizontal flag.
func (s *Store) UpdateTheme(ctx context.Context, th Theme) error {
	if th.Title == "" {
		return &ConstraintError{Msg: "a theme needs a title"}
	}
	res, err := s.db.ExecContext(ctx, `UPDATE themes SET number = ?, title = ?, horizontal = ?, updated_at = ? WHERE id = ?`,
		th.Number, th.Title, th.Horizontal, now(), th.ID)
	return mustAffect(res, err)
}

// UpdateSubTheme saves a sub-theme's number and title.
func (s *Store) UpdateSubTheme(ctx context.Context, st SubTheme) error {
	if st.Title == "" {
		return &ConstraintError{Msg: "a sub-theme needs a title"}
	}
	res, err := s.db.ExecContext(ctx, `UPDATE sub_themes SET number = ?, title = ?, updated_at = ? WHERE id = ?`, st.Number, st.Title, now(), st.ID)
	return mustAffect(res, err)
}

// AddTheme appends a theme to a network.
func (s *Store) AddTheme(ctx context.Context, th Theme) (Theme, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position) + 1, 0) FROM themes WHERE network_id = ?`, th.NetworkID).Scan(&th.Position); err != nil {
			return err
		}
		var err error
		th, err = createTheme(ctx, tx, th)
		return err
	})
	return th, err
}

// AddSubTheme appends a sub-theme to a theme.
func (s *Store) AddSubTheme(ctx context.Context, st SubTheme) (SubTheme, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position) + 1, 0) FROM sub_themes WHERE theme_id = ?`, st.ThemeID).Scan(&st.Position); err != nil {
			return err
		}
		var err error
		st, err = createSubTheme(ctx, tx, st)
		return err
	})
	return st, err
}

// MoveTheme swaps a theme with its neighbour above (delta -1) or below (+1).
func (s *Store) MoveTheme(ctx context.Context, id string, delta int) error {
	return s.swapPosition(ctx, "themes", "network_id", id, delta)
}

// MoveSubTheme swaps a sub-theme with its neighbour in the same theme.
func (s *Store) MoveSubTheme(ctx context.Context, id string, delta int) error {
	return s.swapPosition(ctx, "sub_themes", "theme_id", id, delta)
}

// swapPosition exchanges the position of a row with the next one up or
// down among the rows sharing its parent; at either end nothing changes.
func (s *Store) swapPosition(ctx context.Context, table, parent, id string, delta int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return swapPositionTx(ctx, tx, table, parent, id, delta) })
}

func swapPositionTx(ctx context.Context, tx *sql.Tx, table, parent, id string, delta int) error {
	var pos int
	var parentID string
	if err := tx.QueryRowContext(ctx, `SELECT position, `+parent+` FROM `+table+` WHERE id = ?`, id).Scan(&pos, &parentID); err != nil {
		return notFound(err)
	}
	order := "ASC"
	cmp := ">"
	if delta < 0 {
		order, cmp = "DESC", "<"
	}
	var otherID string
	var otherPos int
	err := tx.QueryRowContext(ctx, `SELECT id, position FROM `+table+` WHERE `+parent+` = ? AND position `+cmp+` ? ORDER BY position `+order+` LIMIT 1`,
		parentID, pos).Scan(&otherID, &otherPos)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	t := now()
	// The row is parked at -1 first so that a UNIQUE (parent, position)
	// index (study sections had one before migration 21) never sees two
	// rows at one place.
	if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET position = -1 WHERE id = ?`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET position = ?, updated_at = ? WHERE id = ?`, pos, t, otherID); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE `+table+` SET position = ?, updated_at = ? WHERE id = ?`, otherPos, t, id)
	return err
}

// Usage counts what refers to a theme or sub-theme, for the delete guard.
type Usage struct {
	SubThemes     int // a theme's sub-themes
	MatrixCells   int
	GoodPractices int // practices linked to it
	LearningNeeds int // needs that would lose their sub-theme
}

// InUse tells whether anything would go with the deletion.
func (u Usage) InUse() bool { return u.MatrixCells > 0 || u.GoodPractices > 0 || u.LearningNeeds > 0 }

// ThemeUsage counts the sub-themes, cells and practice links under a theme.
func (s *Store) ThemeUsage(ctx context.Context, id string) (Usage, error) {
	var u Usage
	err := s.rd.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM sub_themes WHERE theme_id = ?1),
		(SELECT COUNT(*) FROM matrix_cells WHERE sub_theme_id IN (SELECT id FROM sub_themes WHERE theme_id = ?1)),
		(SELECT COUNT(DISTINCT good_practice_id) FROM good_practice_sub_themes WHERE sub_theme_id IN (SELECT id FROM sub_themes WHERE theme_id = ?1)),
		(SELECT COUNT(*) FROM learning_needs WHERE sub_theme_id IN (SELECT id FROM sub_themes WHERE theme_id = ?1))`,
		id).Scan(&u.SubThemes, &u.MatrixCells, &u.GoodPractices, &u.LearningNeeds)
	return u, err
}

// SubThemeUsage counts the cells and practice links of a sub-theme.
func (s *Store) SubThemeUsage(ctx context.Context, id string) (Usage, error) {
	var u Usage
	err := s.rd.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM matrix_cells WHERE sub_theme_id = ?1),
		(SELECT COUNT(*) FROM good_practice_sub_themes WHERE sub_theme_id = ?1),
		(SELECT COUNT(*) FROM learning_needs WHERE sub_theme_id = ?1)`, id).Scan(&u.MatrixCells, &u.GoodPractices, &u.LearningNeeds)
	return u, err
}

// DeleteTheme moves a theme to the trash with its sub-themes and their
// matrix cells, and returns the trash entry's id; good practices stay in the
// catalogue, unlinked from them.
func (s *Store) DeleteTheme(ctx context.Context, id string) (trashID string, err error) {
	return s.trashOne(ctx, TrashTheme, id)
}

// DeleteSubTheme moves a sub-theme and its matrix cells to the trash.
func (s *Store) DeleteSubTheme(ctx context.Context, id string) (trashID string, err error) {
	return s.trashOne(ctx, TrashSubTheme, id)
}
