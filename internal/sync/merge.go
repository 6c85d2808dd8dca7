package sync

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"zombiezen.com/go/sqlite"
	"zombiezen.com/go/sqlite/sqlitex"
)

// Refused is a changeset file that was not applied, and why.
type Refused struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// pending is what the folder holds of the other laptops: per laptop, the
// files to apply now (the next numbers without a gap) and how many more
// wait for a file before them to arrive.
type pending struct {
	next    map[string][]int64
	waiting int
	gaps    []wait              // the laptops whose later files wait for one of their own
	gone    map[string][2]int64 // laptops whose changesets this laptop needs were compacted: the next it needs, and up to which they are gone
}

// findPending lists the other laptops' files of a network not applied yet.
func findPending(c *sqlite.Conn, folder, network, me string) (pending, error) {
	p := pending{next: map[string][]int64{}, gone: map[string][2]int64{}}
	dirs, err := os.ReadDir(filepath.Join(folder, network))
	if errors.Is(err, os.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return p, err
	}
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == me {
			continue
		}
		files, err := os.ReadDir(filepath.Join(folder, network, d.Name()))
		if err != nil {
			return p, err
		}
		have := map[int64]bool{}
		for _, f := range files {
			if seq, ok := seqOf(f.Name()); ok && !f.IsDir() {
				have[seq] = true
			}
		}
		var done int64
		if err := each(c, `SELECT coalesce(max(seq), 0) FROM sync_applied WHERE network_id = ? AND laptop_id = ?`, func(s *sqlite.Stmt) error {
			done = s.ColumnInt64(0)
			return nil
		}, network, d.Name()); err != nil {
			return p, err
		}
		st, _, err := readState(folder, network, d.Name())
		if err != nil {
			return p, err
		}
		if st.CompactedThrough > done && !have[done+1] {
			p.gone[d.Name()] = [2]int64{done + 1, st.CompactedThrough}
			continue
		}
		seq := done + 1
		for ; have[seq]; seq++ {
			p.next[d.Name()] = append(p.next[d.Name()], seq)
		}
		gap := wait{laptop: d.Name(), awaited: d.Name(), seq: seq}
		for s := range have {
			if s > seq {
				p.waiting++
				gap.files++
			}
		}
		if gap.files > 0 {
			p.gaps = append(p.gaps, gap)
		}
	}
	return p, nil
}

// mergeResult is what a merge did.
type mergeResult struct {
	files, changes int
	refused        []Refused
	waiting        int
	waitingFor     []string     // why files wait, naming the laptops (waitWords)
	made           []versionKey // versions the merge made, for the next changeset
	deletedThere   []DeletedThere
	snapshot       merged // what it changed, for the snapshot (when it applied files)
}

// mergeOthers applies every unseen file of the other laptops in one
// transaction, which also notes the sync (at). A file that cannot be applied is refused and named, and the
// later files of its laptop wait (they may build on it).
// own is the changeset this laptop has just written, whose versions may
// settle conflicts here.
func mergeOthers(dbPath, folder, network string, schema int64, own []byte, at time.Time) (res mergeResult, err error) {
	c, err := openConn(dbPath)
	if err != nil {
		return res, err
	}
	defer c.Close()
	if err := execAll(c, `PRAGMA foreign_keys = ON`, `PRAGMA synchronous = NORMAL`, `PRAGMA cache_size = -65536`); err != nil { // (64 MiB: a large merge touches many pages)
		return res, err
	}
	// What the merge changes goes into the snapshot after it (finish):
	// the network is copied once a sync, by writeOwn.
	changed, err := recordChanges(c)
	if err != nil {
		return res, err
	}
	defer changed.Delete()
	me, end, err := begin(c, "main")
	if err != nil {
		return res, err
	}
	defer end(&err)
	p, err := findPending(c, folder, network, me.ID)
	if err != nil {
		return res, err
	}
	res.waiting = p.waiting
	if len(p.gone) > 0 {
		_, name, err := namer(c, folder, network)
		if err != nil {
			return res, err
		}
		for l, g := range p.gone {
			res.refused = append(res.refused, Refused{filepath.Join(folder, network, l), needsHandover(name(l), g[0], g[1])})
		}
	}
	slices.SortFunc(res.refused, func(a, b Refused) int { return strings.Compare(a.Path, b.Path) })
	if err := exec(c, `UPDATE sync_laptop SET applying = 1`); err != nil {
		return res, err
	}
	m := &merger{c: c, network: network, laptop: me.ID, cols: columnCache{c: c, schema: "main"}}
	if len(own) > 0 {
		if err := m.recordConflicts(own); err != nil {
			return res, err
		}
	}
	laptops := make([]string, 0, len(p.next))
	for l := range p.next {
		laptops = append(laptops, l)
	}
	slices.Sort(laptops)
	// Each laptop's files in their order, each after the files of the
	// others it was written on (header.Seen): passes over the laptops until
	// none can go on. The files left wait for one that has not arrived.
	for progress := true; progress; {
		progress = false
		for _, l := range laptops {
			for len(p.next[l]) > 0 {
				seq := p.next[l][0]
				path := changesetPath(folder, network, l, seq)
				n, why, later := m.applyFile(path, network, l, seq, schema)
				if later {
					break
				}
				p.next[l] = p.next[l][1:]
				if why != "" {
					res.refused = append(res.refused, Refused{path, why})
					res.waiting += len(p.next[l])
					p.next[l] = nil
					break
				}
				if res.files == 0 {
					res.snapshot.Laptop, res.snapshot.Seq = l, seq
				}
				res.files++
				res.changes += n
				progress = true
			}
		}
	}
	waits := p.gaps
	for _, l := range laptops {
		res.waiting += len(p.next[l])
		if w, ok := m.waits[l]; ok && len(p.next[l]) > 0 {
			w.files = len(p.next[l])
			waits = append(waits, w)
		}
	}
	if res.waitingFor, err = waitWords(c, folder, network, waits); err != nil {
		return res, err
	}
	if m.err != nil {
		return res, m.err
	}
	res.made, res.deletedThere = m.made, m.deletedThere
	if err := m.advanceClock(); err != nil {
		return res, err
	}
	if err := exec(c, `UPDATE sync_laptop SET applying = 0`); err != nil {
		return res, err
	}
	if err := noteSync(c, "main", network, folder, at); err != nil {
		return res, err
	}
	if res.files > 0 {
		var b bytes.Buffer
		if err := changed.WritePatchset(&b); err != nil {
			return res, err
		}
		res.snapshot.Made, res.snapshot.Patchset = res.made, b.Bytes()
		// Noted before the merge commits: a sync that stops after it
		// still brings the snapshot to it (intent.go).
		if err := note(mergedPath(dbPath, network), res.snapshot); err != nil {
			return res, err
		}
	}
	return res, nil
}

// recordChanges starts recording the changes made to the synced tables
// on c.
func recordChanges(c *sqlite.Conn) (*sqlite.Session, error) {
	s, err := c.CreateSession("main")
	if err != nil {
		return nil, err
	}
	for _, t := range tables {
		if err := s.Attach(t.name); err != nil {
			s.Delete()
			return nil, err
		}
	}
	return s, nil
}

// merger applies changesets on the live database's connection.
type merger struct {
	c       *sqlite.Conn
	network string
	laptop  string // this laptop's id
	cols    columnCache
	err     error // a failure of the database itself: the merge stops
	// wholeState: the changeset is another laptop's state against this
	// laptop's snapshot (a hand-over), not its edits, so a change may also
	// bring an older value or a record deleted here: every record it
	// touches takes its winning versions.
	wholeState bool
	made       []versionKey // versions the merge made (settling a collision)
	// editedAway: the trash entries holding records the changeset being
	// applied deleted while they had changed here; deletedThere: those of
	// every file applied, with the laptop that deleted them.
	editedAway   []string
	deletedThere []DeletedThere
	waits        map[string]wait // per laptop, the file of another laptop its next file waits for
	// trashChanged: the changeset being applied made or changed trash
	// entries, or records went into them (settleSharedTrash runs).
	trashChanged   bool
	keptInTrash    map[rowKey]bool            // records kept in the trash (keepInTrash): patched like toTrash
	cascadeParents map[string][]cascadeParent // per table, read once
	ranks          map[string]map[string]int  // per root table, trashRank's order
}

// DeletedThere is a record another laptop deleted while it was changed on
// this one: the delete stands, and its trash entry holds the change made
// here, so the user can restore it.
type DeletedThere struct {
	Label  string `json:"label"`  // the trash entry's words ("Partner Budaörs")
	Laptop string `json:"laptop"` // the id of the laptop that deleted it
	By     string `json:"by"`     // its name ("Ben's laptop", "laptop 1f2e3d4c")
}

// nameEditedAway finds the trash entries that hold the rows of changed
// (each entry once: a record's own rows go with it).
func (m *merger) nameEditedAway(changed map[rowKey]bool) error {
	seen := map[string]bool{}
	for k := range changed {
		if err := each(m.c, `SELECT id, label FROM trash WHERE network_id = ? AND instr(payload, ?) > 0`, func(s *sqlite.Stmt) error {
			if !seen[s.ColumnText(0)] {
				seen[s.ColumnText(0)] = true
				m.editedAway = append(m.editedAway, s.ColumnText(1))
			}
			return nil
		}, m.network, k.id); err != nil {
			return err
		}
	}
	slices.Sort(m.editedAway)
	return nil
}

// applyFile checks and applies one file in a savepoint of its own; a
// reason is returned when the file is refused (and nothing of it applied),
// later when it waits for a file of another laptop it was written on.
func (m *merger) applyFile(path, network, laptop string, seq, schema int64) (changes int, refused string, later bool) {
	h, cs, err := readChangeset(path)
	switch {
	case err != nil:
		return 0, err.Error(), false
	case h.Schema > schema:
		return 0, fmt.Sprintf("comes from a newer version of AoCE Desktop (schema %d, this one has %d): update AoCE Desktop on this laptop", h.Schema, schema), false
	case h.Network != network || h.Laptop != laptop || h.Seq != seq:
		return 0, fmt.Sprintf("says it is changeset %d of laptop %s for network %s: it is in the wrong place", h.Seq, h.Laptop, h.Network), false
	}
	for other, last := range h.Seen {
		if other == m.laptop {
			continue // (this laptop's own changes are here)
		}
		var done int64
		if err := each(m.c, `SELECT coalesce(max(seq), 0) FROM sync_applied WHERE network_id = ? AND laptop_id = ?`, func(s *sqlite.Stmt) error {
			done = s.ColumnInt64(0)
			return nil
		}, network, other); err != nil {
			m.err = err
			return 0, "could not be read: " + err.Error(), false
		}
		if done < last {
			if m.waits == nil {
				m.waits = map[string]wait{}
			}
			m.waits[laptop] = wait{laptop: laptop, awaited: other, seq: done + 1}
			return 0, "", true
		}
	}
	release := sqlitex.Save(m.c)
	n, err := m.apply(cs)
	if err == nil {
		err = exec(m.c, `INSERT INTO sync_applied (network_id, laptop_id, seq, applied_at) VALUES (?,?,?,?)`,
			network, laptop, seq, time.Now().UTC().Format(time.RFC3339))
	}
	var refusal *refusal
	if errors.As(err, &refusal) {
		release(&err) // rolls the file's changes back
		return 0, refusal.why, false
	}
	release(&err)
	if err != nil {
		m.err = fmt.Errorf("apply %s: %w", path, err)
		return 0, "could not be applied: " + err.Error(), false
	}
	for _, label := range m.editedAway {
		m.deletedThere = append(m.deletedThere, DeletedThere{Label: label, Laptop: laptop})
	}
	return n, "", false
}

// refusal is a changeset this database cannot take as it is.
type refusal struct{ why string }

func (r *refusal) Error() string { return r.why }

type rowKey struct{ table, id string }

// incoming is what a change of a clocked row says about its clock.
type incoming struct {
	clock int64
	by    string
}

// apply applies one changeset and merges what the session extension
// reports as conflicts, column by column (see resolveRow).
func (m *merger) apply(cs []byte) (int, error) {
	var (
		resolve  = map[rowKey]incoming{} // rows changed here and there: merge their columns
		toTrash  = map[rowKey]bool{}     // rows deleted here or there: their changes go to the trash entry
		inserted = map[rowKey][]any{}    // rows both laptops created (a restore on each): the later one wins
		held     = map[rowKey][]any{}    // rows created elsewhere that break a UNIQUE rule here: written last (writeRows)
		problem  error
		orphans  bool // rows whose parent is gone here: a restore there met a delete here
		// rows the changeset deletes that had changed here: the report names them
		changedHere = map[rowKey]bool{}
	)
	m.editedAway, m.trashChanged, m.keptInTrash = nil, false, map[rowKey]bool{}
	s, err := m.readSent(cs)
	if err != nil {
		return 0, err
	}
	restored, existing, err := m.existenceOf(s.existence)
	if err != nil {
		return 0, err
	}
	unversioned := unversionedInserts(s.created, existing)
	kept, err := m.keptFromDelete(s.deleted, restored)
	if err != nil {
		return 0, err
	}
	restoredThere, err := m.entriesDeletedBy(s.trashGone)
	if err != nil {
		return 0, err
	}
	handler := func(ct sqlite.ConflictType, it *sqlite.ChangesetIterator) sqlite.ConflictAction {
		op, err := it.Operation()
		if err != nil {
			problem = err
			return sqlite.ChangesetAbort
		}
		t, _ := tableNamed(op.TableName)
		switch ct {
		case sqlite.ChangesetData:
			if op.Type == sqlite.OpDelete {
				if t.clocked {
					k := m.key(it, op, false)
					if restored[k] {
						return sqlite.ChangesetOmit // restored here after that delete: the restore stands
					}
					toTrash[k] = true
					changedHere[k] = true
				}
				return sqlite.ChangesetReplace // the delete wins over edits; what changed here goes into its trash entry
			}
			if t.clocked {
				k := m.key(it, op, false)
				resolve[k] = m.incomingClock(it, op, k.table)
				return sqlite.ChangesetOmit
			}
			return sqlite.ChangesetReplace
		case sqlite.ChangesetNotFound:
			// An update of a row deleted here, or a delete of a row gone
			// already (often with its parent, by a cascade of this very
			// changeset, after it changed here): either way its trash
			// entry takes the winning values.
			if t.clocked {
				toTrash[m.key(it, op, false)] = true
			}
			return sqlite.ChangesetOmit
		case sqlite.ChangesetConflict:
			if t.clocked {
				k := m.key(it, op, true)
				inserted[k] = m.newRow(it, op)
			}
			if t.clocked || t.name == versionsTable {
				return sqlite.ChangesetOmit // (a REPLACE would delete the row first, and with it what its foreign keys cascade to)
			}
			return sqlite.ChangesetReplace
		case sqlite.ChangesetForeignKey:
			orphans = true // settled below, as the delete would have settled them
			return sqlite.ChangesetOmit
		case sqlite.ChangesetConstraint:
			if t.clocked && op.Type != sqlite.OpDelete { // a name or place taken here: settled by writeRows
				if op.Type == sqlite.OpInsert {
					held[m.key(it, op, true)] = m.newRow(it, op)
				} else {
					k := m.key(it, op, false)
					resolve[k] = m.incomingClock(it, op, k.table)
				}
				return sqlite.ChangesetOmit
			}
			fallthrough
		default:
			problem = &refusal{fmt.Sprintf("breaks a rule of table %s here", op.TableName)}
			return sqlite.ChangesetAbort
		}
	}
	err = m.c.ApplyChangeset(bytes.NewReader(cs), nil, handler)
	if problem != nil {
		return 0, problem
	}
	if err != nil {
		return 0, err
	}
	if m.err != nil {
		return 0, m.err
	}
	if err := m.dropDeadInserts(unversioned); err != nil {
		return 0, err
	}
	if err := m.keepGone(kept); err != nil {
		return 0, err
	}
	if orphans && len(held) == 0 {
		if err := m.settleOrphans(); err != nil {
			return 0, err
		}
	}
	if len(restored) > 0 {
		if err := m.keepLinksOfRestored(cs, restored); err != nil {
			return 0, err
		}
	}
	if m.wholeState {
		if err := touchedRecords(cs, resolve, existing); err != nil {
			return 0, err
		}
	}
	for _, k := range s.halfBookkept {
		if _, ok := resolve[k]; !ok {
			resolve[k] = incoming{}
		}
	}
	if err := m.settledThere(s.settled, resolve, toTrash); err != nil {
		return 0, err
	}
	// A record restored elsewhere but deleted here later (or the other way
	// round) ends as the later of the two says, whatever came first.
	for k := range existing {
		_, _, alive, err := winner(m.c, "main", k.table, k.id, existence)
		if err != nil {
			return 0, err
		}
		if alive == int64(0) {
			delete(held, k)
			if err := exec(m.c, `DELETE FROM `+quoteID(k.table)+` WHERE id = ?`, k.id); err != nil {
				return 0, err
			}
			toTrash[k] = true
			continue
		}
		// Made or restored: a restore brings the values its trash entry
		// held, and versions sent meanwhile still win over them.
		if _, ok := resolve[k]; !ok {
			resolve[k] = incoming{}
		}
	}
	taken := map[rowKey][]any{} // of inserted, the rows later than the one here: writeRows takes them
	for k, row := range inserted {
		later, err := m.laterRow(k, row)
		if err != nil {
			return 0, err
		}
		if later {
			taken[k] = row
		}
		resolve[k] = incoming{}
	}
	if err := m.writeRows(resolve, held, taken); err != nil {
		return 0, err
	}
	if orphans && len(held) > 0 { // (the records held back may be the parents)
		if err := m.settleOrphans(); err != nil {
			return 0, err
		}
	}
	if err := m.keepWhatRestoredEntriesHeld(restoredThere); err != nil {
		return 0, err
	}
	if err := m.trashedBy(s.trash, toTrash); err != nil {
		return 0, err
	}
	// A record an entry holds takes its winning versions and the clock of
	// its latest made or restored version (see patchTrash), also when it
	// is live here as well (a partner deleted on two laptops and restored
	// from one entry, the other left holding it) or was kept in an entry
	// that held it already: every version that comes patches it.
	for _, ks := range []map[rowKey]bool{m.keptInTrash, existing} {
		for k := range ks {
			toTrash[k] = true
		}
	}
	for _, k := range s.touched {
		toTrash[k] = true
	}
	holders, err := m.trashHolders()
	if err != nil {
		return 0, err
	}
	for k := range toTrash {
		if err := m.patchTrash(k, holders[k]); err != nil {
			return 0, err
		}
	}
	if m.trashChanged {
		if err := m.settleSharedTrash(); err != nil {
			return 0, err
		}
	}
	if err := m.dropBackFromEntries(); err != nil {
		return 0, err
	}
	if err := m.nameEditedAway(changedHere); err != nil {
		return 0, err
	}
	if err := m.recordConflictsOf(s.spans); err != nil {
		return 0, err
	}
	return s.changes, nil
}

// unversionedInserts adds to existing the records a changeset inserts
// without a version of their existence, and returns them: the sender's
// versions said the record was there already, though its row was not (a
// record made on another laptop under one deleted there, kept in the trash
// entry without a delete of the sender's, then restored with the entry).
// Such an insert says nothing of the record's existence, which follows its
// versions here as for any record a changeset creates: a delete the sender
// had not seen (a grid row dropped on a third laptop meanwhile) stands
// (dropDeadInserts), and the row takes the winning versions of its columns
// (edits the sender had not seen either), as on the sender once that
// delete and those edits arrive there.
func unversionedInserts(created []rowKey, existing map[rowKey]bool) []rowKey {
	var out []rowKey
	for _, k := range created {
		if !existing[k] {
			existing[k] = true
			out = append(out, k)
		}
	}
	return out
}

// dropDeadInserts deletes, as soon as the changeset is applied, the records
// it inserted without an existence version (unversionedInserts) whose
// latest existence version here is a delete: the record never comes back,
// so it is no orphan that settleOrphans would keep in a trash entry of a
// parent deleted here (where the laptop that dropped it holds an entry and
// droppedForGood would take the row for one of its delete). What hangs
// under it here goes where that delete takes it on the sender: into the
// trash entry that holds the record, or with it when none does
// (keptFromDelete, keepGone). Children first, so that a record dead itself
// is not kept under a dead parent.
func (m *merger) dropDeadInserts(ks []rowKey) error {
	ks = slices.Clone(ks)
	slices.SortStableFunc(ks, func(a, b rowKey) int { return tableOrder(b.table) - tableOrder(a.table) })
	for _, k := range ks {
		_, _, alive, err := winner(m.c, "main", k.table, k.id, existence)
		if err != nil {
			return err
		}
		if alive != int64(0) {
			continue
		}
		if live, err := m.isLive(k); err != nil || !live {
			return err
		}
		kept, err := m.keptFromDelete([]rowKey{k}, nil)
		if err != nil {
			return err
		}
		if err := exec(m.c, `DELETE FROM `+quoteID(k.table)+` WHERE id = ?`, k.id); err != nil {
			return err
		}
		if err := m.keepGone(kept); err != nil {
			return err
		}
	}
	return nil
}

// touchedRecords adds the records a changeset creates or changes to those
// whose columns take their winning versions (resolve) and, for the ones it
// creates, whose existence follows its versions (existing).
func touchedRecords(cs []byte, resolve map[rowKey]incoming, existing map[rowKey]bool) error {
	return eachChange(cs, func(op *sqlite.ChangesetOperation, it *sqlite.ChangesetIterator) error {
		if t, _ := tableNamed(op.TableName); !t.clocked || op.Type == sqlite.OpDelete {
			return nil
		}
		id, err := rowID(op, it)
		if err != nil {
			return err
		}
		k := rowKey{op.TableName, id}
		if _, ok := resolve[k]; !ok {
			resolve[k] = incoming{}
		}
		if op.Type == sqlite.OpInsert {
			existing[k] = true
		}
		return nil
	})
}

// halfBookkept tells whether an UPDATE of a clocked record gives it one
// bookkeeping column but not the other: a change leaves out a column it
// does not change (the sender's laptop when only its clock moved on, its
// clock when a merge there only gave the record another laptop), so that,
// applied as it came, it would pair the sender's clock with this laptop's
// updated_by (or the other way round), a pair no laptop wrote. Such records
// go to resolveRow, which takes them from the versions, as on the sender.
func (m *merger) halfBookkept(op *sqlite.ChangesetOperation, it *sqlite.ChangesetIterator) (bool, error) {
	names, err := m.cols.of(op.TableName)
	if err != nil {
		return false, err
	}
	carried := 0
	for i, col := range names {
		if !bookkeeping[col] {
			continue
		}
		n, err := it.New(i)
		if err != nil {
			return false, err
		}
		if n.Type() != sqlite.TypeNull { // (both are NOT NULL: null is left out)
			carried++
		}
	}
	return carried != len(bookkeeping), nil
}

// key is the table and id of the row a change is about.
func (m *merger) key(it *sqlite.ChangesetIterator, op *sqlite.ChangesetOperation, insert bool) rowKey {
	get := it.Old
	if insert {
		get = it.New
	}
	v, err := get(0)
	if err != nil {
		m.fail(err)
	}
	return rowKey{op.TableName, v.Text()}
}

func (m *merger) fail(err error) {
	if m.err == nil {
		m.err = err
	}
}

// incomingClock reads the clock and laptop a change gives its row.
func (m *merger) incomingClock(it *sqlite.ChangesetIterator, op *sqlite.ChangesetOperation, table string) incoming {
	names, err := m.cols.of(table)
	if err != nil {
		m.fail(err)
		return incoming{}
	}
	var in incoming
	for i, col := range names {
		if col != "updated_clock" && col != "updated_by" {
			continue
		}
		v, err := it.New(i)
		if err != nil {
			m.fail(err)
			continue
		}
		if col == "updated_clock" {
			in.clock = v.Int64()
		} else {
			in.by = v.Text()
		}
	}
	if in.by == "" {
		// An update leaves out the columns it does not change: the same
		// laptop wrote the record before, but which one this record does
		// not say. The versions say it (resolveRow), the same on every
		// laptop; a clock with an empty laptop would not be.
		return incoming{}
	}
	return in
}

func (m *merger) newRow(it *sqlite.ChangesetIterator, op *sqlite.ChangesetOperation) []any {
	row := make([]any, op.NumColumns)
	for i := range row {
		v, err := it.New(i)
		if err != nil {
			m.fail(err)
		}
		row[i] = value(v)
	}
	return row
}

// laterRow tells whether row, a record both laptops created with one id
// (a trash entry restored on each), is the later of the two, by (clock,
// laptop): that one stays (takeLaterRow).
func (m *merger) laterRow(k rowKey, row []any) (bool, error) {
	names, err := m.cols.of(k.table)
	if err != nil {
		return false, err
	}
	var clock, by any
	for i, col := range names {
		switch col {
		case "updated_clock":
			clock = row[i]
		case "updated_by":
			by = row[i]
		}
	}
	later := false
	err = each(m.c, `SELECT (?, ?) > (updated_clock, updated_by) FROM `+quoteID(k.table)+` WHERE id = ?`, func(s *sqlite.Stmt) error {
		later = s.ColumnInt64(0) == 1
		return nil
	}, clock, by, k.id)
	return later, err
}

// takeLaterRow gives a record both laptops created with one id the later
// row (laterRow) with the record's winning versions (intended), as
// writeRows writes a record held back: copied as it came, the row could
// hold a value a version has changed since and break a UNIQUE rule for
// a moment (a partner restored as the lead on one laptop, a partner
// again by a later choice of another, where a third is the lead now), and
// a clash of the values it ends with is settled as any other (uniqueRule).
// Its clock and laptop are the row's; resolveRow then moves them on.
func (m *merger) takeLaterRow(k rowKey, row []any) error {
	vals, names, err := m.intended(k, row)
	if err != nil {
		return err
	}
	set := make([]string, 0, len(names))
	args := make([]any, 0, len(names))
	for i, col := range names {
		if i == 0 {
			continue
		}
		set = append(set, quoteID(col)+" = ?")
		v := vals[col]
		if bookkeeping[col] {
			v = row[i]
		}
		args = append(args, v)
	}
	return exec(m.c, `UPDATE `+quoteID(k.table)+` SET `+strings.Join(set, ", ")+` WHERE id = ?`, append(args, row[0])...)
}

// resolveRow gives each versioned column of a row its winning value — the
// version with the highest (clock, laptop) — and the row the highest clock
// it has seen. Which version wins depends only on the set of versions, not
// on the order they came in, so every laptop ends with the same row. At
// the row's own clock the latest version's laptop is the one that wrote
// it (not whichever laptop the row held: a change applied as it came may
// have left this laptop's there, see halfBookkept).
func (m *merger) resolveRow(k rowKey, in incoming) error {
	w, err := winners(m.c, k)
	if err != nil {
		return err
	}
	set := ""
	args := []any{}
	top := in
	for _, v := range w {
		set += quoteID(v.col) + " = ?, "
		args = append(args, v.value)
		if later(v.clock, v.laptop, top.clock, top.by) {
			top = incoming{v.clock, v.laptop}
		}
	}
	args = append(args, top.clock, top.by, top.by, top.clock, k.id)
	return exec(m.c, `UPDATE `+quoteID(k.table)+` SET `+set+`
		updated_by = CASE WHEN ? >= updated_clock AND ? <> '' THEN ? ELSE updated_by END,
		updated_clock = max(updated_clock, ?) WHERE id = ?`, args...)
}

// version is one column value a laptop sent.
type version struct {
	col    string
	value  any
	clock  int64
	laptop string
}

// winners are the winning versions of a row's columns (its existence
// aside), in the order of their columns' names (sorted here, not by ORDER
// BY: see each).
func winners(c *sqlite.Conn, k rowKey) ([]version, error) {
	var w []version
	err := each(c, `SELECT v.col, v.value, v.clock, v.laptop FROM sync_versions v WHERE v.tbl = ?1 AND v.row_id = ?2 AND v.col <> ''
		AND NOT EXISTS (SELECT 1 FROM sync_versions u WHERE u.tbl = ?1 AND u.row_id = ?2 AND u.col = v.col AND (u.clock, u.laptop) > (v.clock, v.laptop))`, func(s *sqlite.Stmt) error {
		w = append(w, version{s.ColumnText(0), column(s, 1), s.ColumnInt64(2), s.ColumnText(3)})
		return nil
	}, k.table, k.id)
	slices.SortFunc(w, func(a, b version) int { return strings.Compare(a.col, b.col) })
	return w, err
}

// advanceClock moves this laptop's clock past every clock it has merged,
// so that an edit made here after a merge is later than what it saw.
func (m *merger) advanceClock() error {
	q := `SELECT coalesce(max(clock), 0) AS c FROM sync_versions`
	for _, t := range tables {
		if t.clocked {
			q += ` UNION ALL SELECT coalesce(max(updated_clock), 0) FROM ` + quoteID(t.name)
		}
	}
	return exec(m.c, `UPDATE sync_laptop SET clock = max(clock, (SELECT max(c) FROM (`+q+`)))`)
}

// patchTrash puts the winning values of a row deleted here or on another
// laptop into the trash entries that hold it (entries, see trashHolders):
// the delete stands, and a restore brings the record back with the changes
// made meanwhile.
func (m *merger) patchTrash(k rowKey, entries []string) error {
	if len(entries) == 0 {
		return nil // most records a changeset touches are in no entry
	}
	w, err := winners(m.c, k)
	if err != nil {
		return err
	}
	values := map[string]any{}
	var top incoming
	for _, v := range w {
		values[v.col] = v.value
		if later(v.clock, v.laptop, top.clock, top.by) {
			top = incoming{v.clock, v.laptop}
		}
	}
	// A restore gives the record a new clock (the restoring laptop's) and
	// no column version: the row the other laptops hold of it has that
	// clock, so the trash row does too, whichever laptop's copy (one from
	// before the restore, sent with a delete) the entry came with.
	if err := each(m.c, `SELECT clock, laptop FROM sync_versions WHERE tbl = ? AND row_id = ? AND col = '' AND value = 1
		ORDER BY clock DESC, laptop DESC LIMIT 1`, func(s *sqlite.Stmt) error {
		if c, by := s.ColumnInt64(0), s.ColumnText(1); c > top.clock || c == top.clock && by > top.by {
			top = incoming{c, by}
		}
		return nil
	}, k.table, k.id); err != nil {
		return err
	}
	if top.clock == 0 {
		return nil // (no version of it: nothing to patch)
	}
	if gone, err := m.droppedForGood(k); err != nil || gone {
		return err
	}
	for _, id := range entries {
		var before string // as the records patched before this one left it
		if err := each(m.c, `SELECT payload FROM trash WHERE id = ?`, func(s *sqlite.Stmt) error {
			before = s.ColumnText(0)
			return nil
		}, id); err != nil {
			return err
		}
		p, changed, err := data.PatchTrashRow(before, k.table, k.id, values, top.clock, top.by)
		if err != nil {
			return fmt.Errorf("trash entry %s: %w", id, err)
		}
		if changed {
			if err := exec(m.c, `UPDATE trash SET payload = ? WHERE id = ?`, p, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// trashHolders maps each record the network's trash entries hold to those
// entries, in one reading before the patches: they change an entry's
// values or take rows out of it (droppedForGood), never add any, so an
// entry missing here holds none of the record, and one named here that no
// longer holds it is read afresh and left as it is. (Looking for each
// record's id in every payload read the whole trash once per record a
// changeset touched.)
func (m *merger) trashHolders() (map[rowKey][]string, error) {
	holders := map[rowKey][]string{}
	err := each(m.c, `SELECT id, payload FROM trash WHERE network_id = ?`, func(s *sqlite.Stmt) error {
		id := s.ColumnText(0)
		rows, err := data.TrashRows(s.ColumnText(1))
		if err != nil {
			return fmt.Errorf("trash entry %s: %w", id, err)
		}
		for _, r := range rows {
			k := rowKey{r.Table, r.ID()}
			if k.id != "" && !slices.Contains(holders[k], id) {
				holders[k] = append(holders[k], id)
			}
		}
		return nil
	}, m.network)
	return holders, err
}

// existenceOf reads the existence versions a changeset sends (sent.existence):
// the records it creates or deletes (existing), and of those it deletes,
// the ones this laptop holds a later "made or restored" version of
// (restored).
func (m *merger) existenceOf(versions []existenceVersion) (restored, existing map[rowKey]bool, err error) {
	restored, existing = map[rowKey]bool{}, map[rowKey]bool{}
	type tag struct {
		clock  int64
		laptop string
	}
	deletes := map[rowKey]tag{}
	for _, v := range versions {
		existing[v.k] = true
		if !v.alive {
			deletes[v.k] = tag{v.clock, v.laptop}
		}
	}
	for k, d := range deletes {
		clock, by, alive, err := winner(m.c, "main", k.table, k.id, existence)
		if err != nil {
			return nil, nil, err
		}
		if alive == int64(1) && (clock > d.clock || clock == d.clock && by > d.laptop) {
			restored[k] = true
		}
	}
	return restored, existing, nil
}

// settleOrphans treats rows whose parent record is gone as the parent's
// delete treats its children on the laptop that made it: a child the
// foreign key cascades to is deleted — a record into the parent's trash
// entry (see orphans.go) — one it sets null is set null. (A
// record restored on one laptop while a record it refers to was deleted
// on another: every laptop ends without the link.)
func (m *merger) settleOrphans() error {
	for {
		type fk struct {
			child, parent string
			id            int64
		}
		var found []fk
		if err := each(m.c, `SELECT DISTINCT "table", parent, fkid FROM pragma_foreign_key_check`, func(s *sqlite.Stmt) error {
			found = append(found, fk{s.ColumnText(0), s.ColumnText(1), s.ColumnInt64(2)})
			return nil
		}); err != nil {
			return err
		}
		if len(found) == 0 {
			return nil
		}
		for _, f := range found {
			var from, to, onDelete string
			n := 0
			if err := each(m.c, `SELECT "from", coalesce("to", 'id'), on_delete FROM pragma_foreign_key_list(?) WHERE id = ?`, func(s *sqlite.Stmt) error {
				from, to, onDelete = s.ColumnText(0), s.ColumnText(1), s.ColumnText(2)
				n++
				return nil
			}, f.child, f.id); err != nil {
				return err
			}
			if n != 1 {
				return fmt.Errorf("%s refers to %s through %d columns: not settled", f.child, f.parent, n)
			}
			cond := fmt.Sprintf(`%[1]s IS NOT NULL AND %[1]s NOT IN (SELECT %[2]s FROM %[3]s)`, quoteID(from), quoteID(to), quoteID(f.parent))
			q := `DELETE FROM ` + quoteID(f.child) + ` WHERE ` + cond
			if t, _ := tableNamed(f.child); t.clocked && onDelete != "SET NULL" {
				// Records made under a record deleted here go into its trash entry.
				var kept []keptRow
				var roots [][2]string
				if err := each(m.c, `SELECT id, `+quoteID(from)+` FROM `+quoteID(f.child)+` WHERE `+cond, func(s *sqlite.Stmt) error {
					roots = append(roots, [2]string{s.ColumnText(0), s.ColumnText(1)})
					return nil
				}); err != nil {
					return err
				}
				for _, r := range roots {
					if err := m.capture(f.child, `id = ?`, r[0], r[1], nil, &kept); err != nil {
						return err
					}
				}
				if _, err := m.keepInTrash(kept); err != nil {
					return err
				}
			}
			if onDelete == "SET NULL" {
				q = `UPDATE ` + quoteID(f.child) + ` SET ` + quoteID(from) + ` = NULL WHERE ` + cond
			}
			if err := exec(m.c, q); err != nil {
				return err
			}
		}
	}
}

// keepLinksOfRestored puts back the link rows (tables without a clock:
// meeting hosts, practice sub-themes…) a changeset deleted with a record
// that stays because this laptop restored it after that delete: the
// record's delete was left out, so the deletes that went with it are too.
func (m *merger) keepLinksOfRestored(cs []byte, restored map[rowKey]bool) error {
	type link struct {
		col        int
		parent, to string
	}
	links := map[string][]link{}
	linksOf := func(table string) ([]link, error) {
		if l, ok := links[table]; ok {
			return l, nil
		}
		names, err := m.cols.of(table)
		if err != nil {
			return nil, err
		}
		var l []link
		err = each(m.c, `SELECT "from", "table", coalesce("to", 'id') FROM pragma_foreign_key_list(?)`, func(s *sqlite.Stmt) error {
			if i := slices.Index(names, s.ColumnText(0)); i >= 0 {
				l = append(l, link{i, s.ColumnText(1), s.ColumnText(2)})
			}
			return nil
		}, table)
		links[table] = l
		return l, err
	}
	return eachChange(cs, func(op *sqlite.ChangesetOperation, it *sqlite.ChangesetIterator) error {
		t, _ := tableNamed(op.TableName)
		if op.Type != sqlite.OpDelete || t.clocked || t.name == versionsTable {
			return nil
		}
		ls, err := linksOf(t.name)
		if err != nil {
			return err
		}
		for _, l := range ls {
			v, err := it.Old(l.col)
			if err != nil {
				return err
			}
			if !restored[rowKey{l.parent, v.Text()}] {
				continue
			}
			row := make([]any, op.NumColumns)
			marks := make([]string, op.NumColumns)
			for i := range row {
				o, err := it.Old(i)
				if err != nil {
					return err
				}
				row[i], marks[i] = value(o), fmt.Sprintf("?%d", i+1)
			}
			// A link to another record deleted here went with that delete.
			there := ""
			for _, other := range ls {
				there += fmt.Sprintf(` AND EXISTS (SELECT 1 FROM %s WHERE %s = ?%d)`, quoteID(other.parent), quoteID(other.to), other.col+1)
			}
			return exec(m.c, `INSERT OR IGNORE INTO `+quoteID(t.name)+` SELECT `+strings.Join(marks, ", ")+` WHERE 1`+there, row...)
		}
		return nil
	})
}
