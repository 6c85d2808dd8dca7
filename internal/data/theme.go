package data

import (
	"context"
	"database/sql"
	"strings"
)

// Theme is one of the network's focus areas, with its ordered sub-themes.
// Horizontal themes (green, digital, gender equality) cut across the others.
type Theme struct {
	ID         string
	NetworkID  string
	Position   int
	Number     string // as shown, e.g. "1"
	Title      string
	Horizontal bool
	SubThemes  []SubTheme
}

// SubTheme is a row of the matrix, e.g. "1.1 Increase trust".
type SubTheme struct {
	ID       string
	ThemeID  string
	Position int
	Number   string // e.g. "1.1"
	Title    string
}

// Label is the theme as lists show it: "1 Working together with citizens".
func (th Theme) Label() string { return strings.TrimSpace(th.Number + " " + th.Title) }

// Label is the sub-theme as lists show it: "1.1 Increase trust".
func (st SubTheme) Label() string { return strings.TrimSpace(st.Number + " " + st.Title) }

func createTheme(ctx context.Context, tx *sql.Tx, th Theme) (Theme, error) {
	if th.Title == "" {
		return th, &ConstraintError{Msg: "a theme needs a title"}
	}
	th.ID = newID()
	t := now()
	if _, err := tx.ExecContext(ctx, `INSERT INTO themes (id, network_id, position, number, title, horizontal, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?)`, th.ID, th.NetworkID, th.Position, th.Number, th.Title, th.Horizontal, t, t); err != nil {
		return th, err
	}
	for i := range th.SubThemes {
		st := &th.SubThemes[i]
		if st.Title == "" {
			return th, &ConstraintError{Msg: "a sub-theme of " + th.Title + " has no title"}
		}
		st.ID, st.ThemeID = newID(), th.ID
		if _, err := tx.ExecContext(ctx, `INSERT INTO sub_themes (id, theme_id, position, number, title, created_at, updated_at)
			VALUES (?,?,?,?,?,?,?)`, st.ID, st.ThemeID, st.Position, st.Number, st.Title, t, t); err != nil {
			return th, err
		}
	}
	return th, nil
}

// Themes lists a network's themes in order, each with its sub-themes in order.
func (s *Store) Themes(ctx context.Context, networkID string) ([]Theme, error) {
	themes, err := queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (Theme, error) {
		var th Theme
		err := r.Scan(&th.ID, &th.NetworkID, &th.Position, &th.Number, &th.Title, &th.Horizontal)
		return th, err
	}, `SELECT id, network_id, position, number, title, horizontal FROM themes WHERE network_id = ? ORDER BY position`, networkID)
	if err != nil {
		return nil, err
	}
	subs, err := queryList(ctx, s.rd, func(r interface{ Scan(...any) error }) (SubTheme, error) {
		var st SubTheme
		err := r.Scan(&st.ID, &st.ThemeID, &st.Position, &st.Number, &st.Title)
		return st, err
	}, `SELECT s.id, s.theme_id, s.position, s.number, s.title FROM sub_themes s JOIN themes t ON t.id = s.theme_id
		WHERE t.network_id = ? ORDER BY t.position, s.position`, networkID)
	if err != nil {
		return nil, err
	}
	index := make(map[string]int, len(themes))
	for i, th := range themes {
		index[th.ID] = i
	}
	for _, st := range subs {
		i := index[st.ThemeID]
		themes[i].SubThemes = append(themes[i].SubThemes, st)
	}
	return themes, nil
}

func createSubTheme(ctx context.Context, tx *sql.Tx, st SubTheme) (SubTheme, error) {
	if st.Title == "" {
		return st, &ConstraintError{Msg: "a sub-theme needs a title"}
	}
	st.ID = newID()
	t := now()
	_, err := tx.ExecContext(ctx, `INSERT INTO sub_themes (id, theme_id, position, number, title, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?)`, st.ID, st.ThemeID, st.Position, st.Number, st.Title, t, t)
	return st, err
}
