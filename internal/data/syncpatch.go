package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
)

// PatchTrashRow sets columns of one row a trash entry holds (payload is
// the entry's payload column): a record edited on one laptop and deleted on
// another stays in the trash with the edit in it, so a restore brings the
// edit back. It returns the payload unchanged and false when the row is
// not in it or already holds these values; re-encoding an unchanged
// payload gives the same bytes, so every laptop keeps the same entry.
func PatchTrashRow(payloadJSON, table, id string, values map[string]any) (string, bool, error) {
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
		}
	}
	if !changed {
		return payloadJSON, false, nil
	}
	out, err := json.Marshal(p)
	return string(out), true, err
}

func sameCell(a, b any) bool {
	if ab, ok := a.([]byte); ok {
		bb, ok := b.([]byte)
		return ok && bytes.Equal(ab, bb)
	}
	return reflect.DeepEqual(a, b)
}
