package sync

import (
	"fmt"
	"slices"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"zombiezen.com/go/sqlite"
)

// A record that hangs under deleted records held by several trash entries
// — a partner deleted on two laptops, one of which had added a practice
// under it; a grid made under a meeting deleted on one laptop and a partner
// deleted on another — is in the trash once, with what hangs under it, in
// the entry with the lowest id of those that hold one of its parents.
// Laptops meet such records in different orders (as an orphan, from the
// delete that took it, by which delete came first), so the place is worked
// out again from the entries alone whenever the trash changes, and every
// laptop ends with the same entries.

// trashEntry is one trash entry of the network, read and maybe changed.
type trashEntry struct {
	id, payload, counts string
	was                 string // the payload as read
	rows                []data.TrashRow
}

// cascadeParent is a column through which a delete of parent takes a row.
type cascadeParent struct{ col, parent string }

// parentsOf are the records a row hangs under: those whose delete takes it.
func (m *merger) parentsOf(r data.TrashRow) ([]rowKey, error) {
	cps, ok := m.cascadeParents[r.Table]
	if !ok {
		if err := each(m.c, `SELECT "from", "table" FROM pragma_foreign_key_list(?) WHERE on_delete = 'CASCADE' ORDER BY id`, func(s *sqlite.Stmt) error {
			cps = append(cps, cascadeParent{s.ColumnText(0), s.ColumnText(1)})
			return nil
		}, r.Table); err != nil {
			return nil, err
		}
		if m.cascadeParents == nil {
			m.cascadeParents = map[string][]cascadeParent{}
		}
		m.cascadeParents[r.Table] = cps
	}
	var out []rowKey
	for _, cp := range cps {
		if id, ok := r.Value(cp.col).(string); ok && id != "" {
			out = append(out, rowKey{cp.parent, id})
		}
	}
	return out, nil
}

// settleSharedTrash puts every record that hangs under records of several
// trash entries into one of them (see above).
func (m *merger) settleSharedTrash() error {
	var entries []*trashEntry
	if err := each(m.c, `SELECT id, payload, counts FROM trash WHERE network_id = ? AND payload IS NOT NULL ORDER BY id`, func(s *sqlite.Stmt) error {
		entries = append(entries, &trashEntry{id: s.ColumnText(0), payload: s.ColumnText(1), counts: s.ColumnText(2), was: s.ColumnText(1)})
		return nil
	}, m.network); err != nil {
		return err
	}
	if len(entries) < 2 {
		return nil
	}
	for _, e := range entries {
		rows, err := data.TrashRows(e.payload)
		if err != nil {
			return fmt.Errorf("trash entry %s: %w", e.id, err)
		}
		e.rows = rows
	}
	// Each move goes to an entry of a lower id than the one it leaves, so
	// the moves end; the bound only guards against a fault.
	for range 10000 {
		moved, err := m.moveOneSharedRow(entries)
		if err != nil {
			return err
		}
		if !moved {
			break
		}
	}
	for _, e := range entries {
		if e.payload != e.was {
			if err := exec(m.c, `UPDATE trash SET payload = ?, counts = ? WHERE id = ?`, e.payload, e.counts, e.id); err != nil {
				return err
			}
		}
	}
	return nil
}

// moveOneSharedRow finds one record held under a parent in an entry that
// is not the lowest of the entries holding one of its parents, and moves
// it there with what hangs under it.
func (m *merger) moveOneSharedRow(entries []*trashEntry) (bool, error) {
	held := map[rowKey]int{} // the lowest entry that holds each record
	for i := len(entries) - 1; i >= 0; i-- {
		for _, r := range entries[i].rows {
			if id := r.ID(); id != "" {
				held[rowKey{r.Table, id}] = i
			}
		}
	}
	for i, e := range entries {
		inHere := map[rowKey]bool{}
		for _, r := range e.rows {
			if id := r.ID(); id != "" {
				inHere[rowKey{r.Table, id}] = true
			}
		}
		for _, r := range e.rows {
			if r.ID() == "" {
				continue // a link row goes with its record
			}
			parents, err := m.parentsOf(r)
			if err != nil {
				return false, err
			}
			under, best := false, len(entries)
			for _, p := range parents {
				under = under || inHere[p]
				if j, ok := held[p]; ok {
					best = min(best, j)
				}
			}
			if !under || best >= i {
				continue // a record deleted for itself, or in its place
			}
			sub, err := m.subtree(e, r)
			if err != nil {
				return false, err
			}
			if err := entries[best].add(sub); err != nil {
				return false, err
			}
			return true, e.remove(sub)
		}
	}
	return false, nil
}

// subtree is r and the rows of e that hang under it, through any depth.
func (m *merger) subtree(e *trashEntry, r data.TrashRow) ([]data.TrashRow, error) {
	in := map[rowKey]bool{{r.Table, r.ID()}: true}
	out := []data.TrashRow{r}
	taken := map[int]bool{}
	for grown := true; grown; {
		grown = false
		for i, q := range e.rows {
			if taken[i] || q.Table == r.Table && q.ID() == r.ID() {
				continue
			}
			parents, err := m.parentsOf(q)
			if err != nil {
				return nil, err
			}
			for _, p := range parents {
				if in[p] {
					taken[i], grown = true, true
					out = append(out, q)
					if id := q.ID(); id != "" {
						in[rowKey{q.Table, id}] = true
					}
					break
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b data.TrashRow) int { return compareKept(a.Table, a.Values, b.Table, b.Values) })
	return out, nil
}

func (e *trashEntry) add(rows []data.TrashRow) error {
	for _, r := range rows {
		p, c, err := data.AddTrashRows(e.payload, e.counts, r.Table, r.Columns, [][]any{r.Values})
		if err != nil {
			return fmt.Errorf("trash entry %s: %w", e.id, err)
		}
		e.payload, e.counts = p, c
	}
	return e.reread()
}

func (e *trashEntry) remove(rows []data.TrashRow) error {
	p, c, err := data.RemoveTrashRows(e.payload, e.counts, rows)
	if err != nil {
		return fmt.Errorf("trash entry %s: %w", e.id, err)
	}
	e.payload, e.counts = p, c
	return e.reread()
}

func (e *trashEntry) reread() error {
	rows, err := data.TrashRows(e.payload)
	e.rows = rows
	return err
}
