package sync

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"zombiezen.com/go/sqlite"
)

// laptop is this database's identity as a sync partner.
type laptop struct {
	ID, Name string
}

// hostname is the computer's name (a variable for the tests).
var hostname = os.Hostname

// ComputerName is the computer's own name ("annas-thinkpad"), "" when the
// system does not say: what a laptop is called until its user names it.
func ComputerName() string {
	h, err := hostname()
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(h, ".local")
}

// sharedName is the name the other laptops read in this laptop's files:
// the one its user gave it, else the computer's name — a laptop never
// named (a command-line sync without --laptop-name) would otherwise reach
// the others' messages as the start of its id.
func (l laptop) sharedName() string {
	if l.Name != "" {
		return l.Name
	}
	return ComputerName()
}

func readLaptop(c *sqlite.Conn, schema string) (laptop, error) {
	var l laptop
	err := each(c, `SELECT id, name FROM `+schema+`.sync_laptop`, func(s *sqlite.Stmt) error {
		l = laptop{s.ColumnText(0), s.ColumnText(1)}
		return nil
	})
	if err == nil && l.ID == "" {
		err = fmt.Errorf("the database has no laptop id: is its schema current?")
	}
	return l, err
}

// writeOwn writes this laptop's changes to the network since the last sync
// as the next changeset in the folder and makes the snapshot the network's
// rows of now (the one copy of them a sync takes). It returns the file
// written, "" when nothing changed. What a sync stopped on the way left is
// finished first (intent.go).
func writeOwn(dbPath, folder, network string, schema int64) (written string, cs []byte, err error) {
	if err := recoverStopped(dbPath, network); err != nil {
		return "", nil, err
	}
	scratch := basePath(dbPath, network) + ".next"
	c, err := openScratch(dbPath, scratch, network)
	if err != nil {
		return "", nil, err
	}
	written, cs, err = writeFromScratch(c, dbPath, folder, network, schema)
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(scratch)
		return "", nil, err
	}
	if err := stop("seq committed"); err != nil {
		return "", nil, err
	}
	if err := os.Rename(scratch, basePath(dbPath, network)); err != nil {
		return "", nil, err
	}
	return written, cs, forget(writingPath(dbPath, network))
}

func writeFromScratch(c *sqlite.Conn, dbPath, folder, network string, schema int64) (path string, cs []byte, err error) {
	me, end, err := begin(c, "live")
	if err != nil {
		return "", nil, err
	}
	defer end(&err)
	data, err := diff(c, "main", "base", false)
	if err != nil {
		return "", nil, err
	}
	if err := fileVersions(c, data, me.ID, network, versionPlaces{rows: "main", into: []string{"main", "live"}}); err != nil {
		return "", nil, err
	}
	// (With the versions: a merge may have made some, to send.)
	if cs, err = diff(c, "main", "base", true); err != nil || len(cs) == 0 {
		return "", nil, err
	}
	var seq int64
	if err := exec(c, `INSERT INTO live.sync_networks (network_id) VALUES (?) ON CONFLICT DO NOTHING`, network); err != nil {
		return "", nil, err
	}
	if err := each(c, `UPDATE live.sync_networks SET last_seq = last_seq + 1 WHERE network_id = ? RETURNING last_seq`, func(s *sqlite.Stmt) error {
		seq = s.ColumnInt64(0)
		return nil
	}, network); err != nil {
		return "", nil, err
	}
	path = changesetPath(folder, network, me.ID, seq)
	if _, err := os.Stat(path); err == nil {
		return "", nil, fmt.Errorf("%s: %w", path, errWentBack)
	}
	if err := note(writingPath(dbPath, network), writing{Seq: seq, Path: path, SHA256: sum(cs)}); err != nil {
		return "", nil, err
	}
	seen := map[string]int64{}
	if err := each(c, `SELECT laptop_id, max(seq) FROM live.sync_applied WHERE network_id = ? GROUP BY laptop_id`, func(s *sqlite.Stmt) error {
		seen[s.ColumnText(0)] = s.ColumnInt64(1)
		return nil
	}, network); err != nil {
		return "", nil, err
	}
	h := header{Schema: schema, Network: network, Laptop: me.ID, LaptopName: me.sharedName(), Seq: seq, Written: time.Now().UTC().Format(time.RFC3339), Seen: seen}
	if err := writeChangeset(path, h, cs); err != nil {
		return "", nil, fmt.Errorf("write %s: %w", path, err)
	}
	if err := stop("changeset written"); err != nil {
		return "", nil, err
	}
	return path, cs, nil
}

// diff is the changeset that turns the synced tables of schema from (the
// snapshot, "base") into those of schema to (the network's rows of now):
// of the data tables, or of every synced table with the versions.
func diff(c *sqlite.Conn, to, from string, withVersions bool) ([]byte, error) {
	s, err := c.CreateSession(to)
	if err != nil {
		return nil, err
	}
	defer s.Delete()
	for _, t := range tables {
		if t.name == versionsTable && !withVersions {
			continue
		}
		if err := s.Diff(from, t.name); err != nil {
			return nil, fmt.Errorf("diff %s: %w", t.name, err)
		}
	}
	var b bytes.Buffer
	if err := s.WriteChangeset(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// fileVersions records a version of every column this laptop changed in a
// record that already existed (the UPDATEs of the changeset), in main (so
// that it travels) and in live (so that this laptop merges with it). Its
// clock is the record's clock, its base the column's version before. A
// record created or deleted gets a version of its existence (column "",
// value 1 or 0), so that a delete and a restore of one record on two
// laptops end the same way everywhere (the later one stands).
// A change that only brings a column (or a record's existence) to the
// value its winning version already has is no edit of this laptop's — a
// hand-over merged here since the snapshot brought it — and gets none.
func fileVersions(c *sqlite.Conn, cs []byte, me, network string, at versionPlaces) error {
	keep := at.into[len(at.into)-1] // the schema of the versions this laptop merges with, and of its clock
	type version struct {
		table, row, col string
		value           any
		clock           int64 // 0: the record's clock
	}
	var found []version
	var untouchedRows []untouched
	cols := columnCache{c: c, schema: "main"}
	var deletedAt int64
	deleteClock := func() error {
		if deletedAt != 0 {
			return nil
		}
		return each(c, `UPDATE `+keep+`.sync_laptop SET clock = max(clock + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) * 1000) RETURNING clock`, func(s *sqlite.Stmt) error {
			deletedAt = s.ColumnInt64(0)
			return nil
		})
	}
	var leftEntries [][2]string // the records held by the trash entries the changeset deletes
	err := eachChange(cs, func(op *sqlite.ChangesetOperation, it *sqlite.ChangesetIterator) error {
		t, _ := tableNamed(op.TableName)
		if !t.clocked {
			return nil
		}
		switch op.Type {
		case sqlite.OpInsert:
			id, err := it.New(0)
			found = append(found, version{t.name, id.Text(), existence, int64(1), 0})
			return err
		case sqlite.OpDelete:
			if err := deleteClock(); err != nil {
				return err
			}
			id, err := it.Old(0)
			found = append(found, version{t.name, id.Text(), existence, int64(0), deletedAt})
			if err == nil && t.name == "trash" {
				recs, rerr := trashRecordsOf(it, &cols)
				leftEntries, err = append(leftEntries, recs...), rerr
			}
			return err
		}
		names, err := cols.of(t.name)
		if err != nil {
			return err
		}
		id, err := it.Old(0)
		if err != nil {
			return err
		}
		edited := false
		back := untouched{table: t.name, row: id.Text()}
		for i, col := range names {
			if i == 0 { // (the id, which an UPDATE never changes)
				continue
			}
			o, err := it.Old(i)
			if err != nil {
				return err
			}
			n, err := it.New(i)
			if err != nil {
				return err
			}
			// In an UPDATE, a column the change leaves alone has neither an
			// old nor a new value; a real change has at least one of them.
			if o.Type() == sqlite.TypeNull && n.Type() == sqlite.TypeNull {
				continue
			}
			if bookkeeping[col] {
				back.set = append(back.set, quoteID(col)+" = ?")
				back.args = append(back.args, value(o))
				if col == "updated_clock" {
					back.clock = value(n)
				}
				continue
			}
			edited = true
			found = append(found, version{t.name, id.Text(), col, value(n), 0})
		}
		if !edited {
			untouchedRows = append(untouchedRows, back)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := giveBackClocks(c, untouchedRows, append([]string{at.rows}, at.into...)); err != nil {
		return err
	}
	gone, err := goneWithEntries(c, at.rows, network, leftEntries)
	if err != nil {
		return err
	}
	for _, k := range gone {
		found = append(found, version{k.table, k.id, existence, int64(0), deletedAt})
	}
	for _, v := range found {
		clock := v.clock
		if clock == 0 {
			if err := each(c, `SELECT updated_clock FROM `+at.rows+`.`+quoteID(v.table)+` WHERE id = ?`, func(s *sqlite.Stmt) error {
				clock = s.ColumnInt64(0)
				return nil
			}, v.row); err != nil {
				return err
			}
		}
		baseClock, baseLaptop, was, err := winner(c, keep, v.table, v.row, v.col)
		if err != nil {
			return err
		}
		if baseLaptop != "" && sameValue(was, v.value) {
			continue
		}
		for _, schema := range at.into {
			if err := exec(c, `INSERT OR IGNORE INTO `+schema+`.sync_versions (network_id, tbl, row_id, col, clock, laptop, base_clock, base_laptop, value)
				VALUES (?,?,?,?,?,?,?,?,?)`, network, v.table, v.row, v.col, clock, me, baseClock, baseLaptop, v.value); err != nil {
				return err
			}
		}
	}
	return nil
}

// trashRecordsOf are the records held by the trash entry a change deletes.
func trashRecordsOf(it *sqlite.ChangesetIterator, cols *columnCache) ([][2]string, error) {
	names, err := cols.of("trash")
	if err != nil {
		return nil, err
	}
	i := slices.Index(names, "payload")
	if i < 0 {
		return nil, nil
	}
	p, err := it.Old(i)
	if err != nil || p.Type() == sqlite.TypeNull {
		return nil, err
	}
	return data.TrashRecords(p.Text())
}

// goneWithEntries are the records of trash entries a changeset deletes (a
// restore, or an entry deleted for good) that are neither back nor in
// another entry: a record dropped after the restore, before this sync,
// or one the restore left out with a parent deleted for good. The changeset
// holds neither its insert nor its delete, and where it was kept in the
// entry without a delete of this laptop's (made elsewhere under a record
// deleted here) its versions still say it is there: the other laptops
// would bring it back from their copy of the entry. A version of its
// delete says it is gone (a record whose versions say so already gets none,
// as any change to the value its winning version has).
func goneWithEntries(c *sqlite.Conn, rows, network string, recs [][2]string) ([]rowKey, error) {
	if len(recs) == 0 {
		return nil, nil
	}
	held := map[rowKey]bool{}
	if err := each(c, `SELECT payload FROM `+rows+`.trash WHERE network_id = ? AND payload IS NOT NULL`, func(s *sqlite.Stmt) error {
		rs, err := data.TrashRecords(s.ColumnText(0))
		for _, r := range rs {
			held[rowKey{r[0], r[1]}] = true
		}
		return err
	}, network); err != nil {
		return nil, err
	}
	var gone []rowKey
	seen := map[rowKey]bool{}
	for _, r := range recs {
		k := rowKey{r[0], r[1]}
		if t, ok := tableNamed(k.table); !ok || !t.clocked || held[k] || seen[k] {
			continue
		}
		seen[k] = true
		live := false
		if err := each(c, `SELECT 1 FROM `+rows+`.`+quoteID(k.table)+` WHERE id = ?`, func(*sqlite.Stmt) error {
			live = true
			return nil
		}, k.id); err != nil {
			return nil, err
		}
		if !live {
			gone = append(gone, k)
		}
	}
	return gone, nil
}

// untouched is a record saved without a change (an edit that put back
// the value it had, a form saved as it was): its clock moved, no column.
type untouched struct {
	table, row string
	set        []string // the bookkeeping columns' assignments…
	args       []any    // …of the values they had in the snapshot
	clock      any      // the clock the save gave it
}

// giveBackClocks puts the snapshot's clock back in the records saved
// without a change, in every schema holding the records: no version says
// when they were saved, so a clock moved by them alone would stay on this
// laptop only and never converge with the others'.
func giveBackClocks(c *sqlite.Conn, rows []untouched, schemas []string) error {
	done := map[string]bool{}
	for _, schema := range schemas {
		if done[schema] {
			continue
		}
		done[schema] = true
		for _, r := range rows {
			if r.clock == nil {
				continue
			}
			// (Unless the record changed again meanwhile.)
			args := append(append([]any{}, r.args...), r.row, r.clock)
			if err := exec(c, `UPDATE `+schema+`.`+quoteID(r.table)+` SET `+strings.Join(r.set, ", ")+` WHERE id = ? AND updated_clock = ?`, args...); err != nil {
				return err
			}
		}
	}
	return nil
}

// versionPlaces says where fileVersions reads and writes: rows, the schema
// holding the records as they are now (their clocks); into, the schemas
// the versions go to, the last being the one whose versions and laptop
// clock the new versions follow.
type versionPlaces struct {
	rows string
	into []string
}

// sameValue tells whether two column values are the same value of the same type.
func sameValue(a, b any) bool {
	return fmt.Sprintf("%T:%v", a, a) == fmt.Sprintf("%T:%v", b, b)
}

// winner is the clock, laptop and value of a column's winning version, 0,
// "" and nil when the column still holds the value its record was created
// with. (The highest is picked here, not by ORDER BY … LIMIT 1: see each.)
func winner(c *sqlite.Conn, schema, table, row, col string) (clock int64, by string, v any, err error) {
	found := false
	err = each(c, `SELECT clock, laptop, value FROM `+schema+`.sync_versions WHERE tbl = ? AND row_id = ? AND col = ?`, func(s *sqlite.Stmt) error {
		if vc, vby := s.ColumnInt64(0), s.ColumnText(1); !found || later(vc, vby, clock, by) {
			clock, by, v, found = vc, vby, column(s, 2), true
		}
		return nil
	}, table, row, col)
	return clock, by, v, err
}

// later tells whether the version (clock, laptop) wins over (otherClock,
// otherLaptop): the higher clock, then the higher laptop id.
func later(clock int64, laptop string, otherClock int64, otherLaptop string) bool {
	return clock > otherClock || clock == otherClock && laptop > otherLaptop
}

// eachChange calls fn for every change of a changeset.
func eachChange(cs []byte, fn func(*sqlite.ChangesetOperation, *sqlite.ChangesetIterator) error) (err error) {
	it, err := sqlite.NewChangesetIterator(bytes.NewReader(cs))
	if err != nil {
		return err
	}
	defer func() {
		if cerr := it.Close(); err == nil {
			err = cerr
		}
	}()
	for {
		ok, err := it.Next()
		if err != nil || !ok {
			return err
		}
		op, err := it.Operation()
		if err != nil {
			return err
		}
		if err := fn(op, it); err != nil {
			return err
		}
	}
}

func countChanges(cs []byte) (int, error) {
	n := 0
	err := eachChange(cs, func(*sqlite.ChangesetOperation, *sqlite.ChangesetIterator) error {
		n++
		return nil
	})
	return n, err
}
