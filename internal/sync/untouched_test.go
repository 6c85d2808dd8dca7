package sync

import "testing"

// A record saved as it was (a form saved unchanged, a cell set to the
// state it had) moves no column and makes no version: after a sync both
// laptops hold the same record, clock and all, and nothing waits to be
// sent (the three-laptop test's seed 1796249981177158857 ended with two
// clocks for one matrix cell).
func TestARecordSavedUnchangedLeavesTheLaptopsAlike(t *testing.T) {
	a, b, network := twoLaptops(t)
	cell := a.query(`SELECT c.id FROM matrix_cells c JOIN partners p ON p.id = c.partner_id WHERE p.network_id = ? ORDER BY c.id LIMIT 1`, network)
	before := a.query(`SELECT updated_clock FROM matrix_cells WHERE id = ?`, cell)
	a.sql(`UPDATE matrix_cells SET noted = noted WHERE id = ?`, cell)
	if a.query(`SELECT updated_clock FROM matrix_cells WHERE id = ?`, cell) == before {
		t.Fatal("the save did not move the record's clock: the test no longer tries what it should")
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	if got := a.query(`SELECT updated_clock FROM matrix_cells WHERE id = ?`, cell); got != before {
		t.Errorf("A: the cell's clock is %s after the sync, %s before the save", got, before)
	}
	if r := a.sync(network); r.Written != "" {
		t.Errorf("A wrote %s after the exchange: the save still waits to be sent", r.Written)
	}
}
