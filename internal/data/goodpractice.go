package data

import (
	"context"
	"database/sql"
)

// GoodPractice is a practice one partner (or a city outside the network)
// can show the others. Exactly one of OwnerPartnerID and OutsideCity is set.
type GoodPractice struct {
	ID             string
	NetworkID      string
	Title          string
	OwnerPartnerID string
	OutsideCity    string
	OutsideCountry string
	Description    string
	SourceLink     string
	SubThemeIDs    []string
}

// IsOutside tells whether the practice comes from outside the network.
func (gp GoodPractice) IsOutside() bool { return gp.OwnerPartnerID == "" }

func createGoodPractice(ctx context.Context, tx *sql.Tx, gp GoodPractice) (GoodPractice, error) {
	if gp.Title == "" {
		return gp, &ConstraintError{Msg: "a good practice needs a title"}
	}
	if gp.OwnerPartnerID == "" && gp.OutsideCity == "" {
		return gp, &ConstraintError{Msg: "good practice " + gp.Title + " needs an owner: a partner or a city outside the network"}
	}
	gp.ID = newID()
	t := now()
	if _, err := tx.ExecContext(ctx, `INSERT INTO good_practices (id, network_id, title, owner_partner_id, outside_city, outside_country,
		description, source_link, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		gp.ID, gp.NetworkID, gp.Title, nullable(gp.OwnerPartnerID), gp.OutsideCity, gp.OutsideCountry, gp.Description, gp.SourceLink, t, t); err != nil {
		return gp, err
	}
	for _, st := range gp.SubThemeIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO good_practice_sub_themes (good_practice_id, sub_theme_id) VALUES (?,?)`, gp.ID, st); err != nil {
			return gp, err
		}
	}
	return gp, deriveCells(ctx, tx, gp.NetworkID)
}

// GoodPractices lists a network's good practices by title, with their sub-themes.
func (s *Store) GoodPractices(ctx context.Context, networkID string) ([]GoodPractice, error) {
	gps, err := queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (GoodPractice, error) {
		var gp GoodPractice
		var owner sql.NullString
		err := r.Scan(&gp.ID, &gp.NetworkID, &gp.Title, &owner, &gp.OutsideCity, &gp.OutsideCountry, &gp.Description, &gp.SourceLink)
		gp.OwnerPartnerID = owner.String
		return gp, err
	}, `SELECT id, network_id, title, owner_partner_id, outside_city, outside_country, description, source_link
		FROM good_practices WHERE network_id = ? ORDER BY title COLLATE NOCASE`, networkID)
	if err != nil {
		return nil, err
	}
	err = attachLinks(ctx, s.rd, gps, func(gp *GoodPractice) string { return gp.ID },
		func(gp *GoodPractice, st string) { gp.SubThemeIDs = append(gp.SubThemeIDs, st) },
		`SELECT l.good_practice_id, l.sub_theme_id FROM good_practice_sub_themes l
		JOIN good_practices g ON g.id = l.good_practice_id WHERE g.network_id = ?`, networkID)
	return gps, err
}

// linkPracticeSubTheme records that a practice serves a sub-theme; the
// caller brings the matrix in line (deriveCells) before its commit.
func linkPracticeSubTheme(ctx context.Context, tx *sql.Tx, practiceID, subThemeID string) error {
	_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO good_practice_sub_themes (good_practice_id, sub_theme_id) VALUES (?,?)`, practiceID, subThemeID)
	return err
}

// networkOfPractice is the network a practice belongs to.
func networkOfPractice(ctx context.Context, tx *sql.Tx, id string) (string, error) {
	var n string
	err := tx.QueryRowContext(ctx, `SELECT network_id FROM good_practices WHERE id = ?`, id).Scan(&n)
	return n, notFound(err)
}

// CreateGoodPractice stores a new good practice.
func (s *Store) CreateGoodPractice(ctx context.Context, gp GoodPractice) (GoodPractice, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		gp, err = createGoodPractice(ctx, tx, gp)
		return err
	})
	return gp, err
}

// UpdateGoodPractice saves a practice and replaces its sub-theme links;
// the matrix follows: the owner's cells of the sub-themes it serves now have
// a good practice, and a cell it left goes back to what was noted in it.
func (s *Store) UpdateGoodPractice(ctx context.Context, gp GoodPractice) error {
	if gp.Title == "" {
		return &ConstraintError{Msg: "a good practice needs a title"}
	}
	if gp.OwnerPartnerID == "" && gp.OutsideCity == "" {
		return &ConstraintError{Msg: "good practice " + gp.Title + " needs an owner: a partner or a city outside the network"}
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE good_practices SET title=?, owner_partner_id=?, outside_city=?, outside_country=?,
			description=?, source_link=?, updated_at=? WHERE id=?`, gp.Title, nullable(gp.OwnerPartnerID), gp.OutsideCity, gp.OutsideCountry,
			gp.Description, gp.SourceLink, now(), gp.ID)
		if err := mustAffect(res, err); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM good_practice_sub_themes WHERE good_practice_id = ?`, gp.ID); err != nil {
			return err
		}
		for _, st := range gp.SubThemeIDs {
			if err := linkPracticeSubTheme(ctx, tx, gp.ID, st); err != nil {
				return err
			}
		}
		network, err := networkOfPractice(ctx, tx, gp.ID)
		if err != nil {
			return err
		}
		return deriveCells(ctx, tx, network)
	})
}

// PracticeCells counts the matrix cells that name a practice: the
// sub-themes it serves when a partner owns it, none for an outside one.
func (s *Store) PracticeCells(ctx context.Context, id string) (int, error) {
	var n int
	err := s.rd.QueryRowContext(ctx, `SELECT COUNT(*) FROM good_practice_sub_themes l JOIN good_practices g ON g.id = l.good_practice_id
		WHERE g.id = ? AND g.owner_partner_id IS NOT NULL`, id).Scan(&n)
	return n, err
}

// DeleteGoodPractice moves a practice to the trash; a cell it leaves with
// no practice goes back to what was noted in it (GP → nothing, GP+KN → KN,
// a GP noted without a practice stays), and the restore brings it back.
func (s *Store) DeleteGoodPractice(ctx context.Context, id string) (trashID string, err error) {
	return s.trashOne(ctx, TrashGoodPractice, id)
}
