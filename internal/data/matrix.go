package data

import (
	"context"
	"database/sql"
)

// Matrix cell states (Table 1 of a baseline study).
const (
	CellGoodPractice   = "gp"    // the partner has a good practice to share
	CellGoodPracticeKN = "gp_kn" // a good practice, and still a knowledge need
	CellKnowledgeNeed  = "kn"    // only a knowledge need
)

// MatrixCell is one partner × sub-theme cell; an absent cell means nothing.
type MatrixCell struct {
	ID          string
	PartnerID   string
	SubThemeID  string
	State       string
	PracticeIDs []string // good practices named in the cell, in order
}

func setMatrixCell(ctx context.Context, tx *sql.Tx, c MatrixCell) (MatrixCell, error) {
	switch c.State {
	case CellGoodPractice, CellGoodPracticeKN, CellKnowledgeNeed:
	default:
		return c, &ConstraintError{Msg: "unknown matrix cell state " + c.State}
	}
	t := now()
	c.ID = newID()
	err := tx.QueryRowContext(ctx, `INSERT INTO matrix_cells (id, partner_id, sub_theme_id, state, created_at, updated_at)
		VALUES (?,?,?,?,?,?) ON CONFLICT (partner_id, sub_theme_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
		RETURNING id`, c.ID, c.PartnerID, c.SubThemeID, c.State, t, t).Scan(&c.ID)
	if err != nil {
		return c, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM matrix_cell_practices WHERE cell_id = ?`, c.ID); err != nil {
		return c, err
	}
	for i, gp := range c.PracticeIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO matrix_cell_practices (cell_id, good_practice_id, position) VALUES (?,?,?)`, c.ID, gp, i); err != nil {
			return c, err
		}
	}
	return c, nil
}

// MatrixCells lists the non-empty cells of a network's matrix.
func (s *Store) MatrixCells(ctx context.Context, networkID string) ([]MatrixCell, error) {
	cells, err := queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (MatrixCell, error) {
		var c MatrixCell
		err := r.Scan(&c.ID, &c.PartnerID, &c.SubThemeID, &c.State)
		return c, err
	}, `SELECT c.id, c.partner_id, c.sub_theme_id, c.state FROM matrix_cells c JOIN partners p ON p.id = c.partner_id
		WHERE p.network_id = ?`, networkID)
	if err != nil {
		return nil, err
	}
	err = attachLinks(ctx, s.rd, cells, func(c *MatrixCell) string { return c.ID },
		func(c *MatrixCell, gp string) { c.PracticeIDs = append(c.PracticeIDs, gp) },
		`SELECT l.cell_id, l.good_practice_id FROM matrix_cell_practices l
		JOIN matrix_cells c ON c.id = l.cell_id JOIN partners p ON p.id = c.partner_id
		WHERE p.network_id = ? ORDER BY l.cell_id, l.position`, networkID)
	return cells, err
}

// DeleteMatrixCell empties one cell (nothing there any more).
func (s *Store) DeleteMatrixCell(ctx context.Context, partnerID, subThemeID string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM matrix_cells WHERE partner_id = ? AND sub_theme_id = ?`, partnerID, subThemeID)
	return err
}

// SetMatrixCell stores one cell with its good practices, replacing what was there.
func (s *Store) SetMatrixCell(ctx context.Context, c MatrixCell) (MatrixCell, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = setMatrixCell(ctx, tx, c)
		return err
	})
	return c, err
}

func clearMatrix(ctx context.Context, tx *sql.Tx, networkID string) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM matrix_cells WHERE partner_id IN (SELECT id FROM partners WHERE network_id = ?)`, networkID)
	return err
}
