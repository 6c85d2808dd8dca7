package sync

import (
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"zombiezen.com/go/sqlite"
)

// trashedBy adds to toTrash the records held by the trash entries a
// changeset makes or changes (sent.trash). The sending laptop built such an entry from
// what it had seen: a change it had not yet received (an edit made on a
// third laptop) is missing from it, and when the entry's rows here match
// the sender's, the session extension applies the delete as it came, with
// no conflict that would patch it; nor does a record kept here from the
// delete (keepInTrash) replace the row the entry holds already. Patching
// every such record with its winning versions makes the entry depend only
// on the set of versions, not on the order files arrived in.
func (m *merger) trashedBy(ids []string, toTrash map[rowKey]bool) error {
	m.trashChanged = m.trashChanged || len(ids) > 0
	for _, id := range ids {
		var payload string
		if err := each(m.c, `SELECT payload FROM trash WHERE id = ?`, func(s *sqlite.Stmt) error {
			payload = s.ColumnText(0)
			return nil
		}, id); err != nil {
			return err
		}
		if payload == "" { // (not here: refused or held back)
			continue
		}
		recs, err := data.TrashRecords(payload)
		if err != nil {
			return err
		}
		for _, r := range recs {
			toTrash[rowKey{r[0], r[1]}] = true
		}
	}
	return nil
}
