package data

import (
	"context"
	"database/sql"
)

// Network is an URBACT network: about ten partners working together for 2.5 years.
type Network struct {
	ID          string
	Name        string
	Acronym     string
	Programme   string
	LeadExpert  string
	StartDate   string // YYYY-MM-DD or ""
	EndDate     string
	Description string
}

const networkColumns = `id, name, acronym, programme, lead_expert, start_date, end_date, description`

func scanNetwork(row interface{ Scan(...any) error }) (Network, error) {
	var n Network
	err := row.Scan(&n.ID, &n.Name, &n.Acronym, &n.Programme, &n.LeadExpert, &n.StartDate, &n.EndDate, &n.Description)
	return n, err
}

// CreateNetwork stores a new network and returns it with its id.
func (s *Store) CreateNetwork(ctx context.Context, n Network) (Network, error) {
	var out Network
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = createNetwork(ctx, tx, n)
		return err
	})
	return out, err
}

func createNetwork(ctx context.Context, tx *sql.Tx, n Network) (Network, error) {
	if n.Name == "" {
		return n, &ConstraintError{Msg: "a network needs a name"}
	}
	n.ID = newID()
	t := now()
	_, err := tx.ExecContext(ctx, `INSERT INTO networks (`+networkColumns+`, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		n.ID, n.Name, n.Acronym, n.Programme, n.LeadExpert, n.StartDate, n.EndDate, n.Description, t, t)
	return n, err
}

// UpdateNetwork saves the network's fields.
func (s *Store) UpdateNetwork(ctx context.Context, n Network) error {
	if n.Name == "" {
		return &ConstraintError{Msg: "a network needs a name"}
	}
	res, err := s.db.ExecContext(ctx, `UPDATE networks SET name=?, acronym=?, programme=?, lead_expert=?, start_date=?, end_date=?, description=?, updated_at=? WHERE id=?`,
		n.Name, n.Acronym, n.Programme, n.LeadExpert, n.StartDate, n.EndDate, n.Description, now(), n.ID)
	return mustAffect(res, err)
}

// Networks lists all networks by name.
func (s *Store) Networks(ctx context.Context) ([]Network, error) {
	return queryList(ctx, s.rd, scanNetwork, `SELECT `+networkColumns+` FROM networks ORDER BY name COLLATE NOCASE`)
}

// Network returns one network by id.
func (s *Store) Network(ctx context.Context, id string) (Network, error) {
	n, err := scanNetwork(s.rd.QueryRowContext(ctx, `SELECT `+networkColumns+` FROM networks WHERE id = ?`, id))
	return n, notFound(err)
}

// NetworkByName returns the network with exactly this name (case-insensitive).
func (s *Store) NetworkByName(ctx context.Context, name string) (Network, error) {
	n, err := scanNetwork(s.rd.QueryRowContext(ctx, `SELECT `+networkColumns+` FROM networks WHERE name = ? COLLATE NOCASE`, name))
	return n, notFound(err)
}
