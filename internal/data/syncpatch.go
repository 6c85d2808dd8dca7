package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// PatchTrashRow sets columns of one row a trash entry holds (payload is
// the entry's payload column): a record edited on one laptop and deleted on
// another stays in the trash with the edit in it, so a restore brings the
// edit back. It returns the payload unchanged and false when the row is
// not in it or already holds these values; re-encoding an unchanged
// payload gives the same bytes, so every laptop keeps the same entry.
// The row's clock moves to the latest version of those values (clock, by),
// as a merge moves a record's (resolveRow): the entry of a record changed
// on one laptop before a delete came holds that laptop's clock, and the
// others' entries must hold the same.
func PatchTrashRow(payloadJSON, table, id string, values map[string]any, clock int64, by string) (string, bool, error) {
	var p payload
	if err := json.Unmarshal([]byte(payloadJSON), &p); err != nil {
		return "", false, fmt.Errorf("trash payload: %w", err)
	}
	changed := false
	for _, t := range p.Deleted {
		if t.Table != table {
			continue
		}
		ii := indexOf(t.Columns, "id")
		if ii < 0 {
			continue
		}
		for _, r := range t.Rows {
			if s, ok := r[ii].v.(string); !ok || s != id {
				continue
			}
			for col, v := range values {
				ci := indexOf(t.Columns, col)
				if ci < 0 || sameCell(r[ci].v, v) {
					continue
				}
				r[ci] = cell{v}
				changed = true
			}
			changed = moveClock(t.Columns, r, clock, by) || changed
		}
	}
	if !changed {
		return payloadJSON, false, nil
	}
	out, err := json.Marshal(p)
	return string(out), true, err
}

// moveClock gives a trash row the clock of a later version: updated_by
// follows a clock at least as late, updated_clock only grows.
func moveClock(cols []string, r []cell, clock int64, by string) (changed bool) {
	ci, bi := indexOf(cols, "updated_clock"), indexOf(cols, "updated_by")
	if ci < 0 || bi < 0 {
		return false
	}
	cur, _ := r[ci].v.(int64)
	if clock >= cur && by != "" && !sameCell(r[bi].v, by) {
		r[bi], changed = cell{by}, true
	}
	if clock > cur {
		r[ci], changed = cell{clock}, true
	}
	return changed
}

func sameCell(a, b any) bool {
	if ab, ok := a.([]byte); ok {
		bb, ok := b.([]byte)
		return ok && bytes.Equal(ab, bb)
	}
	return reflect.DeepEqual(a, b)
}

// AddTrashRows adds rows of table (with their column names) to a trash
// entry (its payload and counts columns): records another laptop made
// under a record deleted here go into the trash with it, so that nothing
// is lost and a restore brings them back together. A row the entry holds
// already is left as it is. Every laptop adding the same rows gets the
// same entry, whatever order and batches they come in: laptops learn of
// such records in different orders (one as an orphan, one from the
// delete that would take it), so a table that gains a row has its rows
// put in one order (by id), while an entry that gains none keeps the order
// of the delete that made it, the same on every laptop.
func AddTrashRows(payloadJSON, countsJSON, table string, columns []string, rows [][]any) (string, string, error) {
	return AddTrashRowsPlaced(payloadJSON, countsJSON, table, columns, rows, nil)
}

// AddTrashRowsPlaced is AddTrashRows, and a table new to the entry goes
// where a delete would have written it rather than last: before the first
// table of the entry (its own record's aside) that rank puts after it.
// rank is the order in which a delete of the entry's record meets the
// tables, from root, its table (see the sync's trashRank); nil appends.
func AddTrashRowsPlaced(payloadJSON, countsJSON, table string, columns []string, rows [][]any, rank func(root, table string) int) (string, string, error) {
	p, counts, err := readTrashEntry(payloadJSON, countsJSON)
	if err != nil {
		return "", "", err
	}
	g := -1
	for i, t := range p.Deleted {
		if t.Table == table {
			g = i
			break
		}
	}
	if g < 0 {
		g = len(p.Deleted)
		if rank != nil && len(p.Deleted) > 0 {
			root := p.Deleted[0].Table
			for i := 1; i < len(p.Deleted); i++ {
				if rank(root, p.Deleted[i].Table) > rank(root, table) {
					g = i
					break
				}
			}
		}
		p.Deleted = slices.Insert(p.Deleted, g, tableRows{Table: table, Columns: columns})
	}
	t := &p.Deleted[g]
	held, added := map[string]bool{}, false
	for _, r := range t.Rows {
		held[rowText(r)] = true
	}
	for _, row := range rows {
		r := make([]cell, len(t.Columns))
		for i, c := range t.Columns {
			if j := indexOf(columns, c); j >= 0 {
				r[i] = cell{row[j]}
			}
		}
		if ii := indexOf(t.Columns, "id"); ii >= 0 {
			if trashHolds(t.Rows, ii, r[ii].v) {
				continue
			}
		} else if held[rowText(r)] {
			continue
		}
		t.Rows = append(t.Rows, r)
		counts[table]++
		added = true
	}
	if added {
		sortTrashRows(t)
	}
	pj, err := json.Marshal(p)
	if err != nil {
		return "", "", err
	}
	cj, err := json.Marshal(counts)
	return string(pj), string(cj), err
}

// sortTrashRows puts the rows of a table of a trash entry in order of
// their id (of their whole text for a table without one: their values are
// never patched). A restore defers its foreign keys, so the order of rows
// within a table does not matter to it.
func sortTrashRows(t *tableRows) {
	ii := indexOf(t.Columns, "id")
	key := func(r []cell) string {
		if ii >= 0 {
			return fmt.Sprint(r[ii].v)
		}
		return rowText(r)
	}
	slices.SortStableFunc(t.Rows, func(a, b []cell) int { return strings.Compare(key(a), key(b)) })
}

func trashHolds(rows [][]cell, col int, v any) bool {
	for _, r := range rows {
		if sameCell(r[col].v, v) {
			return true
		}
	}
	return false
}

func rowText(r []cell) string { return fmt.Sprintf("%#v", r) }

// TrashRecords lists the records (table and id) a trash entry's payload
// holds: a merge gives each of them its winning values (see PatchTrashRow)
// when the entry came from a laptop that had not seen every version.
func TrashRecords(payloadJSON string) ([][2]string, error) {
	var p payload
	if err := json.Unmarshal([]byte(payloadJSON), &p); err != nil {
		return nil, fmt.Errorf("trash payload: %w", err)
	}
	var out [][2]string
	for _, t := range p.Deleted {
		ii := indexOf(t.Columns, "id")
		if ii < 0 {
			continue
		}
		for _, r := range t.Rows {
			if s, ok := r[ii].v.(string); ok {
				out = append(out, [2]string{t.Table, s})
			}
		}
	}
	return out, nil
}
