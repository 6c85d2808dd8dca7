package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// TrashKeep is how long a deleted record stays restorable.
const TrashKeep = 30 * 24 * time.Hour

// Kinds of trash entries (stable: `trash list --json` prints them).
const (
	TrashPartner      = "partner"
	TrashTheme        = "theme"
	TrashSubTheme     = "sub_theme"
	TrashGoodPractice = "good_practice"
	TrashMeeting      = "meeting"
	TrashMilestone    = "milestone"
	TrashLearningNeed = "learning_need"
	TrashSection      = "study_section"
	TrashSurvey       = "survey"
	TrashNetwork      = "network"
)

// TrashItem is one delete that can still be undone.
type TrashItem struct {
	ID        string
	NetworkID string
	Kind      string
	Label     string // "partner 'Genk'"
	DeletedAt time.Time
	// Counts says how many rows of each table the delete took, the record's
	// own included ("partners": 1, "good_practices": 3, …).
	Counts map[string]int
}

// Rows is how many rows the entry holds in all.
func (it TrashItem) Rows() int {
	n := 0
	for _, c := range it.Counts {
		n += c
	}
	return n
}

// Summary names what went with the record: "3 good practices, 12 matrix
// cells, 1 learning grid" (the record itself is not counted), or "".
func (it TrashItem) Summary() string {
	tables := make([]string, 0, len(it.Counts))
	for t := range it.Counts {
		tables = append(tables, t)
	}
	sort.Slice(tables, func(i, j int) bool {
		a, b := it.Counts[tables[i]], it.Counts[tables[j]]
		if a != b {
			return a > b
		}
		return tables[i] < tables[j]
	})
	root := trashKinds[it.Kind].table
	var parts []string
	for _, t := range tables {
		n := it.Counts[t]
		if t == root {
			n--
		}
		if n > 0 {
			parts = append(parts, countOf(n, t))
		}
	}
	return strings.Join(parts, ", ")
}

// nouns names the tables whose name does not read well in a summary.
var nouns = map[string]string{
	"good_practice_sub_themes": "practice link",
	"matrix_cell_practices":    "cell practice link", // in entries filed before cells and practices were one truth
	"meeting_hosts":            "meeting host",
	"meeting_themes":           "meeting theme",
	"survey_questions":         "question",
	"survey_respondents":       "respondent",
	"study_sections":           "study section",
	"plan_actions":             "action",
}

// countOf says "3 good practices" or "1 good practice" for a table's rows.
func countOf(n int, table string) string {
	noun, ok := nouns[table]
	if !ok {
		noun = strings.TrimSuffix(strings.ReplaceAll(table, "_", " "), "s")
	}
	if n != 1 {
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}

// trashKind says how to find a kind's record, its network and its name.
type trashKind struct {
	noun  string // in the label: "good practice"
	table string
	about string // SELECT network_id, name ... WHERE <the record> = ?
}

var trashKinds = map[string]trashKind{
	TrashPartner:      {"partner", "partners", `SELECT network_id, name FROM partners WHERE id = ?`},
	TrashTheme:        {"theme", "themes", `SELECT network_id, title FROM themes WHERE id = ?`},
	TrashSubTheme:     {"sub-theme", "sub_themes", `SELECT t.network_id, s.title FROM sub_themes s JOIN themes t ON t.id = s.theme_id WHERE s.id = ?`},
	TrashGoodPractice: {"good practice", "good_practices", `SELECT network_id, title FROM good_practices WHERE id = ?`},
	TrashMeeting:      {"meeting", "meetings", `SELECT network_id, title FROM meetings WHERE id = ?`},
	TrashMilestone:    {"milestone", "milestones", `SELECT network_id, title FROM milestones WHERE id = ?`},
	TrashLearningNeed: {"learning need", "learning_needs", `SELECT network_id, text FROM learning_needs WHERE id = ?`},
	TrashSection:      {"study section", "study_sections", `SELECT st.network_id, s.title FROM study_sections s JOIN studies st ON st.id = s.study_id WHERE s.id = ?`},
	TrashSurvey:       {"survey", "surveys", `SELECT network_id, title FROM surveys WHERE id = ? AND deleted_at IS NULL`},
	TrashNetwork:      {"network", "networks", `SELECT id, name FROM networks WHERE id = ? AND deleted_at IS NULL`}, // soft deleted: DeleteNetwork
}

func trashLabel(noun, name string) string {
	name = strings.Join(strings.Fields(name), " ")
	if r := []rune(name); len(r) > 60 {
		name = string(r[:59]) + "…"
	}
	return fmt.Sprintf("%s '%s'", noun, name)
}

// trashTime is the fixed-width UTC form of deleted_at: its text order is
// its time order, which RFC 3339 with trimmed fractions is not.
const trashTime = "2006-01-02T15:04:05.000000000Z"

// moveToTrash deletes the record of kind with this id, together with what
// the schema's foreign keys take with it, and files everything it took in
// the trash — all in tx. after, if not nil, runs after the delete to make
// further changes through the capture (which records what they change).
func moveToTrash(ctx context.Context, tx *sql.Tx, kind, id string, after func(c *capture) error) (string, error) {
	k := trashKinds[kind]
	var network, name string
	if err := tx.QueryRowContext(ctx, k.about, id).Scan(&network, &name); err != nil {
		return "", notFound(err)
	}
	sc, err := loadSchema(ctx, tx)
	if err != nil {
		return "", err
	}
	c := &capture{ctx: ctx, tx: tx, sc: sc, seen: map[string]map[string]bool{}}
	if err := c.take(k.table, []string{"id"}, []any{id}); err != nil {
		return "", err
	}
	if err := c.takeSetNulls(); err != nil {
		return "", err
	}
	if err := mustAffect(tx.ExecContext(ctx, `DELETE FROM `+quoteID(k.table)+` WHERE id = ?`, id)); err != nil {
		return "", err
	}
	if after != nil {
		if err := after(c); err != nil {
			return "", err
		}
	}
	// A practice gone: the cells it leaves go back to what was noted in
	// them; those changes are filed too, so the restore puts the very rows back.
	if err := c.deriveCells(network); err != nil {
		return "", err
	}
	counts := map[string]int{}
	for _, t := range c.p.Deleted {
		counts[t.Table] += len(t.Rows)
	}
	return fileTrash(ctx, tx, network, kind, trashLabel(k.noun, name), counts, c.p, "")
}

func fileTrash(ctx context.Context, tx *sql.Tx, network, kind, label string, counts map[string]int, p payload, surveyID string) (string, error) {
	cj, err := json.Marshal(counts)
	if err != nil {
		return "", err
	}
	// Each table's rows in one order (by id), as AddTrashRows keeps them:
	// an entry that gains rows from a sync and loses them again (sync
	// settles a record under two entries) reads as it was, on every laptop.
	for i := range p.Deleted {
		sortTrashRows(&p.Deleted[i])
	}
	pj, err := json.Marshal(p)
	if err != nil {
		return "", err
	}
	id := newID()
	_, err = tx.ExecContext(ctx, `INSERT INTO trash (id, network_id, kind, label, deleted_at, counts, payload, survey_id) VALUES (?,?,?,?,?,?,?,?)`,
		id, network, kind, label, time.Now().UTC().Format(trashTime), string(cj), string(pj), nullable(surveyID))
	return id, err
}

// payload is what a trash entry holds: the rows a delete removed, parents
// before children, and the rows it changed with their values before and
// after the change.
type payload struct {
	Deleted []tableRows  `json:"deleted,omitempty"`
	Changed []changedRow `json:"changed,omitempty"`
}

type tableRows struct {
	Table   string   `json:"table"`
	Columns []string `json:"columns"`
	Rows    [][]cell `json:"rows"`
}

// changedRow is one row the delete changed but kept: its key, and the
// changed columns' values before and after.
type changedRow struct {
	Table   string   `json:"table"`
	Key     []string `json:"key"`
	KeyVals []cell   `json:"keyValues"`
	Columns []string `json:"columns"`
	Before  []cell   `json:"before"`
	After   []cell   `json:"after"`
}

// schema is what the trash reads of the database's own description: each
// table's columns and primary key, and the foreign keys pointing at it.
type schema struct {
	columns map[string][]string
	pk      map[string][]string
	refs    map[string][]foreignKey // by parent table
}

type foreignKey struct {
	child, parent string
	from, to      []string // to: the parent's primary key when the schema leaves it out
	onDelete      string
}

// notTrashed are the tables a trashed delete never captures.
var notTrashed = map[string]bool{"trash": true, versionTable: true}

func loadSchema(ctx context.Context, tx *sql.Tx) (*schema, error) {
	sc := &schema{columns: map[string][]string{}, pk: map[string][]string{}, refs: map[string][]foreignKey{}}
	rows, err := tx.QueryContext(ctx, `SELECT m.name, c.name, c.pk FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, c.cid`)
	if err != nil {
		return nil, err
	}
	pkPos := map[string]map[int]string{}
	for rows.Next() {
		var table, col string
		var pk int
		if err := rows.Scan(&table, &col, &pk); err != nil {
			rows.Close()
			return nil, err
		}
		sc.columns[table] = append(sc.columns[table], col)
		if pk > 0 {
			if pkPos[table] == nil {
				pkPos[table] = map[int]string{}
			}
			pkPos[table][pk] = col
		}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	for table, pos := range pkPos {
		for i := 1; i <= len(pos); i++ {
			sc.pk[table] = append(sc.pk[table], pos[i])
		}
	}
	rows, err = tx.QueryContext(ctx, `SELECT m.name, f.id, f."table", f."from", f."to", f.on_delete
		FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, f.id, f.seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cur *foreignKey
	lastID := -1
	flush := func() {
		if cur != nil && !notTrashed[cur.child] {
			if len(cur.to) == 0 || cur.to[0] == "" {
				cur.to = sc.pk[cur.parent]
			}
			sc.refs[cur.parent] = append(sc.refs[cur.parent], *cur)
		}
	}
	for rows.Next() {
		var child, parent, from, onDelete string
		var to sql.NullString
		var id int
		if err := rows.Scan(&child, &id, &parent, &from, &to, &onDelete); err != nil {
			return nil, err
		}
		if cur == nil || cur.child != child || id != lastID {
			flush()
			cur = &foreignKey{child: child, parent: parent, onDelete: strings.ToUpper(onDelete)}
			lastID = id
		}
		cur.from = append(cur.from, from)
		cur.to = append(cur.to, to.String)
	}
	flush()
	return sc, rows.Err()
}

// capture collects, before a delete, every row it will remove and every
// row it will change.
type capture struct {
	ctx      context.Context
	tx       *sql.Tx
	sc       *schema
	seen     map[string]map[string]bool // table -> keys of rows taken
	p        payload
	setNulls []pendingSetNull
}

type pendingSetNull struct {
	fk   foreignKey
	vals []any
}

func quoteID(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// selectList reads columns as "+col": the unary plus keeps the stored value
// and its type but drops the declared type, so the driver hands back what
// SQLite holds (no conversion of date-like text to time.Time).
func selectList(cols []string) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = "+" + quoteID(c)
	}
	return strings.Join(parts, ", ")
}

func whereEqual(cols []string) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = quoteID(c) + " = ?"
	}
	return strings.Join(parts, " AND ")
}

// queryCells reads rows of cols as cells.
// order, if not "", is an ORDER BY clause.
func queryCells(ctx context.Context, tx *sql.Tx, table string, cols, where []string, args []any, order string) ([][]cell, error) {
	q := `SELECT ` + selectList(cols) + ` FROM ` + quoteID(table) + ` WHERE ` + whereEqual(where)
	if order != "" {
		q += ` ORDER BY ` + order
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]cell
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]cell, len(cols))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = append([]byte(nil), b...)
			}
			row[i] = cell{v}
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

func indexOf(cols []string, name string) int {
	for i, c := range cols {
		if c == name {
			return i
		}
	}
	return -1
}

func pick(row []cell, cols, names []string) []any {
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = row[indexOf(cols, n)].v
	}
	return out
}

func keyString(vals []any) string { return fmt.Sprintf("%#v", vals) }

// take captures the rows of table where cols equal vals, and recursively
// what ON DELETE CASCADE takes with them; it notes the SET NULLs to read.
func (c *capture) take(table string, where []string, vals []any) error {
	cols := c.sc.columns[table]
	pk := c.sc.pk[table]
	if len(pk) == 0 {
		return fmt.Errorf("trash: table %s has no primary key", table)
	}
	rows, err := queryCells(c.ctx, c.tx, table, cols, where, vals, "")
	if err != nil {
		return err
	}
	if c.seen[table] == nil {
		c.seen[table] = map[string]bool{}
	}
	var fresh [][]cell
	for _, r := range rows {
		k := keyString(pick(r, cols, pk))
		if !c.seen[table][k] {
			c.seen[table][k] = true
			fresh = append(fresh, r)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	c.addDeleted(table, cols, fresh)
	for _, r := range fresh {
		for _, fk := range c.sc.refs[table] {
			parentVals := pick(r, cols, fk.to)
			switch fk.onDelete {
			case "CASCADE":
				if err := c.take(fk.child, fk.from, parentVals); err != nil {
					return err
				}
			case "SET NULL":
				c.setNulls = append(c.setNulls, pendingSetNull{fk, parentVals})
			}
		}
	}
	return nil
}

func (c *capture) addDeleted(table string, cols []string, rows [][]cell) {
	for i := range c.p.Deleted {
		if c.p.Deleted[i].Table == table {
			c.p.Deleted[i].Rows = append(c.p.Deleted[i].Rows, rows...)
			return
		}
	}
	c.p.Deleted = append(c.p.Deleted, tableRows{Table: table, Columns: cols, Rows: rows})
}

// takeSetNulls records the rows that the SET NULLs will change and that
// are not deleted themselves.
func (c *capture) takeSetNulls() error {
	for _, sn := range c.setNulls {
		pk := c.sc.pk[sn.fk.child]
		cols := append(append([]string(nil), pk...), sn.fk.from...)
		rows, err := queryCells(c.ctx, c.tx, sn.fk.child, cols, sn.fk.from, sn.vals, "")
		if err != nil {
			return err
		}
		nulls := make([]cell, len(sn.fk.from))
		for _, r := range rows {
			keyVals := r[:len(pk)]
			if c.seen[sn.fk.child][keyString(cellValues(keyVals))] {
				continue
			}
			c.p.Changed = append(c.p.Changed, changedRow{Table: sn.fk.child, Key: pk, KeyVals: keyVals,
				Columns: sn.fk.from, Before: r[len(pk):], After: nulls})
		}
	}
	return nil
}

// change runs mutate, which may change cols of the rows of table where the
// where columns equal vals, and records the values before and after of the
// rows it changed, in the order given (an ORDER BY clause): the restore
// puts them back last first.
func (c *capture) change(table string, where []string, vals []any, cols []string, order string, mutate func() error) error {
	pk := c.sc.pk[table]
	all := append(append([]string(nil), pk...), cols...)
	before, err := queryCells(c.ctx, c.tx, table, all, where, vals, order)
	if err != nil {
		return err
	}
	if err := mutate(); err != nil {
		return err
	}
	for _, b := range before {
		after, err := queryCells(c.ctx, c.tx, table, cols, pk, cellValues(b[:len(pk)]), "")
		if err != nil {
			return err
		}
		if len(after) != 1 || keyString(cellValues(after[0])) == keyString(cellValues(b[len(pk):])) {
			continue // removed, or not changed: nothing to put back
		}
		c.p.Changed = append(c.p.Changed, changedRow{Table: table, Key: pk, KeyVals: b[:len(pk)], Columns: cols,
			Before: b[len(pk):], After: after[0]})
	}
	return nil
}

// deriveCells runs deriveCells for the network after a delete and files
// the matrix cells it removes and the states it changes.
func (c *capture) deriveCells(network string) error {
	inNetwork := `partner_id IN (SELECT id FROM partners WHERE network_id = ?)`
	rows, err := c.tx.QueryContext(c.ctx, `SELECT id FROM matrix_cells WHERE `+inNetwork+` AND noted = '' AND NOT `+cellHasPractice, network)
	if err != nil {
		return err
	}
	var gone []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		gone = append(gone, id)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, id := range gone {
		if err := c.take("matrix_cells", []string{"id"}, []any{id}); err != nil {
			return err
		}
	}
	cols := []string{"state", "updated_at"}
	partners, err := partnersOf(c.ctx, c.tx, network)
	if err != nil {
		return err
	}
	var before [][]cell
	for _, p := range partners {
		rows, err := queryCells(c.ctx, c.tx, "matrix_cells", append([]string{"id"}, cols...), []string{"partner_id"}, []any{p.ID}, "")
		if err != nil {
			return err
		}
		before = append(before, rows...)
	}
	if err := deriveCells(c.ctx, c.tx, network); err != nil {
		return err
	}
	for _, b := range before {
		after, err := queryCells(c.ctx, c.tx, "matrix_cells", cols, []string{"id"}, []any{b[0].v}, "")
		if err != nil {
			return err
		}
		if len(after) == 1 && keyString(cellValues(after[0])) != keyString(cellValues(b[1:])) {
			c.p.Changed = append(c.p.Changed, changedRow{Table: "matrix_cells", Key: []string{"id"}, KeyVals: b[:1], Columns: cols,
				Before: b[1:], After: after[0]})
		}
	}
	return nil
}

func cellValues(cs []cell) []any {
	out := make([]any, len(cs))
	for i, c := range cs {
		out[i] = c.v
	}
	return out
}

// Trash lists a network's trash, newest first.
func (s *Store) Trash(ctx context.Context, networkID string) ([]TrashItem, error) {
	return queryList(ctx, s.rd, scanTrash, `SELECT `+trashColumns+` FROM trash WHERE network_id = ? ORDER BY deleted_at DESC, id DESC`, networkID)
}

const trashColumns = `id, network_id, kind, label, deleted_at, counts`

func scanTrash(r interface{ Scan(...any) error }) (TrashItem, error) {
	var it TrashItem
	var at, counts string
	if err := r.Scan(&it.ID, &it.NetworkID, &it.Kind, &it.Label, &at, &counts); err != nil {
		return it, err
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return it, fmt.Errorf("trash entry %s: deleted_at %q: %w", it.ID, at, err)
	}
	it.DeletedAt = t
	return it, json.Unmarshal([]byte(counts), &it.Counts)
}

// RestoreTrash brings back everything the delete filed as trash entry id
// took, in one transaction, and removes the entry. When that cannot be done
// whole — what the record belonged to is gone, or a record with the same
// id or name exists again — it changes nothing and returns a
// *ConstraintError saying why.
func (s *Store) RestoreTrash(ctx context.Context, id string) (TrashItem, error) {
	var it TrashItem
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var p, surveyID sql.NullString
		var err error
		it, err = scanTrash(rowWithTail(tx.QueryRowContext(ctx, `SELECT `+trashColumns+`, payload, survey_id FROM trash WHERE id = ?`, id), &p, &surveyID))
		if err != nil {
			return notFound(err)
		}
		if it.Kind == TrashNetwork {
			err = restoreNetwork(ctx, tx, it)
		} else if surveyID.Valid {
			err = mustAffect(tx.ExecContext(ctx, `UPDATE surveys SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`, surveyID.String))
		} else {
			var pl payload
			if err := json.Unmarshal([]byte(p.String), &pl); err != nil {
				return fmt.Errorf("trash entry %s: %w", id, err)
			}
			err = restorePayload(ctx, tx, it, pl)
		}
		if err != nil {
			return err
		}
		// The cells follow what came back (a practice's sub-themes).
		if err := deriveCells(ctx, tx, it.NetworkID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM trash WHERE id = ?`, id)
		return err
	})
	return it, err
}

// rowWithTail scans a row's leading columns with the caller's scan and
// its trailing ones into tail.
func rowWithTail(r *sql.Row, tail ...any) interface{ Scan(...any) error } {
	return tailScanner{r, tail}
}

type tailScanner struct {
	r    *sql.Row
	tail []any
}

func (t tailScanner) Scan(dest ...any) error { return t.r.Scan(append(dest, t.tail...)...) }

func restorePayload(ctx context.Context, tx *sql.Tx, it TrashItem, p payload) error {
	// Parents and children go back in one go; the foreign keys are checked
	// below, before the commit, so that a missing parent gets a message.
	if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
		return err
	}
	// The tables written, checked below in the order they were put back
	// (the record's own first, then its dependents, parents first), so that
	// a refusal names what the record itself lacks — every time the same.
	var touched []string
	touch := func(table string) {
		if !slices.Contains(touched, table) {
			touched = append(touched, table)
		}
	}
	// A partner's delete may unlink thousands of survey respondents: one
	// prepared statement per shape of change.
	stmts := map[string]*sql.Stmt{}
	defer func() {
		for _, st := range stmts {
			st.Close()
		}
	}()
	// Changed rows get their former values back, latest change first, and
	// only where nothing has changed them since.
	for i := len(p.Changed) - 1; i >= 0; i-- {
		ch := p.Changed[i]
		set := make([]string, len(ch.Columns))
		var args []any
		for j, col := range ch.Columns {
			set[j] = quoteID(col) + " = ?"
			args = append(args, ch.Before[j].v)
		}
		args = append(args, cellValues(ch.KeyVals)...)
		cond := whereEqual(ch.Key)
		for j, col := range ch.Columns {
			cond += " AND " + quoteID(col) + " IS ?"
			args = append(args, ch.After[j].v)
		}
		q := `UPDATE ` + quoteID(ch.Table) + ` SET ` + strings.Join(set, ", ") + ` WHERE ` + cond
		st := stmts[q]
		if st == nil {
			var err error
			if st, err = tx.PrepareContext(ctx, q); err != nil {
				return err
			}
			stmts[q] = st
		}
		if _, err := st.ExecContext(ctx, args...); err != nil && !isUnique(err) { // a row put where this one was stays
			return err
		}
		touch(ch.Table)
	}
	if hook := restoreHooks[it.Kind]; hook != nil {
		if err := hook(ctx, tx, &p); err != nil {
			return err
		}
	}
	named := upgradeCellPayload(&p)
	for _, t := range p.Deleted {
		marks := strings.TrimSuffix(strings.Repeat("?,", len(t.Columns)), ",")
		cols := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			cols[i] = quoteID(c)
		}
		// A row that is back already (the same record in two entries: a
		// partner deleted on two laptops, one entry restored) stays as it
		// is, and the rest of this entry comes back beside it; a row whose
		// name is taken by another record is refused below.
		already := ` ON CONFLICT DO NOTHING`
		if slices.Contains(t.Columns, "id") {
			already = ` ON CONFLICT(id) DO NOTHING`
		}
		st, err := tx.PrepareContext(ctx, `INSERT INTO `+quoteID(t.Table)+` (`+strings.Join(cols, ", ")+`) VALUES (`+marks+`)`+already)
		if err != nil {
			return restoreRefused(it, err)
		}
		for _, r := range t.Rows {
			if _, err := st.ExecContext(ctx, cellValues(r)...); err != nil {
				st.Close()
				if isUnique(err) {
					return &ConstraintError{Msg: fmt.Sprintf("%s cannot be restored: a %s with the same id or name exists again (%v)", it.Label, nounOf(t.Table), err)}
				}
				return restoreRefused(it, err)
			}
		}
		st.Close()
		touch(t.Table)
	}
	for _, n := range named { // the practice serves the cell's sub-theme, if both came back
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO good_practice_sub_themes (good_practice_id, sub_theme_id)
			SELECT g.id, c.sub_theme_id FROM good_practices g, matrix_cells c WHERE g.id = ? AND c.id = ?`, n.practice, n.cell); err != nil {
			return err
		}
	}
	for _, table := range checkOrder(p, touched) {
		var child, parent string
		var rowid sql.NullInt64
		var fkid int
		err := tx.QueryRowContext(ctx, `SELECT "table", rowid, parent, fkid FROM pragma_foreign_key_check(?) LIMIT 1`, table).Scan(&child, &rowid, &parent, &fkid)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return err
		}
		return &ConstraintError{Msg: fmt.Sprintf("%s cannot be restored: the %s it belongs to no longer exists", it.Label, nounOf(parent))}
	}
	return nil
}

type cellNaming struct{ cell, practice any }

// upgradeCellPayload reads a trash entry filed while cells named their
// practices in a table of their own (matrix_cell_practices, gone since
// practices and cells are one truth): it takes those rows out and returns
// them, to become the practices' sub-themes, and gives the cells the
// noted state the upgrade would have given them.
func upgradeCellPayload(p *payload) []cellNaming {
	var named []cellNaming
	namesPractice := map[string]bool{}
	kept := p.Deleted[:0]
	for _, t := range p.Deleted {
		if t.Table != "matrix_cell_practices" {
			kept = append(kept, t)
			continue
		}
		ci, gi := indexOf(t.Columns, "cell_id"), indexOf(t.Columns, "good_practice_id")
		for _, r := range t.Rows {
			named = append(named, cellNaming{r[ci].v, r[gi].v})
			namesPractice[keyString([]any{r[ci].v})] = true
		}
	}
	p.Deleted = kept
	for i := range p.Deleted {
		t := &p.Deleted[i]
		if t.Table != "matrix_cells" || indexOf(t.Columns, "noted") >= 0 {
			continue
		}
		ii, si := indexOf(t.Columns, "id"), indexOf(t.Columns, "state")
		t.Columns = append(t.Columns, "noted")
		for j, r := range t.Rows {
			state, _ := r[si].v.(string)
			if namesPractice[keyString([]any{r[ii].v})] {
				state = stateOf(false, hasNeed(state))
			}
			t.Rows[j] = append(r, cell{state})
		}
	}
	return named
}

// checkOrder is touched with the tables of the payload's records first, in
// their order (the record's own table leads), then the rest.
func checkOrder(p payload, touched []string) []string {
	var order []string
	for _, t := range p.Deleted {
		if slices.Contains(touched, t.Table) && !slices.Contains(order, t.Table) {
			order = append(order, t.Table)
		}
	}
	for _, t := range touched {
		if !slices.Contains(order, t) {
			order = append(order, t)
		}
	}
	return order
}

func restoreRefused(it TrashItem, err error) error {
	return &ConstraintError{Msg: fmt.Sprintf("%s cannot be restored: %v", it.Label, err)}
}

func nounOf(table string) string {
	s := countOf(1, table)
	return s[strings.IndexByte(s, ' ')+1:]
}

func isUnique(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		c := se.Code()
		return c == sqlite3.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// restoreHooks make room for a record before it goes back, where the
// delete closed a gap (a study section's position).
var restoreHooks = map[string]func(ctx context.Context, tx *sql.Tx, p *payload) error{
	TrashSection: makeRoomForSection,
}

func makeRoomForSection(ctx context.Context, tx *sql.Tx, p *payload) error {
	for i := range p.Deleted {
		t := &p.Deleted[i]
		if t.Table != "study_sections" || len(t.Rows) != 1 {
			continue
		}
		row := t.Rows[0]
		study, _ := row[indexOf(t.Columns, "study_id")].v.(string)
		posCell := &row[indexOf(t.Columns, "position")]
		pos, _ := posCell.v.(int64)
		var count, taken int64
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(*) FILTER (WHERE position = ?) FROM study_sections WHERE study_id = ?`, pos, study).Scan(&count, &taken); err != nil {
			return err
		}
		if pos > count {
			posCell.v = count // sections were deleted since: it goes last
		} else if taken > 0 {
			return shiftSections(ctx, tx, study, int(pos), +1)
		}
	}
	return nil
}

// EmptyTrash deletes a network's trash for good; it returns how many
// entries went.
func (s *Store) EmptyTrash(ctx context.Context, networkID string) (int, error) {
	return s.purge(ctx, `network_id = ?`, networkID)
}

// PurgeTrash deletes for good the entries older than TrashKeep at now.
// It only reads when nothing is due.
func (s *Store) PurgeTrash(ctx context.Context, now time.Time) (int, error) {
	cutoff := now.Add(-TrashKeep).UTC().Format(trashTime)
	var due bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM trash WHERE deleted_at < ?)`, cutoff).Scan(&due); err != nil || !due {
		return 0, err
	}
	return s.purge(ctx, `deleted_at < ?`, cutoff)
}

func (s *Store) purge(ctx context.Context, where string, arg any) (int, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// A trashed network goes for good with its entry, and with it
		// everything it holds (its own trash entries too).
		res, err := tx.ExecContext(ctx, `DELETE FROM networks WHERE deleted_at IS NOT NULL AND id IN (SELECT network_id FROM trash WHERE kind = 'network' AND `+where+`)`, arg)
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil {
			return err
		}
		// A trashed survey goes for good with its entry (the entry follows by
		// its foreign key).
		res, err = tx.ExecContext(ctx, `DELETE FROM trash WHERE `+where+` AND survey_id IS NULL`, arg)
		if err != nil {
			return err
		}
		m, err := res.RowsAffected()
		if err != nil {
			return err
		}
		n += m
		res, err = tx.ExecContext(ctx, `DELETE FROM surveys WHERE deleted_at IS NOT NULL AND id IN (SELECT survey_id FROM trash WHERE `+where+`)`, arg)
		if err != nil {
			return err
		}
		m, err = res.RowsAffected()
		n += m
		return err
	})
	return int(n), err
}

// cell is one stored value, kept with its SQLite type through JSON:
// NULL as null, INTEGER as a number, TEXT as a string, REAL as {"r": "…"}
// (exact, and an integral 38.0 stays REAL), BLOB and text that is not
// UTF-8 as {"b": base64} and {"t": base64}.
type cell struct{ v any }

type taggedCell struct {
	R *string `json:"r,omitempty"`
	B []byte  `json:"b,omitempty"`
	T []byte  `json:"t,omitempty"`
}

func (c cell) MarshalJSON() ([]byte, error) {
	switch v := c.v.(type) {
	case nil:
		return []byte("null"), nil
	case int64:
		return json.Marshal(v)
	case float64:
		s := strconv.FormatFloat(v, 'g', -1, 64) // the shortest text that reads back the same
		return json.Marshal(taggedCell{R: &s})
	case string:
		if !utf8.ValidString(v) {
			return json.Marshal(taggedCell{T: []byte(v)})
		}
		return json.Marshal(v)
	case []byte:
		return json.Marshal(taggedCell{B: append([]byte{}, v...)})
	}
	return nil, fmt.Errorf("trash: cannot keep a value of type %T", c.v)
}

func (c *cell) UnmarshalJSON(b []byte) error {
	switch {
	case string(b) == "null":
		c.v = nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		c.v = s
	case b[0] == '{':
		var t taggedCell
		if err := json.Unmarshal(b, &t); err != nil {
			return err
		}
		switch {
		case t.R != nil:
			f, err := strconv.ParseFloat(*t.R, 64)
			if err != nil {
				return fmt.Errorf("trash: real %q: %w", *t.R, err)
			}
			c.v = f
		case t.T != nil:
			c.v = string(t.T)
		default:
			c.v = append([]byte{}, t.B...) // an empty blob stays a blob
		}
	default:
		var n int64
		if err := json.Unmarshal(b, &n); err != nil {
			return fmt.Errorf("trash: integer %s: %w", b, err)
		}
		c.v = n
	}
	return nil
}

// trashOne moves one record of kind to the trash in its own transaction.
func (s *Store) trashOne(ctx context.Context, kind, id string) (trashID string, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		trashID, err = moveToTrash(ctx, tx, kind, id, nil)
		return err
	})
	return trashID, err
}

// purgeOnOpen deletes the trash that is due when a Writer opens the file.
func (s *Store) purgeOnOpen(ctx context.Context, fail func(error) (*Store, error)) (*Store, error) {
	if _, err := s.PurgeTrash(ctx, time.Now()); err != nil {
		return fail(&OpenError{Path: s.path, Problem: "could not empty its trash of entries older than 30 days", Err: err})
	}
	return s, nil
}
