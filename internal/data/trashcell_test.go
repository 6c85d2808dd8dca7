package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

// Values read from SQLite keep their type and value through the trash's JSON.
func TestTrashCellsKeepTypeAndValue(t *testing.T) {
	ctx := context.Background()
	s := openWriter(t, tempDB(t))
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE typed (id TEXT PRIMARY KEY, v, d DATETIME)`); err != nil {
		t.Fatal(err)
	}
	values := []any{nil, int64(math.MaxInt64), int64(-1), 38.0, 0.1, math.Inf(-1), "Gdańsk, Iași, Budaörs", "", "\xff\xfe not UTF-8",
		[]byte{0, 1, 2, 255}, []byte{}}
	for i, v := range values {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO typed (id, v, d) VALUES (?, ?, '2026-11-30 10:00:00')`, string(rune('a'+i)), v); err != nil {
			t.Fatal(err)
		}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i, want := range values {
			rows, err := queryCells(ctx, tx, "typed", []string{"v", "d"}, []string{"id"}, []any{string(rune('a' + i))}, "")
			if err != nil {
				return err
			}
			b, err := json.Marshal(rows[0])
			if err != nil {
				return err
			}
			var back []cell
			if err := json.Unmarshal(b, &back); err != nil {
				return err
			}
			if got := back[0].v; !reflect.DeepEqual(got, want) {
				t.Errorf("%#v came back as %#v (JSON %s)", want, got, b)
			}
			if got := back[1].v; got != "2026-11-30 10:00:00" {
				t.Errorf("a DATETIME column came back as %#v", got)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
