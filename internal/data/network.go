package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
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

// UpdateNetwork saves the network's fields; its name must be one no other
// network has (CheckNetworkName).
func (s *Store) UpdateNetwork(ctx context.Context, n Network) error {
	if err := s.CheckNetworkName(ctx, n.Name, n.ID); err != nil {
		return err
	}
	res, err := s.db.ExecContext(ctx, `UPDATE networks SET name=?, acronym=?, programme=?, lead_expert=?, start_date=?, end_date=?, description=?, updated_at=? WHERE id=? AND deleted_at IS NULL`,
		n.Name, n.Acronym, n.Programme, n.LeadExpert, n.StartDate, n.EndDate, n.Description, now(), n.ID)
	return mustAffect(res, err)
}

// Networks lists all networks by name.
func (s *Store) Networks(ctx context.Context) ([]Network, error) {
	return queryList(ctx, s.rd, scanNetwork, `SELECT `+networkColumns+` FROM networks WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE`)
}

// Network returns one network by id.
func (s *Store) Network(ctx context.Context, id string) (Network, error) {
	n, err := scanNetwork(s.rd.QueryRowContext(ctx, `SELECT `+networkColumns+` FROM networks WHERE id = ? AND deleted_at IS NULL`, id))
	return n, notFound(err)
}

// NetworkByName returns the network with exactly this name (case-insensitive).
func (s *Store) NetworkByName(ctx context.Context, name string) (Network, error) {
	n, err := scanNetwork(s.rd.QueryRowContext(ctx, `SELECT `+networkColumns+` FROM networks WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL`, name))
	return n, notFound(err)
}

// LastNetworkSetting is the setting that names the network the window had
// open when it last closed.
const LastNetworkSetting = "ui.last_network_id"

// NetworkNameTaken tells whether another network (not exceptID) has this
// name, case-insensitively.
func (s *Store) NetworkNameTaken(ctx context.Context, name, exceptID string) (bool, error) {
	var taken bool
	err := s.rd.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM networks WHERE name = ? COLLATE NOCASE AND id <> ? AND deleted_at IS NULL)`,
		name, exceptID).Scan(&taken)
	return taken, err
}

// CheckNetworkName is the rule for a network's name, as forms check it
// while it is typed: not empty, and no other network (not exceptID) has it,
// case-insensitive. A broken rule is a *ConstraintError saying which.
func (s *Store) CheckNetworkName(ctx context.Context, name, exceptID string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return &ConstraintError{Msg: "a network needs a name"}
	}
	taken, err := s.NetworkNameTaken(ctx, name, exceptID)
	if err != nil {
		return err
	}
	if taken {
		return &ConstraintError{Msg: fmt.Sprintf("Another network is already called %q (names are told apart regardless of capitals)", name)}
	}
	return nil
}

// networkCounts are the tables a network's trash entry counts (a network
// may hold 100,000 survey answers: the entry counts its main records).
var networkCounts = []string{"partners", "themes", "good_practices", "meetings", "surveys", "learning_needs", "studies"}

// DeleteNetwork moves a network, with everything it holds, to the trash
// and returns the entry's id. Like a survey it is soft deleted: its rows
// stay where they are, hidden, until the entry is restored (RestoreTrash)
// or purged.
func (s *Store) DeleteNetwork(ctx context.Context, id string) (trashID string, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRowContext(ctx, `SELECT name FROM networks WHERE id = ? AND deleted_at IS NULL`, id).Scan(&name); err != nil {
			return notFound(err)
		}
		counts := map[string]int{"networks": 1}
		for _, table := range networkCounts {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+quoteID(table)+` WHERE network_id = ?`, id).Scan(&n); err != nil {
				return fmt.Errorf("counting %s: %w", table, err)
			}
			if n > 0 {
				counts[table] = n
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE networks SET deleted_at = ? WHERE id = ?`, now(), id); err != nil {
			return err
		}
		trashID, err = fileTrash(ctx, tx, id, TrashNetwork, trashLabel("network", name), counts, payload{}, "")
		return err
	})
	return trashID, err
}

// DeletedNetworks lists the trash entries of deleted networks, newest
// first. (Store.Trash lists an open network's own trash.)
func (s *Store) DeletedNetworks(ctx context.Context) ([]TrashItem, error) {
	return queryList(ctx, s.rd, scanTrash, `SELECT `+trashColumns+` FROM trash WHERE kind = ? ORDER BY deleted_at DESC, id DESC`, TrashNetwork)
}

// restoreNetwork brings back a soft-deleted network, unless a network of
// the same name exists again.
func restoreNetwork(ctx context.Context, tx *sql.Tx, it TrashItem) error {
	var name string
	if err := tx.QueryRowContext(ctx, `SELECT name FROM networks WHERE id = ? AND deleted_at IS NOT NULL`, it.NetworkID).Scan(&name); err != nil {
		return notFound(err)
	}
	var taken bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM networks WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL)`, name).Scan(&taken); err != nil {
		return err
	}
	if taken {
		return &ConstraintError{Msg: fmt.Sprintf("%s cannot be restored: a network with the same name exists again (rename it first)", it.Label)}
	}
	_, err := tx.ExecContext(ctx, `UPDATE networks SET deleted_at = NULL WHERE id = ?`, it.NetworkID)
	return err
}
