package sync

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// stopSyncAt makes the next sync stop at point as a crash there would
// (returning an error, leaving what a crash leaves), once.
func stopSyncAt(t *testing.T, point string) {
	t.Helper()
	stopAt = func(p string) error {
		if p != point {
			return nil
		}
		stopAt = nil
		return errors.New("stopped at " + p)
	}
	t.Cleanup(func() { stopAt = nil })
}

// syncStopped runs a sync that must stop at the point the test chose.
func (l *testLaptop) syncStopped(network, point string) {
	l.t.Helper()
	_, err := Run(context.Background(), l.st, l.folder, network)
	if err == nil || !strings.Contains(err.Error(), "stopped at "+point) {
		l.t.Fatalf("%s: the sync did not stop at %s: %v", l.name, point, err)
	}
}

// The app dies after this laptop's changeset is in the folder and before
// its number is recorded: the next sync finds the file its own (the
// intent beside the database), records it and goes on — also when another
// laptop applied the file meanwhile.
func TestASyncStoppedBetweenTheFileAndItsNumberGoesOn(t *testing.T) {
	for _, delivered := range []bool{false, true} {
		a, b, network := twoLaptops(t)
		id := a.query(`SELECT id FROM partners WHERE network_id = ? ORDER BY id LIMIT 1`, network)
		a.sql(`UPDATE partners SET country = 'before the stop' WHERE id = ?`, id)
		stopSyncAt(t, "changeset written")
		a.syncStopped(network, "changeset written")
		if delivered {
			deliver(t, a, b)
			if r := b.sync(network); r.Files != 1 || len(r.Refused) > 0 {
				t.Fatalf("B took the file of the stopped sync: %+v", r)
			}
		}
		a.sql(`UPDATE partners SET region = 'after the stop' WHERE id = ?`, id)
		r := a.sync(network)
		if r.Written == "" || !strings.HasSuffix(r.Written, "00000003.changeset") {
			t.Fatalf("delivered %v: A wrote %q after the stop, want its changeset 3", delivered, r.Written)
		}
		exchange(t, network, a, b)
		sameEverywhere(t, network, a, b)
		if got := b.query(`SELECT country || '/' || region FROM partners WHERE id = ?`, id); got != "before the stop/after the stop" {
			t.Errorf("delivered %v: B has %q", delivered, got)
		}
		for _, l := range []*testLaptop{a, b} {
			if c := l.conflicts(network); len(c) != 0 {
				t.Errorf("delivered %v: %s: conflicts %q", delivered, l.name, c)
			}
		}
	}
}

// The app dies after the number is recorded and before the snapshot is
// renamed: the next sync takes the snapshot that was ready and sends
// nothing twice.
func TestASyncStoppedBeforeItsSnapshotSendsNothingTwice(t *testing.T) {
	a, b, network := twoLaptops(t)
	id := a.query(`SELECT id FROM partners WHERE network_id = ? ORDER BY id LIMIT 1`, network)
	a.sql(`UPDATE partners SET country = 'before the stop' WHERE id = ?`, id)
	stopSyncAt(t, "seq committed")
	a.syncStopped(network, "seq committed")
	if r := a.sync(network); r.Written != "" {
		t.Errorf("A wrote %s again with nothing changed", r.Written)
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	if got := b.query(`SELECT country FROM partners WHERE id = ?`, id); got != "before the stop" {
		t.Errorf("B has %q", got)
	}
}

// The app dies after a merge and before its snapshot is renamed: the next
// sync sends none of what it merged back as this laptop's.
func TestASyncStoppedBeforeTheMergedSnapshotSendsNothingBack(t *testing.T) {
	a, b, network := twoLaptops(t)
	id := a.query(`SELECT id FROM partners WHERE network_id = ? ORDER BY id LIMIT 1`, network)
	a.sql(`UPDATE partners SET country = 'from A' WHERE id = ?`, id)
	a.sync(network)
	deliver(t, a, b)
	stopSyncAt(t, "merged snapshot taken")
	b.syncStopped(network, "merged snapshot taken")
	if r := b.sync(network); r.Written != "" {
		t.Errorf("B sent back what it merged: %s", r.Written)
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if c := l.conflicts(network); len(c) != 0 {
			t.Errorf("%s: conflicts %q", l.name, c)
		}
	}
}

// What a merge deletes by cascade (a partner's matrix cells and actions)
// reaches the snapshot too: the next sync sends nothing back.
func TestAMergedCascadeReachesTheSnapshot(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	partner := a.query(`SELECT p.id FROM partners p WHERE p.network_id = ? AND p.role = 'partner'
		AND EXISTS (SELECT 1 FROM matrix_cells c WHERE c.partner_id = p.id) ORDER BY p.id LIMIT 1`, network)
	if partner == "" {
		t.Fatal("no partner with matrix cells in the demo network")
	}
	if _, err := a.st.DeletePartner(ctx, partner); err != nil {
		t.Fatal(err)
	}
	a.sync(network)
	deliver(t, a, b)
	if r := b.sync(network); r.Files != 1 {
		t.Fatalf("B merged %+v", r)
	}
	if n := b.query(`SELECT count(*) FROM matrix_cells WHERE partner_id = ?`, partner); n != "0" {
		t.Fatalf("B keeps %s cells of the deleted partner", n)
	}
	if r := b.sync(network); r.Written != "" {
		t.Errorf("B sent back what the merge deleted: %s (%d changes)", r.Written, r.Sent)
	}
}
