package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ImportMode says what an import does with the network's UUIDs.
type ImportMode int

const (
	// ImportAsIs adds the network with the UUIDs it has; refused with
	// ErrNetworkPresent when the database has that network already.
	ImportAsIs ImportMode = iota
	// ImportKeepBoth adds it under new UUIDs, named "NAME (imported DATE)",
	// beside the one the database has.
	ImportKeepBoth
)

// ErrNetworkPresent marks an as-is import of a network the database holds.
var ErrNetworkPresent = errors.New("the database already has this network")

// MergeNetworkFile, when set, merges a hand-over file into the network of
// the same UUID the way a sync merges another laptop's changes. It is the
// seam for the sync engine (internal/sync): nil until that engine sets it
// at start-up, and while nil the window offers "Merge" disabled ("needs
// sync (coming)") and the command line refuses --merge. It must do the
// whole merge in one transaction of s and return the network's id.
var MergeNetworkFile func(ctx context.Context, s *Store, path string, info HandoverInfo) (networkID string, err error)

// HasNetworkID tells whether the database holds a network of this UUID,
// in use or in the trash.
func (s *Store) HasNetworkID(ctx context.Context, id string) (bool, error) {
	var has bool
	err := s.rd.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM networks WHERE id = ?)`, id).Scan(&has)
	return has, err
}

// ImportNetwork adds the network of the hand-over file at path, with
// everything it holds, in one transaction: all of it lands or none. The
// file is checked first (ReadHandover) and read through an upgraded copy,
// so a file of an older schema imports like a current one. It returns the
// id the network has in this database.
func (s *Store) ImportNetwork(ctx context.Context, path string, mode ImportMode, now time.Time) (string, HandoverInfo, error) {
	info, err := ReadHandover(ctx, path)
	if err != nil {
		return "", info, err
	}
	dir, cleanup, err := handoverDir()
	if err != nil {
		return "", info, err
	}
	defer cleanup()
	src, err := copyForImport(ctx, path, dir)
	if err != nil {
		return "", info, err
	}
	defer src.Close()
	id := info.NetworkID
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var present bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM networks WHERE id = ?)`, info.NetworkID).Scan(&present); err != nil {
			return err
		}
		if present && mode == ImportAsIs {
			return fmt.Errorf("%s (%s): %w; import it as a copy beside it (keep both)", info.NetworkName, info.NetworkID, ErrNetworkPresent)
		}
		// Rows go in table by table; the references between them are
		// checked once, at the commit.
		if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
			return err
		}
		im, err := newImporter(ctx, tx, src.rd)
		if err != nil {
			return err
		}
		if mode == ImportKeepBoth {
			if err := im.newIDs(); err != nil {
				return err
			}
			id = im.ids[info.NetworkID]
		}
		// Handed over as they are, the records keep the clock and laptop
		// they were last written with (as a sync applies them): the sync
		// triggers stand aside while they go in. A copy under new ids is
		// new records, written now by this laptop.
		keepClocks := mode == ImportAsIs
		if keepClocks {
			if _, err := tx.ExecContext(ctx, `UPDATE sync_laptop SET applying = 1`); err != nil {
				return err
			}
		}
		if err := im.copyAll(); err != nil {
			return err
		}
		if keepClocks {
			if _, err := tx.ExecContext(ctx, `UPDATE sync_laptop SET applying = 0`); err != nil {
				return err
			}
			if err := importSyncState(ctx, tx, src.rd, info.NetworkID); err != nil {
				return fmt.Errorf("the sync state: %w", err)
			}
		}
		if mode == ImportKeepBoth {
			name := fmt.Sprintf("%s (imported %s)", info.NetworkName, now.Format("2006-01-02"))
			if _, err := tx.ExecContext(ctx, `UPDATE networks SET name = ? WHERE id = ?`, name, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return "", info, fmt.Errorf("importing %s: %w; nothing was added", path, err)
	}
	return id, info, nil
}

// importer copies every handed-over table of a source store into a
// transaction, renaming UUIDs through ids when that is set.
type importer struct {
	ctx     context.Context
	tx      *sql.Tx
	src     *sql.DB
	tables  []string
	columns map[string][]importColumn
	ids     map[string]string // old UUID -> new; nil: as is
	payload *strings.Replacer // ids in the trash's JSON payloads
}

type importColumn struct {
	name  string
	isRef bool // holds a UUID: the table's TEXT id, a foreign key or a *_id column
	skip  bool // an INTEGER PRIMARY KEY: the target numbers its own rows
}

func newImporter(ctx context.Context, tx *sql.Tx, src *sql.DB) (*importer, error) {
	im := &importer{ctx: ctx, tx: tx, src: src, columns: map[string][]importColumn{}}
	refs := map[string]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT m.name, f."from" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			rows.Close()
			return nil, err
		}
		refs[t+"."+c] = true
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT m.name, c.name, upper(c.type), c.pk,
		(SELECT COUNT(*) FROM pragma_table_info(m.name) WHERE pk > 0)
		FROM sqlite_schema m, pragma_table_info(m.name) c WHERE m.type = 'table' ORDER BY m.name, c.cid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t, c, typ string
		var pk, pkCols int
		if err := rows.Scan(&t, &c, &typ, &pk, &pkCols); err != nil {
			return nil, err
		}
		if !handedOver(t) {
			continue
		}
		if len(im.columns[t]) == 0 {
			im.tables = append(im.tables, t)
		}
		col := importColumn{name: c, skip: pk == 1 && pkCols == 1 && typ == "INTEGER"}
		col.isRef = (c == "id" && typ == "TEXT") || refs[t+"."+c] || strings.HasSuffix(c, "_id")
		im.columns[t] = append(im.columns[t], col)
	}
	return im, rows.Err()
}

// newIDs gives every TEXT id of the source a new UUID.
func (im *importer) newIDs() error {
	im.ids = map[string]string{}
	var pairs []string
	for _, t := range im.tables {
		hasID := false
		for _, c := range im.columns[t] {
			hasID = hasID || (c.name == "id" && c.isRef)
		}
		if !hasID {
			continue
		}
		old, err := queryStrings(im.ctx, im.src, `SELECT id FROM `+quoteID(t))
		if err != nil {
			return fmt.Errorf("reading the ids of %s: %w", t, err)
		}
		for _, o := range old {
			n := newID()
			im.ids[o] = n
			pairs = append(pairs, o, n)
		}
	}
	im.payload = strings.NewReplacer(pairs...)
	return nil
}

// copyAll copies every table the source and the target both have.
func (im *importer) copyAll() error {
	have, err := queryStrings(im.ctx, im.src, `SELECT name FROM sqlite_schema WHERE type = 'table'`)
	if err != nil {
		return err
	}
	inSource := map[string]bool{}
	for _, t := range have {
		inSource[t] = true
	}
	for _, t := range im.tables {
		if inSource[t] {
			if err := im.copyTable(t); err != nil {
				return fmt.Errorf("copying %s: %w", t, err)
			}
		}
	}
	return nil
}

func (im *importer) copyTable(table string) error {
	var cols []importColumn
	var names []string
	for _, c := range im.columns[table] {
		if !c.skip {
			cols = append(cols, c)
			names = append(names, c.name)
		}
	}
	rows, err := im.src.QueryContext(im.ctx, `SELECT `+selectList(names)+` FROM `+quoteID(table))
	if err != nil {
		return err
	}
	defer rows.Close()
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = quoteID(n)
	}
	ins, err := im.tx.PrepareContext(im.ctx, `INSERT INTO `+quoteID(table)+` (`+strings.Join(quoted, ", ")+`) VALUES (`+strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ")+`)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if im.ids != nil {
			im.rename(table, cols, vals)
		}
		if _, err := ins.ExecContext(im.ctx, vals...); err != nil {
			return err
		}
	}
	return rows.Err()
}

// rename puts the new UUIDs in a row's id columns (and its trash payload).
func (im *importer) rename(table string, cols []importColumn, vals []any) {
	for i, c := range cols {
		s, ok := vals[i].(string)
		switch {
		case !ok:
		case c.isRef:
			if n, found := im.ids[s]; found {
				vals[i] = n
			}
		case table == "trash" && c.name == "payload":
			vals[i] = im.payload.Replace(s)
		}
	}
}

// importSyncState starts this laptop's sync of a network handed over as it
// is where the exporting laptop stood: the versions of its values, and the
// changesets it had applied and written, which this laptop then need not
// (and, once compacted, could not) apply. The exporter's changesets after
// the file are applied as usual; those before it hold nothing the file
// does not.
func importSyncState(ctx context.Context, tx *sql.Tx, src *sql.DB, network string) error {
	var me string
	if err := tx.QueryRowContext(ctx, `SELECT id FROM sync_laptop`).Scan(&me); err != nil {
		return err
	}
	type applied struct {
		laptop string
		seq    int64
	}
	var seen []applied
	rows, err := src.QueryContext(ctx, `SELECT laptop_id, max(seq) FROM sync_applied WHERE network_id = ?1 GROUP BY laptop_id
		UNION ALL SELECT (SELECT id FROM sync_laptop), last_seq FROM sync_networks WHERE network_id = ?1 AND last_seq > 0`, network)
	if err != nil {
		return err
	}
	for rows.Next() {
		var a applied
		if err := rows.Scan(&a.laptop, &a.seq); err != nil {
			rows.Close()
			return err
		}
		seen = append(seen, a)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	at := time.Now().UTC().Format(time.RFC3339)
	for _, a := range seen {
		if a.laptop == me {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO sync_applied (network_id, laptop_id, seq, applied_at) VALUES (?, ?, ?, ?)`, network, a.laptop, a.seq, at); err != nil {
			return err
		}
	}
	vrows, err := src.QueryContext(ctx, `SELECT network_id, tbl, row_id, col, clock, laptop, base_clock, base_laptop, value FROM sync_versions WHERE network_id = ?`, network)
	if err != nil {
		return err
	}
	defer vrows.Close()
	ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO sync_versions (network_id, tbl, row_id, col, clock, laptop, base_clock, base_laptop, value) VALUES (?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	v := make([]any, 9)
	ptrs := make([]any, 9)
	for i := range v {
		ptrs[i] = &v[i]
	}
	for vrows.Next() {
		if err := vrows.Scan(ptrs...); err != nil {
			return err
		}
		if _, err := ins.ExecContext(ctx, v...); err != nil {
			return err
		}
	}
	return vrows.Err()
}
