package sync

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"zombiezen.com/go/sqlite"
	"zombiezen.com/go/sqlite/sqlitex"
)

// recordConflicts brings the conflicts of the columns a changeset sent
// versions of up to date. A version is lost when another version of the
// column won and no version was made on top of it (its laptop's value was
// overwritten without anyone having seen it) and it says something else
// than the winner. The rule reads only the set of versions, so every
// laptop lists the same lost values once it has every file. A conflict
// already reviewed here stays as it was reviewed. cs is a changeset that
// sent versions: another laptop's, or this laptop's own just written (its
// new versions may settle a conflict, or change the value kept).
func (m *merger) recordConflicts(cs []byte) error {
	spans, err := versionSpans(cs)
	if err != nil {
		return err
	}
	return m.recordConflictsOf(spans)
}

// span is the clocks a laptop's versions in a changeset run between.
type span struct{ min, max int64 }

// versionSpans are the clocks of the versions a changeset sends, per laptop.
func versionSpans(cs []byte) (map[string]span, error) {
	spans := map[string]span{}
	err := eachChange(cs, func(op *sqlite.ChangesetOperation, it *sqlite.ChangesetIterator) error {
		if op.TableName != versionsTable || op.Type != sqlite.OpInsert {
			return nil
		}
		clock, err := it.New(4)
		if err != nil {
			return err
		}
		laptop, err := it.New(5)
		if err != nil {
			return err
		}
		sp, ok := spans[laptop.Text()]
		if !ok || clock.Int64() < sp.min {
			sp.min = clock.Int64()
		}
		sp.max = max(sp.max, clock.Int64())
		spans[laptop.Text()] = sp
		return nil
	})
	return spans, err
}

// recordConflictsOf brings up to date the conflicts of the columns that
// have versions of a laptop within its span.
func (m *merger) recordConflictsOf(spans map[string]span) error {
	if err := exec(m.c, `CREATE TEMP TABLE IF NOT EXISTS sync_touched (tbl TEXT, row_id TEXT, col TEXT, PRIMARY KEY (tbl, row_id, col)) WITHOUT ROWID`); err != nil {
		return err
	}
	if err := exec(m.c, `DELETE FROM temp.sync_touched`); err != nil {
		return err
	}
	// The columns the versions are of that have more than one version
	// (only those can have lost one), found in one statement per laptop
	// from the clocks its versions span: a few more columns than needed
	// may be looked at again, which changes nothing.
	for laptop, sp := range spans {
		if err := exec(m.c, `INSERT OR IGNORE INTO temp.sync_touched SELECT v.tbl, v.row_id, v.col FROM sync_versions v
			WHERE v.laptop = ? AND v.clock BETWEEN ? AND ? AND v.col NOT IN (`+quietList()+`)
			AND EXISTS (SELECT 1 FROM sync_versions o WHERE o.tbl = v.tbl AND o.row_id = v.row_id AND o.col = v.col AND (o.clock, o.laptop) <> (v.clock, v.laptop))`,
			laptop, sp.min, sp.max); err != nil {
			return err
		}
	}
	if err := exec(m.c, `DELETE FROM sync_conflicts WHERE resolved = '' AND (tbl, row_id, col) IN (SELECT tbl, row_id, col FROM temp.sync_touched)`); err != nil {
		return err
	}
	return exec(m.c, `INSERT OR IGNORE INTO sync_conflicts (network_id, tbl, row_id, col, lost_clock, lost_laptop, lost_value, kept_clock, kept_laptop, kept_value, found_at)
		SELECT v.network_id, v.tbl, v.row_id, v.col, v.clock, v.laptop, v.value, w.clock, w.laptop, w.value, ?
		FROM temp.sync_touched t
		JOIN sync_versions w ON w.tbl = t.tbl AND w.row_id = t.row_id AND w.col = t.col
		JOIN sync_versions v ON v.tbl = t.tbl AND v.row_id = t.row_id AND v.col = t.col AND (v.clock, v.laptop) < (w.clock, w.laptop)
		WHERE NOT EXISTS (SELECT 1 FROM sync_versions u WHERE u.tbl = t.tbl AND u.row_id = t.row_id AND u.col = t.col AND (u.clock, u.laptop) > (w.clock, w.laptop))
		AND NOT EXISTS (SELECT 1 FROM sync_versions s WHERE s.tbl = t.tbl AND s.row_id = t.row_id AND s.col = t.col AND s.base_clock = v.clock AND s.base_laptop = v.laptop)
		AND v.value IS NOT w.value`, time.Now().UTC().Format(time.RFC3339))
}

// Conflict is a value that lost a merge: the column of a record, the value
// kept and the value lost, with the laptop and time of each.
type Conflict struct {
	Network    string    `json:"network"`
	Table      string    `json:"table"`
	RowID      string    `json:"rowId"`
	Column     string    `json:"column"`
	Kept       any       `json:"kept"`
	KeptLaptop string    `json:"keptLaptop"`
	KeptAt     time.Time `json:"keptAt"`
	Lost       any       `json:"lost"`
	LostLaptop string    `json:"lostLaptop"`
	LostAt     time.Time `json:"lostAt"`
	FoundAt    string    `json:"foundAt"`
	Resolved   string    `json:"resolved,omitempty"` // "", keep, take or edit
	KeptClock  int64     `json:"keptClock"`          // the versions' clocks: with the laptops they name the values
	LostClock  int64     `json:"lostClock"`
}

// clockTime is the wall time a clock was read at (its milliseconds).
func clockTime(clock int64) time.Time { return time.UnixMilli(clock / 1000).UTC() }

// listConflicts lists a network's conflicts, the unresolved ones or all.
func listConflicts(c *sqlite.Conn, network string, all bool) ([]Conflict, error) {
	var out []Conflict
	q := `SELECT network_id, tbl, row_id, col, kept_value, kept_laptop, kept_clock, lost_value, lost_laptop, lost_clock, found_at, resolved
		FROM sync_conflicts WHERE network_id = ?`
	if !all {
		q += ` AND resolved = ''`
	}
	err := each(c, q+` ORDER BY tbl, row_id, col, lost_clock, lost_laptop`, func(s *sqlite.Stmt) error {
		out = append(out, Conflict{
			Network: s.ColumnText(0), Table: s.ColumnText(1), RowID: s.ColumnText(2), Column: s.ColumnText(3),
			Kept: column(s, 4), KeptLaptop: s.ColumnText(5), KeptAt: clockTime(s.ColumnInt64(6)),
			Lost: column(s, 7), LostLaptop: s.ColumnText(8), LostAt: clockTime(s.ColumnInt64(9)),
			KeptClock: s.ColumnInt64(6), LostClock: s.ColumnInt64(9),
			FoundAt: s.ColumnText(10), Resolved: s.ColumnText(11),
		})
		return nil
	}, network)
	return out, err
}

// Choice is how a conflict is settled.
type Choice string

const (
	Keep Choice = "keep" // the kept value stays
	Take Choice = "take" // the lost value comes back, as a new edit
	Edit Choice = "edit" // a value typed now replaces both, as a new edit
)

// resolve settles a conflict here, in one transaction. Take and Edit write
// the column like any edit of the store (the triggers give it a new
// clock), so the next sync sends it on and it wins on every laptop.
func resolve(c *sqlite.Conn, cf Conflict, choice Choice, typed any) (err error) {
	end, err := sqlitex.ImmediateTransaction(c)
	if err != nil {
		return err
	}
	defer end(&err)
	t, ok := tableNamed(cf.Table)
	if !ok || !t.clocked {
		return fmt.Errorf("conflict on unknown table %q", cf.Table)
	}
	names, err := columns(c, "main", t.name)
	if err != nil {
		return err
	}
	found := false
	for _, n := range names {
		found = found || (n == cf.Column && !bookkeeping[n])
	}
	if !found {
		return fmt.Errorf("table %s has no column %q", t.name, cf.Column)
	}
	switch choice {
	case Keep:
	case Take, Edit:
		v := cf.Lost
		if choice == Edit {
			v = typed
		}
		set, args := quoteID(cf.Column)+` = ?`, []any{v}
		if d, ok := derived[t.name][cf.Column]; ok {
			set, args = set+`, `+quoteID(d.col)+` = ?`, append(args, d.of(v))
		}
		if err := exec(c, `UPDATE `+quoteID(t.name)+` SET `+set+` WHERE id = ?`, append(args, cf.RowID)...); err != nil {
			if isUnique(err) {
				return fmt.Errorf("another %s is named “%v” already: rename that one first, or type another name", strings.ToLower(kinds[t.name].kind), v)
			}
			return fmt.Errorf("%s %s: %w", t.name, cf.RowID, err)
		}
		if c.Changes() == 0 {
			return fmt.Errorf("%s %s is no longer there (deleted?)", t.name, cf.RowID)
		}
		if choice == Edit {
			if err := settleBoth(c, cf, typed); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("unknown choice %q: keep, take or edit", choice)
	}
	return exec(c, `UPDATE sync_conflicts SET resolved = ? WHERE tbl = ? AND row_id = ? AND col = ? AND lost_clock = ? AND lost_laptop = ?`,
		string(choice), cf.Table, cf.RowID, cf.Column, cf.LostClock, cf.LostLaptop)
}

// settleBoth makes a value typed over a conflict settle it on every
// laptop, as taking the lost value does: it gives the column two versions
// of the typed value, one made on top of the version that won and one on
// top of the lost one, so that neither is lost any more once they travel
// (a version is lost while none was made on top of it and it differs from
// the winner). The write of the next changeset finds the column at the
// winner's value and makes no version of its own.
func settleBoth(c *sqlite.Conn, cf Conflict, typed any) error {
	me, err := readLaptop(c, "main")
	if err != nil {
		return err
	}
	wClock, wLaptop, _, err := winner(c, "main", cf.Table, cf.RowID, cf.Column)
	if err != nil {
		return err
	}
	for _, base := range []struct {
		clock  int64
		laptop string
	}{{wClock, wLaptop}, {cf.LostClock, cf.LostLaptop}} {
		var clock int64
		if err := each(c, `UPDATE sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000) RETURNING clock`, func(s *sqlite.Stmt) error {
			clock = s.ColumnInt64(0)
			return nil
		}); err != nil {
			return err
		}
		if err := exec(c, `INSERT INTO sync_versions (network_id, tbl, row_id, col, clock, laptop, base_clock, base_laptop, value)
			VALUES (?,?,?,?,?,?,?,?,?)`, cf.Network, cf.Table, cf.RowID, cf.Column, clock, me.ID, base.clock, base.laptop, typed); err != nil {
			return err
		}
	}
	return nil
}

// quietList is the quiet columns as an SQL list.
func quietList() string {
	var names []string
	for c := range quiet {
		names = append(names, quoteLit(c))
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}
