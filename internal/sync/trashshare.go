package sync

import (
	"fmt"
	"slices"
	"strings"

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
	entries, err := m.trashEntries()
	if err != nil || len(entries) < 2 {
		return err
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
			if err := m.addTo(entries[best], sub); err != nil {
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

func (m *merger) addTo(e *trashEntry, rows []data.TrashRow) error {
	for _, r := range rows {
		p, c, err := data.AddTrashRowsPlaced(e.payload, e.counts, r.Table, r.Columns, [][]any{r.Values}, m.trashRank)
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

// droppedForGood takes a record out of every trash entry, with what hangs
// under it there, when its latest existence version is a delete of a
// laptop that holds it in no entry of its own: a delete that was not into
// the trash (a grid row dropped from its grid) made after the record went
// into the trash elsewhere (kept there with a parent another laptop had
// deleted). Where the latest delete is into the trash, that laptop's entry
// holds the record, or a record it hangs under when settleSharedTrash moved
// it to an entry of a lower id (underOwnEntry), so the rule reads the
// versions and entries alone, not the order files came in.
func (m *merger) droppedForGood(k rowKey) (bool, error) {
	_, by, alive, err := winner(m.c, "main", k.table, k.id, existence)
	if err != nil || alive != int64(0) || by == "" || strings.HasSuffix(by, uniqueSuffix) {
		return false, err
	}
	var entries []*trashEntry
	own := false
	if err := each(m.c, `SELECT id, payload, counts, updated_by FROM trash WHERE network_id = ? AND instr(payload, ?) > 0 ORDER BY id`, func(s *sqlite.Stmt) error {
		entries = append(entries, &trashEntry{id: s.ColumnText(0), payload: s.ColumnText(1), counts: s.ColumnText(2), was: s.ColumnText(1)})
		own = own || s.ColumnText(3) == by
		return nil
	}, m.network, k.id); err != nil || own {
		return false, err
	}
	if own, err := m.underOwnEntry(k, by); err != nil || own {
		return false, err
	}
	gone := false
	for _, e := range entries {
		if err := e.reread(); err != nil {
			return false, fmt.Errorf("trash entry %s: %w", e.id, err)
		}
		i := slices.IndexFunc(e.rows, func(r data.TrashRow) bool { return r.Table == k.table && r.ID() == k.id })
		if i < 0 {
			continue // (its id is only named there, by a row under another record)
		}
		sub, err := m.subtree(e, e.rows[i])
		if err != nil {
			return false, err
		}
		if len(sub) == len(e.rows) {
			continue // (the entry's own record: the entry stands as it is)
		}
		if err := e.remove(sub); err != nil {
			return false, err
		}
		if err := exec(m.c, `UPDATE trash SET payload = ?, counts = ? WHERE id = ?`, e.payload, e.counts, e.id); err != nil {
			return false, err
		}
		gone, m.trashChanged = true, true
	}
	return gone, nil
}

// underOwnEntry tells whether an entry of laptop by holds a record that k
// hangs under, through any depth: by's delete of k was then into the trash,
// with that record's, and settleSharedTrash moved k (with what hangs under
// it) into another laptop's entry of a lower id, the one that holds k now.
// The entry it left still holds the parent it hangs under there.
func (m *merger) underOwnEntry(k rowKey, by string) (bool, error) {
	held := map[rowKey][]data.TrashRow{} // the rows of each record in the entries
	ownHeld := map[rowKey]bool{}         // the records by's entries hold
	if err := each(m.c, `SELECT id, payload, updated_by FROM trash WHERE network_id = ? AND payload IS NOT NULL`, func(s *sqlite.Stmt) error {
		rows, err := data.TrashRows(s.ColumnText(1))
		if err != nil {
			return fmt.Errorf("trash entry %s: %w", s.ColumnText(0), err)
		}
		for _, r := range rows {
			if id := r.ID(); id != "" {
				rk := rowKey{r.Table, id}
				held[rk] = append(held[rk], r)
				ownHeld[rk] = ownHeld[rk] || s.ColumnText(2) == by
			}
		}
		return nil
	}, m.network); err != nil {
		return false, err
	}
	seen := map[rowKey]bool{k: true}
	for next := []rowKey{k}; len(next) > 0; {
		q := next[0]
		next = next[1:]
		for _, r := range held[q] {
			parents, err := m.parentsOf(r)
			if err != nil {
				return false, err
			}
			for _, p := range parents {
				if seen[p] {
					continue
				}
				if ownHeld[p] {
					return true, nil
				}
				seen[p] = true
				next = append(next, p)
			}
		}
	}
	return false, nil
}

// A trash entry restored on another laptop comes as a delete of the entry
// with inserts of what that laptop's copy held; this laptop's copy may hold
// more (records made under the deleted record that only this laptop had,
// kept in the entry here). Those rows are not lost with the entry: a row
// under a record still held by another entry goes into that entry, and a
// row whose every parent is live again comes back too, as the restore
// would have brought it had the restoring laptop had it.

// entriesDeletedBy reads, before a changeset is applied, the rows of the
// trash entries here that it deletes (ids: sent.trashGone).
func (m *merger) entriesDeletedBy(ids []string) ([][]data.TrashRow, error) {
	var out [][]data.TrashRow
	for _, id := range ids {
		var payload string
		if err := each(m.c, `SELECT payload FROM trash WHERE id = ? AND network_id = ?`, func(s *sqlite.Stmt) error {
			payload = s.ColumnText(0)
			return nil
		}, id, m.network); err != nil {
			return nil, err
		}
		if payload == "" {
			continue
		}
		rows, err := data.TrashRows(payload)
		if err != nil {
			return nil, fmt.Errorf("trash entry %s: %w", id, err)
		}
		if len(rows) > 0 {
			out = append(out, rows)
		}
	}
	return out, nil
}

// keepWhatRestoredEntriesHeld settles, after a changeset is applied, the
// rows of the entries it deleted (entriesDeletedBy) that it did not bring
// back. An entry whose own record is not back was deleted for good, and
// what it held with it.
func (m *merger) keepWhatRestoredEntriesHeld(held [][]data.TrashRow) error {
	for _, rows := range held {
		if live, err := m.isLive(rowKey{rows[0].Table, rows[0].ID()}); err != nil || !live {
			return err
		}
		rows = slices.Clone(rows)
		slices.SortStableFunc(rows, func(a, b data.TrashRow) int { return compareKept(a.Table, a.Values, b.Table, b.Values) })
		for _, r := range rows {
			if err := m.settleHeldRow(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// settleHeldRow brings back one row of a restored entry, or keeps it in the
// entry of a parent still deleted; a row that is live or in the trash
// already stays as it is.
func (m *merger) settleHeldRow(r data.TrashRow) error {
	id := r.ID()
	if id != "" {
		if live, err := m.isLive(rowKey{r.Table, id}); err != nil || live {
			return err
		}
		if in, err := m.entryHolding(id); err != nil || in != "" {
			return err
		}
	}
	parents, err := m.parentsOf(r)
	if err != nil {
		return err
	}
	deletedParent := ""
	for _, p := range parents {
		live, err := m.isLive(p)
		if err != nil {
			return err
		}
		if live {
			continue
		}
		in, err := m.entryHolding(p.id)
		if err != nil {
			return err
		}
		if in == "" {
			return nil // a parent deleted for good: the row went with it
		}
		if deletedParent == "" {
			deletedParent = p.id
		}
	}
	if deletedParent != "" {
		if id == "" {
			return nil // a link row under a deleted record: its entry holds it, or it went with it
		}
		_, err := m.keepInTrash([]keptRow{{table: r.Table, cols: r.Columns, vals: r.Values, parent: deletedParent}})
		return err
	}
	if id != "" {
		if _, _, alive, err := winner(m.c, "main", r.Table, id, existence); err != nil || alive == int64(0) {
			return err // (deleted for good since: the delete stands)
		}
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(r.Columns)), ", ")
	cols := make([]string, len(r.Columns))
	for i, c := range r.Columns {
		cols[i] = quoteID(c)
	}
	return exec(m.c, `INSERT OR IGNORE INTO `+quoteID(r.Table)+` (`+strings.Join(cols, ", ")+`) VALUES (`+marks+`)`, r.Values...)
}

// isLive tells whether a record is in its table here.
func (m *merger) isLive(k rowKey) (bool, error) {
	live := false
	err := each(m.c, `SELECT 1 FROM `+quoteID(k.table)+` WHERE id = ?`, func(*sqlite.Stmt) error {
		live = true
		return nil
	}, k.id)
	return live, err
}

// entryHolding is the trash entry holding a record (a row of it whose id it
// is), "" when none does.
func (m *merger) entryHolding(id string) (string, error) {
	entry := ""
	err := each(m.c, `SELECT t.id FROM trash t WHERE t.network_id = ?1 AND instr(t.payload, ?2) > 0
		AND EXISTS (SELECT 1 FROM json_each(t.payload, '$.deleted') d, json_each(d.value, '$.rows') r
			WHERE json_extract(d.value, '$.columns[0]') = 'id' AND json_extract(r.value, '$[0]') = ?2)
		ORDER BY t.id LIMIT 1`, func(s *sqlite.Stmt) error {
		entry = s.ColumnText(0)
		return nil
	}, m.network, id)
	return entry, err
}

// trashRank is the place of table among the tables a delete of a record of
// root meets (the store's trash capture: the record's table, then each
// table its delete cascades to, by the child table's name, each followed
// by what it cascades to, depth first), so that a table a sync adds to an
// entry goes where the delete of a laptop that held its rows wrote it: two
// laptops holding the same rows in an entry hold them in one order of
// tables (seed 1796422617753786131: a meeting's entry held the grid before
// the meeting's themes on one laptop and after them on the others). A
// table the delete never meets comes last. A failure to read the schema
// reaches the merge as its error.
func (m *merger) trashRank(root, table string) int {
	if r, ok := m.ranks[root]; ok {
		if i, ok := r[table]; ok {
			return i
		}
		return len(r)
	}
	if m.ranks == nil {
		m.ranks = map[string]map[string]int{}
	}
	r := map[string]int{}
	var visit func(t string)
	visit = func(t string) {
		if _, ok := r[t]; ok {
			return
		}
		r[t] = len(r)
		var children []string
		if err := each(m.c, `SELECT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
			WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT IN ('trash', 'sync_versions')
			AND f."table" = ? AND f.on_delete = 'CASCADE' ORDER BY m.name, f.id`, func(s *sqlite.Stmt) error {
			children = append(children, s.ColumnText(0))
			return nil
		}, t); err != nil {
			m.fail(err)
		}
		for _, c := range children {
			visit(c)
		}
	}
	visit(root)
	m.ranks[root] = r
	return m.trashRank(root, table)
}

// A record an entry holds without a delete of its own by the entry's
// laptop was put there by the sync: made on another laptop under a record
// the entry's delete took (kept there as an orphan), or moved there from
// another entry that held it (settleSharedTrash). When that record is live
// again (another entry that held it was restored), it leaves the entry,
// with what hangs under it there that is live too: a laptop that met the
// restore before the entry never put it in, and one that met the entry
// first takes it out, so every laptop holds the same entry whatever the
// order the files came in. A record the entry's delete took (its laptop's
// version of the delete) stays, live or not, as before.
func (m *merger) dropBackFromEntries() error {
	entries, err := m.trashEntries()
	if err != nil {
		return err
	}
	for _, e := range entries {
		by, err := m.entryLaptop(e.id)
		if err != nil {
			return err
		}
		if by == "" {
			continue // (made here, not sent yet: its delete's versions are not written)
		}
		out := map[rowKey]bool{}
		var gone []data.TrashRow
		for i, r := range e.rows {
			id := r.ID()
			if id == "" || i == 0 {
				continue // (link rows go with their records; the entry's own record stays)
			}
			k := rowKey{r.Table, id}
			if live, err := m.isLive(k); err != nil {
				return err
			} else if !live {
				continue
			}
			took := false
			if err := each(m.c, `SELECT 1 FROM sync_versions WHERE tbl = ? AND row_id = ? AND col = '' AND laptop = ? AND value = 0 LIMIT 1`, func(*sqlite.Stmt) error {
				took = true
				return nil
			}, k.table, k.id, by); err != nil {
				return err
			}
			if !took {
				out[k] = true
			}
		}
		if len(out) == 0 {
			continue
		}
		for _, r := range e.rows {
			if id := r.ID(); id != "" {
				if out[rowKey{r.Table, id}] {
					gone = append(gone, r)
				}
				continue
			}
			parents, err := m.parentsOf(r)
			if err != nil {
				return err
			}
			for _, p := range parents {
				if out[p] {
					gone = append(gone, r)
					break
				}
			}
		}
		if err := e.remove(gone); err != nil {
			return err
		}
		if err := exec(m.c, `UPDATE trash SET payload = ?, counts = ? WHERE id = ?`, e.payload, e.counts, e.id); err != nil {
			return err
		}
	}
	return nil
}

// entryLaptop is the laptop that made a trash entry (its delete): the
// laptop of the entry's first existence version, "" when none is known.
func (m *merger) entryLaptop(id string) (string, error) {
	by := ""
	err := each(m.c, `SELECT laptop FROM sync_versions WHERE tbl = 'trash' AND row_id = ? AND col = '' AND value = 1 ORDER BY clock, laptop LIMIT 1`, func(s *sqlite.Stmt) error {
		by = s.ColumnText(0)
		return nil
	}, id)
	return by, err
}

// trashEntries are the network's trash entries that hold records, by id,
// with their rows read.
func (m *merger) trashEntries() ([]*trashEntry, error) {
	var entries []*trashEntry
	if err := each(m.c, `SELECT id, payload, counts FROM trash WHERE network_id = ? AND payload IS NOT NULL ORDER BY id`, func(s *sqlite.Stmt) error {
		entries = append(entries, &trashEntry{id: s.ColumnText(0), payload: s.ColumnText(1), counts: s.ColumnText(2), was: s.ColumnText(1)})
		return nil
	}, m.network); err != nil {
		return nil, err
	}
	for _, e := range entries {
		rows, err := data.TrashRows(e.payload)
		if err != nil {
			return nil, fmt.Errorf("trash entry %s: %w", e.id, err)
		}
		e.rows = rows
	}
	return entries, nil
}
