package data

import (
	"encoding/json"
	"fmt"
	"slices"
)

// TrashRow is one row a trash entry holds, with its table's column names.
type TrashRow struct {
	Table   string
	Columns []string
	Values  []any
}

// ID is the row's id, or "" for a table without one (a link row).
func (r TrashRow) ID() string {
	if i := indexOf(r.Columns, "id"); i >= 0 {
		if s, ok := r.Values[i].(string); ok {
			return s
		}
	}
	return ""
}

// Value is the row's value of column col, or nil when it has none.
func (r TrashRow) Value(col string) any {
	if i := indexOf(r.Columns, col); i >= 0 {
		return r.Values[i]
	}
	return nil
}

// TrashRows lists the rows a trash entry's payload holds as deleted, table
// by table in the payload's order.
func TrashRows(payloadJSON string) ([]TrashRow, error) {
	var p payload
	if err := json.Unmarshal([]byte(payloadJSON), &p); err != nil {
		return nil, fmt.Errorf("trash payload: %w", err)
	}
	var out []TrashRow
	for _, t := range p.Deleted {
		for _, r := range t.Rows {
			out = append(out, TrashRow{t.Table, t.Columns, cellValues(r)})
		}
	}
	return out, nil
}

// RemoveTrashRows takes rows out of a trash entry (its payload and counts
// columns): a row is matched by its table and id, or by all its values in
// a table without ids. A table left without rows goes from the payload, so
// an entry that gained rows and lost them again reads as it was.
func RemoveTrashRows(payloadJSON, countsJSON string, rows []TrashRow) (string, string, error) {
	p, counts, err := readTrashEntry(payloadJSON, countsJSON)
	if err != nil {
		return "", "", err
	}
	gone := func(table string, cols []string, r []cell) bool {
		row := TrashRow{table, cols, cellValues(r)}
		return slices.ContainsFunc(rows, func(x TrashRow) bool { return x.Table == table && sameRow(x, row) })
	}
	kept := p.Deleted[:0]
	for _, t := range p.Deleted {
		left := t.Rows[:0]
		for _, r := range t.Rows {
			if gone(t.Table, t.Columns, r) {
				counts[t.Table]--
				continue
			}
			left = append(left, r)
		}
		t.Rows = left
		if counts[t.Table] <= 0 {
			delete(counts, t.Table)
		}
		if len(t.Rows) > 0 {
			kept = append(kept, t)
		}
	}
	p.Deleted = kept
	pj, err := json.Marshal(p)
	if err != nil {
		return "", "", err
	}
	cj, err := json.Marshal(counts)
	return string(pj), string(cj), err
}

// sameRow tells whether two rows of one table are the same row: by id, or
// by every value for a table without one.
func sameRow(a, b TrashRow) bool {
	if id := a.ID(); id != "" {
		return id == b.ID()
	}
	if len(a.Columns) != len(b.Columns) {
		return false
	}
	for i, c := range a.Columns {
		if !sameCell(a.Values[i], b.Value(c)) {
			return false
		}
	}
	return true
}

// readTrashEntry reads a trash entry's payload and counts columns.
func readTrashEntry(payloadJSON, countsJSON string) (payload, map[string]int, error) {
	var p payload
	if err := json.Unmarshal([]byte(payloadJSON), &p); err != nil {
		return p, nil, fmt.Errorf("trash payload: %w", err)
	}
	counts := map[string]int{}
	if err := json.Unmarshal([]byte(countsJSON), &counts); err != nil {
		return p, nil, fmt.Errorf("trash counts: %w", err)
	}
	return p, counts, nil
}
