package sync

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"zombiezen.com/go/sqlite"
)

// A record that must be unique by more than its id (a partner's name in its
// network, the one lead partner, a matrix cell of a partner and sub-theme)
// can be made on two laptops at once. Neither is dropped: the record made
// first (the smaller id — the store's ids are time-ordered UUIDs) keeps
// the name, the other gets a free one ("Genk (2)", the role of partner).
// The new value is a version of the sync's own — the clock of the value
// it replaces, that laptop's id with uniqueSuffix — which every laptop
// derives alike from the same two records, and the value it replaces is
// listed as a conflict, so the user sees what happened and can settle it.
// (Two sections at one place of a study need no rule: places may tie
// since migration 21, and every laptop orders them by (position, id).
// Nor does one learning grid made on two laptops: grids may have twins
// since migration 22, which the store reads as one grid.)
type uniqueRule struct {
	table string
	key   []string                      // the columns unique together
	when  func(row map[string]any) bool // nil: always; else the rows the (partial) index holds
	free  func(row map[string]any)      // gives the record that yields its next value; nil: refused
	// keeps tells which of two records keeps the key, a function of the
	// versions alone so that every laptop settles alike; nil: the one made
	// first (the smaller id).
	keeps func(m *merger, table, a, b string) (string, error)
	// merge: the two records are one thing made twice (a matrix cell):
	// the one made first takes the other's values where they are later,
	// and the other goes (mergeInto).
	merge bool
	what  string // for the message
}

// uniqueSuffix marks the laptop of a version the sync made to settle a
// collision.
const uniqueSuffix = "~unique"

var uniqueRules = []uniqueRule{
	{table: "partners", key: []string{"network_id", "name_key"}, what: "two partners with one name", free: nextName},
	// Two lead partners chosen on two laptops: the later choice stands (the
	// higher version of the role, as for any field), the other becomes a
	// partner, the lost role listed as a conflict. (Keeping the one made
	// first instead settled differently on different laptops in about one
	// three-laptop run in five.)
	{table: "partners", key: []string{"network_id"}, what: "two lead partners",
		when:  func(row map[string]any) bool { return row["role"] == "lead_partner" },
		free:  func(row map[string]any) { row["role"] = "partner" },
		keeps: laterVersionOf("role")},
	{table: "matrix_cells", key: []string{"partner_id", "sub_theme_id"}, what: "one matrix cell made on two laptops", merge: true},
}

// laterVersionOf keeps the record whose winning version of col is the
// higher (clock, laptop): the later choice.
func laterVersionOf(col string) func(m *merger, table, a, b string) (string, error) {
	return func(m *merger, table, a, b string) (string, error) {
		ca, la, _, err := winner(m.c, "main", table, a, col)
		if err != nil {
			return "", err
		}
		cb, lb, _, err := winner(m.c, "main", table, b, col)
		if err != nil {
			return "", err
		}
		if ca > cb || ca == cb && la > lb || ca == cb && la == lb && a < b {
			return a, nil
		}
		return b, nil
	}
}

var numbered = regexp.MustCompile(`^(.*) \((\d+)\)$`)

// nextName gives a partner the next name: "Genk" → "Genk (2)" → "Genk (3)".
// It depends only on the name it has, so that every laptop walks the same
// names (a name taken again is settled again, record against record).
func nextName(row map[string]any) {
	name, n := fmt.Sprint(row["name"]), 1
	if m := numbered.FindStringSubmatch(name); m != nil {
		name = m[1]
		n, _ = strconv.Atoi(m[2])
	}
	row["name"] = fmt.Sprintf("%s (%d)", name, n+1)
	row["name_key"] = data.NameKey(row["name"].(string))
}

func asInt(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	}
	return 0
}

// isUnique tells whether err is a broken UNIQUE constraint.
func isUnique(err error) bool { return sqlite.ErrCode(err) == sqlite.ResultConstraintUnique }

// writeRows gives every record of rows its winning versions (resolveRow),
// creating the ones held back (a change the session extension could not
// apply for a UNIQUE constraint: held, their values), in a fixed order.
// A write that breaks a UNIQUE constraint waits for the others (a place
// freed later in the same changeset); when none of the waiting ones can
// go in, the first collision is settled (see uniqueRule) and they go again.
func (m *merger) writeRows(rows map[rowKey]incoming, held, taken map[rowKey][]any) error {
	keys := make([]rowKey, 0, len(rows)+len(held))
	for k := range rows {
		keys = append(keys, k)
	}
	for k := range held {
		if _, ok := rows[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b rowKey) int { // parents first
		if d := tableOrder(a.table) - tableOrder(b.table); d != 0 {
			return d
		}
		return strings.Compare(a.id, b.id)
	})
	for settled := 0; len(keys) > 0; settled++ {
		var waiting []rowKey
		for _, k := range keys {
			err := m.writeRow(k, rows[k], held[k], taken[k])
			if isUnique(err) {
				waiting = append(waiting, k)
				continue
			}
			if err != nil {
				return err
			}
		}
		if len(waiting) == len(keys) {
			if settled > 1000 {
				return fmt.Errorf("%s %s: collisions not settled", waiting[0].table, waiting[0].id)
			}
			first := held[waiting[0]]
			if first == nil {
				first = taken[waiting[0]]
			}
			again, dropped, err := m.settleCollision(waiting[0], first)
			if err != nil {
				return err
			}
			if dropped.id != "" { // merged into again
				waiting = slices.DeleteFunc(waiting, func(k rowKey) bool { return k == dropped })
				delete(held, dropped)
				delete(taken, dropped)
				delete(rows, dropped)
			}
			if !slices.Contains(waiting, again) {
				waiting = append(waiting, again)
			}
		}
		keys = waiting
	}
	return nil
}

// writeRow creates a held-back record, or takes the later of two rows of
// one record (taken, see takeLaterRow), or updates one to its winners.
func (m *merger) writeRow(k rowKey, in incoming, row, taken []any) error {
	if taken != nil {
		if err := m.takeLaterRow(k, taken); err != nil {
			return err
		}
	}
	if row != nil { // (a record not there yet, or one written on a later pass)
		present := false
		if err := each(m.c, `SELECT 1 FROM `+quoteID(k.table)+` WHERE id = ?`, func(*sqlite.Stmt) error {
			present = true
			return nil
		}, k.id); err != nil {
			return err
		}
		if !present {
			vals, names, err := m.intended(k, row)
			if err != nil {
				return err
			}
			args := make([]any, len(names))
			for i, n := range names {
				args[i] = vals[n]
			}
			marks := strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ")
			if err := exec(m.c, `INSERT INTO `+quoteID(k.table)+` VALUES (`+marks+`)`, args...); err != nil {
				return err
			}
		}
	}
	return m.resolveRow(k, in)
}

// intended is a record's values as the merge will leave them: as it is
// here (or as held back), with its winning versions.
func (m *merger) intended(k rowKey, row []any) (map[string]any, []string, error) {
	names, err := m.cols.of(k.table)
	if err != nil {
		return nil, nil, err
	}
	vals := map[string]any{}
	if row == nil {
		if err := each(m.c, `SELECT * FROM `+quoteID(k.table)+` WHERE id = ?`, func(s *sqlite.Stmt) error {
			for i, n := range names {
				vals[n] = column(s, i)
			}
			return nil
		}, k.id); err != nil {
			return nil, nil, err
		}
	} else {
		for i, n := range names {
			vals[n] = row[i]
		}
	}
	w, err := winners(m.c, k)
	if err != nil {
		return nil, nil, err
	}
	for _, v := range w {
		if _, ok := vals[v.col]; ok {
			vals[v.col] = v.value
		}
	}
	return vals, names, nil
}

// holder is the record other than id that holds the rule's key of vals.
func (m *merger) holder(r uniqueRule, id string, vals map[string]any) (string, error) {
	if r.when != nil && !r.when(vals) {
		return "", nil
	}
	cond := make([]string, len(r.key))
	args := make([]any, 0, len(r.key)+1)
	for i, c := range r.key {
		cond[i] = quoteID(c) + " = ?"
		args = append(args, vals[c])
	}
	q := `SELECT id FROM ` + quoteID(r.table) + ` WHERE ` + strings.Join(cond, " AND ") + ` AND id <> ?`
	if r.when != nil {
		q += ` AND role = 'lead_partner'` // (the one partial rule)
	}
	var found string
	err := each(m.c, q+` ORDER BY id LIMIT 1`, func(s *sqlite.Stmt) error {
		found = s.ColumnText(0)
		return nil
	}, append(args, id)...)
	return found, err
}

// settleCollision settles the first collision of a record that cannot be
// written: the record of the two made later yields (uniqueRule), or is
// merged into the other (dropped). It returns the record to be written
// again.
func (m *merger) settleCollision(k rowKey, row []any) (again, dropped rowKey, err error) {
	return m.settle(k, row, map[rowKey]bool{})
}

// settle is settleCollision; seen are the records whose collision was
// passed on to the record holding their key (see movedOff below).
func (m *merger) settle(k rowKey, row []any, seen map[rowKey]bool) (again, dropped rowKey, err error) {
	vals, _, err := m.intended(k, row)
	if err != nil {
		return k, dropped, err
	}
	for _, r := range uniqueRules {
		if r.table != k.table {
			continue
		}
		other, err := m.holder(r, k.id, vals)
		if err != nil || other == "" {
			if err != nil {
				return k, dropped, err
			}
			continue
		}
		// A holder whose winning versions have moved it off the key
		// already (it yielded earlier in this merge and waits for the
		// value it was given, held by a third record) is not settled
		// against again, which would make it yield a second time ("Genk
		// (3)" where a laptop that met the records in another order gives
		// it "Genk (2)", and the two settle again on the next sync): its
		// own collision is settled. (Records that pass their collision on
		// in a ring are settled as they stand.)
		o := rowKey{k.table, other}
		if !seen[o] {
			moved, err := m.movedOff(r, o, vals)
			if err != nil {
				return k, dropped, err
			}
			if moved {
				seen[k] = true
				return m.settle(o, nil, seen)
			}
		}
		keeper := min(k.id, other)
		if r.keeps != nil {
			if keeper, err = r.keeps(m, k.table, k.id, other); err != nil {
				return k, dropped, err
			}
		}
		loser, lvals, kept, kvals := k, vals, rowKey{k.table, other}, map[string]any(nil)
		if keeper == k.id {
			loser, kept, kvals = kept, k, vals
			if lvals, _, err = m.intended(loser, nil); err != nil {
				return k, dropped, err
			}
		}
		if r.merge {
			if kvals == nil {
				if kvals, _, err = m.intended(kept, nil); err != nil {
					return k, dropped, err
				}
			}
			return kept, loser, m.mergeInto(r, kept, kvals, loser, lvals)
		}
		return loser, dropped, m.yield(r, loser, lvals)
	}
	if len(seen) > 0 { // a holder moved off the key to a free value: it goes in
		return k, dropped, nil
	}
	return k, dropped, fmt.Errorf("%s %s breaks a UNIQUE rule this version does not know", k.table, k.id)
}

// movedOff tells whether the record o, holding the rule's key of vals
// here, no longer holds it by its winning versions.
func (m *merger) movedOff(r uniqueRule, o rowKey, vals map[string]any) (bool, error) {
	ovals, _, err := m.intended(o, nil)
	if err != nil {
		return false, err
	}
	if r.when != nil && !r.when(ovals) {
		return true, nil
	}
	for _, c := range r.key {
		if !sameValue(ovals[c], vals[c]) {
			return true, nil
		}
	}
	return false, nil
}

// mergeInto merges the record loser into kept, two records of one thing:
// each column of kept takes the loser's value when the loser's version of
// it is the later (as versions of the sync's own, like yield's), and the
// loser ends deleted (an existence version of the sync's own, which wins
// over its making at the same clock). Every laptop derives the same
// versions from the same two records.
func (m *merger) mergeInto(r uniqueRule, kept rowKey, kvals map[string]any, loser rowKey, lvals map[string]any) error {
	names, err := m.cols.of(kept.table)
	if err != nil {
		return err
	}
	made := func(k rowKey, vals map[string]any) (int64, string, error) {
		clock, by, _, err := winner(m.c, "main", k.table, k.id, existence)
		if by == "" {
			clock, by = asInt(vals["updated_clock"]), fmt.Sprint(vals["updated_by"])
		}
		return clock, by, err
	}
	kc, kby, err := made(kept, kvals)
	if err != nil {
		return err
	}
	lc, lby, err := made(loser, lvals)
	if err != nil {
		return err
	}
	for i, col := range names {
		if i == 0 || bookkeeping[col] || slices.Contains(r.key, col) || sameValue(kvals[col], lvals[col]) {
			continue
		}
		vc, vby, _, err := winner(m.c, "main", loser.table, loser.id, col)
		if err != nil {
			return err
		}
		if vby == "" {
			vc, vby = lc, lby
		}
		// The kept record's value gets a version too when it has none (the
		// value it was made with), so that the later of the two wins.
		if _, by, _, err := winner(m.c, "main", kept.table, kept.id, col); err != nil || by == "" {
			if err == nil {
				err = m.addVersion(kept, col, kc, kby, kvals[col])
			}
			if err != nil {
				return err
			}
		}
		if err := m.addVersion(kept, col, vc, vby+uniqueSuffix, lvals[col]); err != nil {
			return err
		}
	}
	if err := m.addVersion(loser, existence, lc, lby+uniqueSuffix, int64(0)); err != nil {
		return err
	}
	return exec(m.c, `DELETE FROM `+quoteID(loser.table)+` WHERE id = ?`, loser.id)
}

// yield gives the record loser the next value of the rule's key, as
// versions of the sync's own (see uniqueRule); writeRows writes it.
func (m *merger) yield(r uniqueRule, loser rowKey, vals map[string]any) error {
	was := map[string]any{}
	for c, v := range vals {
		was[c] = v
	}
	r.free(vals)
	clock, by, _, err := winner(m.c, "main", loser.table, loser.id, existence)
	if err != nil {
		return err
	}
	if by == "" {
		clock, by = asInt(vals["updated_clock"]), fmt.Sprint(vals["updated_by"])
	}
	for c, v := range vals {
		if sameValue(v, was[c]) {
			continue
		}
		// The version the yielding value replaces: the column's winner, or
		// (a value the record was made with) one of its maker's at its making.
		vc, vby, _, err := winner(m.c, "main", loser.table, loser.id, c)
		if err != nil {
			return err
		}
		if vby == "" {
			vc, vby = clock, by
			if err := m.addVersion(loser, c, vc, vby, was[c]); err != nil {
				return err
			}
		}
		if err := m.addVersion(loser, c, vc, vby+uniqueSuffix, v); err != nil {
			return err
		}
		if err := m.recordConflictsOf(map[string]span{vby + uniqueSuffix: {vc, vc}}); err != nil {
			return err
		}
	}
	return nil
}

// settledThere adds to resolve the records another laptop's sync gave a
// value of its own (settling a collision there): those versions travel
// without a change of the record, since every laptop that meets the same
// two records settles alike, but a laptop that has only one of them yet
// would otherwise keep the old value in the record and, when the other
// arrives later, settle against a value no laptop keeps ("Genk (2)"
// yielding again to "Genk (3)"). Records not here get it in their trash
// entry. (settled: the records of those versions, sent.settled.)
func (m *merger) settledThere(settled []rowKey, resolve map[rowKey]incoming, toTrash map[rowKey]bool) error {
	for _, k := range settled {
		present := false
		if err := each(m.c, `SELECT 1 FROM `+quoteID(k.table)+` WHERE id = ?`, func(*sqlite.Stmt) error {
			present = true
			return nil
		}, k.id); err != nil {
			return err
		}
		if !present {
			toTrash[k] = true
		} else if _, ok := resolve[k]; !ok {
			resolve[k] = incoming{}
		}
	}
	return nil
}

// addVersion adds a version the sync made. It is noted (made) so that it
// stays out of the snapshot and travels in this laptop's next changeset:
// every laptop then holds the versions any laptop made.
func (m *merger) addVersion(k rowKey, col string, clock int64, laptop string, v any) error {
	err := exec(m.c, `INSERT OR IGNORE INTO sync_versions (network_id, tbl, row_id, col, clock, laptop, base_clock, base_laptop, value)
		VALUES (?, ?, ?, ?, ?, ?, 0, '', ?)`, m.network, k.table, k.id, col, clock, laptop, v)
	if err == nil && m.c.Changes() > 0 {
		m.made = append(m.made, versionKey{k.table, k.id, col, clock, laptop})
	}
	return err
}

// versionKey names one version.
type versionKey struct {
	Table, Row, Col string
	Clock           int64
	Laptop          string
}
