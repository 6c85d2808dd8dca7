package sync

import (
	"strings"

	"zombiezen.com/go/sqlite"
)

// sent is what a merge reads of a changeset besides applying it, gathered
// in one pass: each pass decodes every change again, and the seven the
// merge made cost about as much as applying the changeset.
type sent struct {
	changes      int
	existence    []existenceVersion // the existence versions it sends, in its order
	deleted      []rowKey           // the clocked records it deletes (keptFromDelete)
	halfBookkept []rowKey           // see halfBookkept
	settled      []rowKey           // records with versions a sync made settling a collision (settledThere)
	trash        []string           // the trash entries it makes or changes (trashedBy)
	trashGone    []string           // the trash entries it deletes (entriesDeletedBy)
	touched      []rowKey           // the clocked records it makes or changes: their trash copies are patched
	created      []rowKey           // of touched, the records it inserts (unversioned: see unversionedInserts)
	spans        map[string]span    // the clocks of its versions, per laptop (recordConflicts)
}

// existenceVersion is a version of a record's existence.
type existenceVersion struct {
	k      rowKey
	clock  int64
	laptop string
	alive  bool // made or restored (value 1), not deleted (0)
}

func (m *merger) readSent(cs []byte) (s sent, err error) {
	s.spans = map[string]span{}
	err = eachChange(cs, func(op *sqlite.ChangesetOperation, it *sqlite.ChangesetIterator) error {
		s.changes++
		t, _ := tableNamed(op.TableName)
		switch {
		case op.TableName == versionsTable && op.Type == sqlite.OpInsert:
			return m.readVersion(&s, it)
		case t.clocked && op.Type == sqlite.OpDelete:
			id, err := rowID(op, it)
			if err != nil {
				return err
			}
			s.deleted = append(s.deleted, rowKey{op.TableName, id})
		case t.clocked:
			id, err := rowID(op, it)
			if err != nil {
				return err
			}
			if t.name != "trash" {
				s.touched = append(s.touched, rowKey{op.TableName, id})
				if op.Type == sqlite.OpInsert {
					s.created = append(s.created, rowKey{op.TableName, id})
				}
			}
			if op.Type == sqlite.OpUpdate {
				half, err := m.halfBookkept(op, it)
				if err != nil {
					return err
				}
				if half {
					s.halfBookkept = append(s.halfBookkept, rowKey{op.TableName, id})
				}
			}
		}
		if op.TableName == "trash" {
			id, err := rowID(op, it)
			if err != nil {
				return err
			}
			if op.Type == sqlite.OpDelete {
				s.trashGone = append(s.trashGone, id)
			} else {
				s.trash = append(s.trash, id)
			}
		}
		return nil
	})
	return s, err
}

// rowID is the id of the row a change is about (its first column).
func rowID(op *sqlite.ChangesetOperation, it *sqlite.ChangesetIterator) (string, error) {
	get := it.Old
	if op.Type == sqlite.OpInsert {
		get = it.New
	}
	id, err := get(0)
	if err != nil {
		return "", err
	}
	return id.Text(), nil
}

// readVersion notes a version the changeset sends.
func (m *merger) readVersion(s *sent, it *sqlite.ChangesetIterator) error {
	var vals [9]sqlite.Value // network_id, tbl, row_id, col, clock, laptop, base_clock, base_laptop, value
	for i := range vals {
		var err error
		if vals[i], err = it.New(i); err != nil {
			return err
		}
	}
	network, k, col, clock, laptop := vals[0].Text(), rowKey{vals[1].Text(), vals[2].Text()}, vals[3].Text(), vals[4].Int64(), vals[5].Text()
	addSpan(s.spans, laptop, clock)
	if col == existence {
		s.existence = append(s.existence, existenceVersion{k, clock, laptop, vals[8].Int64() != 0})
		return nil
	}
	if t, ok := tableNamed(k.table); ok && t.clocked && network == m.network && strings.HasSuffix(laptop, uniqueSuffix) {
		s.settled = append(s.settled, k)
	}
	return nil
}
