package sync

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"zombiezen.com/go/sqlite"
)

// A record made under a record another laptop deleted (a practice added to
// a partner deleted elsewhere) is not lost: it goes into the trash entry of
// the deleted record, with what hangs under it, so that restoring the
// entry brings both back. On the laptop that deleted it, the record comes
// as an orphan (settleOrphans); on the one that made it, the delete would
// cascade to it (keptFromDelete takes it first). Both end with the same
// entry.

// keptRow is a row that goes into a trash entry: parent is the id of the
// deleted record it hangs under.
type keptRow struct {
	table  string
	cols   []string
	vals   []any
	parent string
	root   rowKey // the record it was read under (itself, or the one it hangs under)
}

// cascades are the synced tables whose rows a delete of table takes with
// it, and through which column.
func (m *merger) cascades(table string) ([][2]string, error) {
	var out [][2]string
	for _, t := range tables {
		if t.name == versionsTable || t.name == "trash" {
			continue
		}
		err := each(m.c, `SELECT "from" FROM pragma_foreign_key_list(?) WHERE "table" = ? AND on_delete = 'CASCADE'`, func(s *sqlite.Stmt) error {
			out = append(out, [2]string{t.name, s.ColumnText(0)})
			return nil
		}, t.name, table)
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// capture reads the rows of table matching cond and, below each record,
// every row a delete of it would take, parents first.
func (m *merger) capture(table, cond string, arg any, parent string, root *rowKey, out *[]keptRow) error {
	cols, err := m.cols.of(table)
	if err != nil {
		return err
	}
	var found []keptRow
	if err := each(m.c, `SELECT * FROM `+quoteID(table)+` WHERE `+cond, func(s *sqlite.Stmt) error {
		vals := make([]any, len(cols))
		for i := range vals {
			vals[i] = column(s, i)
		}
		r := keptRow{table, cols, vals, parent, rowKey{}}
		if root != nil {
			r.root = *root
		} else {
			r.root = rowKey{table, fmt.Sprint(vals[0])}
		}
		found = append(found, r)
		return nil
	}, arg); err != nil {
		return err
	}
	*out = append(*out, found...)
	if len(cols) == 0 || cols[0] != "id" {
		return nil
	}
	children, err := m.cascades(table)
	if err != nil {
		return err
	}
	for _, r := range found {
		for _, ch := range children {
			if err := m.capture(ch[0], quoteID(ch[1])+` = ?`, r.vals[0], parent, &r.root, out); err != nil {
				return err
			}
		}
	}
	return nil
}

// keptFromDelete reads, before a changeset is applied, the records here
// that its deletes (sent.deleted) would take with them though the deleting
// laptop never had them: records under a deleted record that the changeset
// does not delete itself.
func (m *merger) keptFromDelete(deletes []rowKey, restored map[rowKey]bool) ([]keptRow, error) {
	deleted := map[rowKey]bool{}
	for _, k := range deletes {
		deleted[k] = true
	}
	var kept []keptRow
	for k := range deleted {
		if restored[k] || k.table == "trash" {
			continue
		}
		children, err := m.cascades(k.table)
		if err != nil {
			return nil, err
		}
		for _, ch := range children {
			if t, _ := tableNamed(ch[0]); !t.clocked {
				continue
			}
			var ids []string
			if err := each(m.c, `SELECT id FROM `+quoteID(ch[0])+` WHERE `+quoteID(ch[1])+` = ?`, func(s *sqlite.Stmt) error {
				ids = append(ids, s.ColumnText(0))
				return nil
			}, k.id); err != nil {
				return nil, err
			}
			for _, id := range ids {
				if !deleted[rowKey{ch[0], id}] {
					if err := m.capture(ch[0], `id = ?`, id, k.id, nil, &kept); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	return kept, nil
}

// keepInTrash adds rows to the trash entry holding the record each hangs
// under, in a fixed order; a row whose record is in no entry (deleted for
// good) is returned.
func (m *merger) keepInTrash(rows []keptRow) (left []keptRow, err error) {
	slices.SortStableFunc(rows, func(a, b keptRow) int { return compareKept(a.table, a.vals, b.table, b.vals) })
	for _, r := range rows {
		// The entry that holds the record (a row of it whose id it is), not
		// one that only refers to it: the trash entry of a practice names its
		// owner partner too, and a row put there went with that entry's
		// restore on one laptop and not on another.
		id, err := m.entryHolding(r.parent)
		if err != nil {
			return nil, err
		}
		var payload, counts string
		if err := each(m.c, `SELECT payload, counts FROM trash WHERE id = ?`, func(s *sqlite.Stmt) error {
			payload, counts = s.ColumnText(0), s.ColumnText(1)
			return nil
		}, id); err != nil {
			return nil, err
		}
		if id == "" {
			left = append(left, r)
			continue
		}
		p, c, err := data.AddTrashRowsPlaced(payload, counts, r.table, r.cols, [][]any{r.vals}, m.trashRank)
		if err != nil {
			return nil, fmt.Errorf("trash entry %s: %w", id, err)
		}
		if err := exec(m.c, `UPDATE trash SET payload = ?, counts = ? WHERE id = ?`, p, c, id); err != nil {
			return nil, err
		}
		m.trashChanged = true
		// The entry may hold the record already, as another laptop sent or
		// deleted it: the row it keeps then takes the winning versions.
		if i := slices.Index(r.cols, "id"); i >= 0 {
			if rid, ok := r.vals[i].(string); ok {
				if m.keptInTrash == nil {
					m.keptInTrash = map[rowKey]bool{}
				}
				m.keptInTrash[rowKey{r.table, rid}] = true
			}
		}
	}
	return left, nil
}

// keepGone puts into the trash the rows of kept whose record the changeset's
// deletes took.
func (m *merger) keepGone(kept []keptRow) error {
	var gone []keptRow
	there := map[rowKey]bool{}
	for _, r := range kept {
		present, ok := there[r.root]
		if !ok {
			if err := each(m.c, `SELECT 1 FROM `+quoteID(r.root.table)+` WHERE id = ?`, func(*sqlite.Stmt) error {
				present = true
				return nil
			}, r.root.id); err != nil {
				return err
			}
			there[r.root] = present
		}
		if !present {
			gone = append(gone, r)
		}
	}
	_, err := m.keepInTrash(gone)
	return err
}

// compareKept orders rows going into a trash entry: by table (parents
// first), then by their values, so that every laptop adds them alike.
func compareKept(tableA string, valsA []any, tableB string, valsB []any) int {
	if d := tableOrder(tableA) - tableOrder(tableB); d != 0 {
		return d
	}
	return strings.Compare(fmt.Sprint(valsA...), fmt.Sprint(valsB...))
}
