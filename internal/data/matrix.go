package data

import (
	"context"
	"database/sql"
	"errors"
	"slices"
)

// Matrix cell states (Table 1 of a baseline study).
const (
	CellGoodPractice   = "gp"    // the partner has a good practice to share
	CellGoodPracticeKN = "gp_kn" // a good practice, and still a knowledge need
	CellKnowledgeNeed  = "kn"    // only a knowledge need
)

// MatrixCell is one partner × sub-theme cell; an absent cell means nothing.
//
// Practices and the matrix are one truth: the practices of a cell are the
// good practices its partner owns that serve its sub-theme, and a cell
// with one of them has a good practice (GP, or GP+KN with a knowledge
// need). Without them a cell is what was noted in it — a GP whose
// practice is not in the catalogue stays GP. The store keeps this in
// deriveCells, in the transaction of every change to either side.
type MatrixCell struct {
	ID          string
	PartnerID   string
	SubThemeID  string
	State       string
	PracticeIDs []string // the partner's good practices serving the sub-theme, oldest first
}

func hasGP(state string) bool   { return state == CellGoodPractice || state == CellGoodPracticeKN }
func hasNeed(state string) bool { return state == CellKnowledgeNeed || state == CellGoodPracticeKN }

func stateOf(gp, need bool) string {
	switch {
	case gp && need:
		return CellGoodPracticeKN
	case gp:
		return CellGoodPractice
	case need:
		return CellKnowledgeNeed
	}
	return ""
}

// cellHasPractice is true for a matrix_cells row when a practice of its
// partner serves its sub-theme.
const cellHasPractice = `EXISTS (SELECT 1 FROM good_practice_sub_themes l JOIN good_practices g ON g.id = l.good_practice_id
	WHERE g.owner_partner_id = matrix_cells.partner_id AND l.sub_theme_id = matrix_cells.sub_theme_id)`

// deriveCells brings a network's matrix in line with its catalogue: every
// partner × sub-theme that a practice of the partner serves has a good
// practice; every other cell is what was noted in it (and goes when that
// is nothing). It is the one place that rule lives; every change to
// practices, their sub-themes or cells calls it before its commit.
func deriveCells(ctx context.Context, tx *sql.Tx, networkID string) error {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT g.owner_partner_id, l.sub_theme_id FROM good_practice_sub_themes l
		JOIN good_practices g ON g.id = l.good_practice_id
		WHERE g.network_id = ? AND g.owner_partner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM matrix_cells c
			WHERE c.partner_id = g.owner_partner_id AND c.sub_theme_id = l.sub_theme_id)`, networkID)
	if err != nil {
		return err
	}
	var missing [][2]string
	for rows.Next() {
		var p, st string
		if err := rows.Scan(&p, &st); err != nil {
			rows.Close()
			return err
		}
		missing = append(missing, [2]string{p, st})
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	t := now()
	for _, m := range missing {
		if _, err := tx.ExecContext(ctx, `INSERT INTO matrix_cells (id, partner_id, sub_theme_id, state, noted, created_at, updated_at)
			VALUES (?,?,?,'gp','',?,?)`, newID(), m[0], m[1], t, t); err != nil {
			return err
		}
	}
	inNetwork := `partner_id IN (SELECT id FROM partners WHERE network_id = ?)`
	if _, err := tx.ExecContext(ctx, `DELETE FROM matrix_cells WHERE `+inNetwork+` AND noted = '' AND NOT `+cellHasPractice, networkID); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE matrix_cells SET state = derived, updated_at = ? FROM (SELECT id AS cell,
			CASE WHEN `+cellHasPractice+` THEN CASE WHEN noted IN ('kn', 'gp_kn') THEN 'gp_kn' ELSE 'gp' END ELSE noted END AS derived
			FROM matrix_cells WHERE `+inNetwork+`)
		WHERE id = cell AND state <> derived`, t, networkID)
	return err
}

// networkOfPartner is the network a partner belongs to.
func networkOfPartner(ctx context.Context, tx *sql.Tx, partnerID string) (string, error) {
	var n string
	err := tx.QueryRowContext(ctx, `SELECT network_id FROM partners WHERE id = ?`, partnerID).Scan(&n)
	return n, notFound(err)
}

// setMatrixCell stores a cell: its state, and its practices — which are
// the partner's practices serving the sub-theme, so naming them here gives
// them the sub-theme and leaving one out takes it away. A cell that names
// practices has a good practice whatever state it is given; one that
// names none is the state given.
func setMatrixCell(ctx context.Context, tx *sql.Tx, c MatrixCell) (MatrixCell, error) {
	switch c.State {
	case CellGoodPractice, CellGoodPracticeKN, CellKnowledgeNeed:
	default:
		return c, &ConstraintError{Msg: "unknown matrix cell state " + c.State}
	}
	network, err := networkOfPartner(ctx, tx, c.PartnerID)
	if err != nil {
		return c, err
	}
	for _, gp := range c.PracticeIDs {
		var owner sql.NullString
		var title string
		if err := tx.QueryRowContext(ctx, `SELECT owner_partner_id, title FROM good_practices WHERE id = ?`, gp).Scan(&owner, &title); err != nil {
			return c, notFound(err)
		}
		if owner.String != c.PartnerID {
			return c, &ConstraintError{Msg: "the good practice " + title + " belongs to another owner: a cell names only its partner's practices"}
		}
	}
	var old string
	err = tx.QueryRowContext(ctx, `SELECT noted FROM matrix_cells WHERE partner_id = ? AND sub_theme_id = ?`, c.PartnerID, c.SubThemeID).Scan(&old)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return c, err
	}
	// What the cell says without its practices: the state given when it
	// names none; with practices, its knowledge need, and a good practice
	// only if one was noted before the practices came (it stays when they go).
	noted := c.State
	if len(c.PracticeIDs) > 0 {
		noted = stateOf(hasGP(c.State) && hasGP(old), hasNeed(c.State))
	}
	if err := unlinkCellPractices(ctx, tx, c.PartnerID, c.SubThemeID, c.PracticeIDs); err != nil {
		return c, err
	}
	for _, gp := range c.PracticeIDs {
		if err := linkPracticeSubTheme(ctx, tx, gp, c.SubThemeID); err != nil {
			return c, err
		}
	}
	t := now()
	c.ID = newID()
	err = tx.QueryRowContext(ctx, `INSERT INTO matrix_cells (id, partner_id, sub_theme_id, state, noted, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?) ON CONFLICT (partner_id, sub_theme_id) DO UPDATE SET state = excluded.state, noted = excluded.noted,
		updated_at = excluded.updated_at RETURNING id`, c.ID, c.PartnerID, c.SubThemeID, c.State, noted, t, t).Scan(&c.ID)
	if err != nil {
		return c, err
	}
	return c, deriveCells(ctx, tx, network)
}

// unlinkCellPractices takes the sub-theme from the partner's practices
// that are not in keep.
func unlinkCellPractices(ctx context.Context, tx *sql.Tx, partnerID, subThemeID string, keep []string) error {
	rows, err := tx.QueryContext(ctx, `SELECT l.good_practice_id FROM good_practice_sub_themes l JOIN good_practices g ON g.id = l.good_practice_id
		WHERE g.owner_partner_id = ? AND l.sub_theme_id = ?`, partnerID, subThemeID)
	if err != nil {
		return err
	}
	var drop []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		if !slices.Contains(keep, id) {
			drop = append(drop, id)
		}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, id := range drop {
		if _, err := tx.ExecContext(ctx, `DELETE FROM good_practice_sub_themes WHERE good_practice_id = ? AND sub_theme_id = ?`, id, subThemeID); err != nil {
			return err
		}
	}
	return nil
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
		`SELECT c.id, g.id FROM matrix_cells c JOIN good_practices g ON g.owner_partner_id = c.partner_id
		JOIN good_practice_sub_themes l ON l.good_practice_id = g.id AND l.sub_theme_id = c.sub_theme_id
		WHERE g.network_id = ? ORDER BY c.id, g.created_at, g.id`, networkID)
	return cells, err
}

// DeleteMatrixCell empties one cell (nothing there any more): the
// partner's practices no longer serve the sub-theme.
func (s *Store) DeleteMatrixCell(ctx context.Context, partnerID, subThemeID string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		network, err := networkOfPartner(ctx, tx, partnerID)
		if err != nil {
			return err
		}
		if err := unlinkCellPractices(ctx, tx, partnerID, subThemeID, nil); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM matrix_cells WHERE partner_id = ? AND sub_theme_id = ?`, partnerID, subThemeID); err != nil {
			return err
		}
		return deriveCells(ctx, tx, network)
	})
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

// clearMatrix empties a network's matrix: its cells, and the sub-themes
// of the practices its partners own (those are its cells). Practices from
// outside the network keep theirs.
func clearMatrix(ctx context.Context, tx *sql.Tx, networkID string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM good_practice_sub_themes WHERE good_practice_id IN
		(SELECT id FROM good_practices WHERE network_id = ? AND owner_partner_id IS NOT NULL)`, networkID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM matrix_cells WHERE partner_id IN (SELECT id FROM partners WHERE network_id = ?)`, networkID)
	return err
}
