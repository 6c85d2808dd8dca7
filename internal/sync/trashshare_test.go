package sync

import (
	"context"
	"slices"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// A grid made on C under a meeting A deleted and a partner B deleted is in
// one trash entry on every laptop, whichever delete each met first (seed
// 1796289267627146986 of the three-laptop test: it went to the meeting's
// entry on A and to the partner's on B).
func TestARecordUnderTwoDeletedRecordsIsInOneEntryEverywhere(t *testing.T) {
	ctx := context.Background()
	a, b, c, network := threeLaptopsOfOneNetwork(t)
	meeting, partner := gridlessMeeting(c, network)
	g, err := c.st.SaveGrid(ctx, data.LearningGrid{MeetingID: meeting, PartnerID: partner, Rows: []data.GridRow{{Learning: "made on C"}}})
	if err != nil {
		t.Fatal(err)
	}
	c.sync(network)
	if _, err := a.st.DeleteMeeting(ctx, meeting); err != nil {
		t.Fatal(err)
	}
	if _, err := b.st.DeletePartner(ctx, partner); err != nil {
		t.Fatal(err)
	}
	a.sync(network)
	b.sync(network)
	// A meets the grid after its own delete and before B's; B the other way.
	for _, l := range []*testLaptop{a, b} {
		deliverFilesOf(t, c, l, c.laptopID())
		l.sync(network)
	}
	for range 3 { // then everything, until every laptop has sent what its merges changed
		deliverAll(t, a, b, c)
		for _, l := range []*testLaptop{a, b, c} {
			l.sync(network)
		}
	}
	for _, l := range []*testLaptop{a, b, c} {
		if n := entriesHolding(l, network, g.ID); n != "1" {
			t.Errorf("%s: %s trash entries hold the grid", l.name, n)
		}
	}
	sameEverywhere(t, network, a, b, c)
}

// A partner deleted on A and on B, where B had added a practice under it
// first: the practice is in one of the two entries on both laptops, with
// its sub-themes (seed 1796252816205839115: on one laptop the older entry
// held it too, on the other only the newer one).
func TestARecordUnderARecordDeletedTwiceIsInOneEntry(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	partner := a.query(`SELECT id FROM partners WHERE network_id = ? AND role = 'partner' ORDER BY id LIMIT 1`, network)
	sub := a.query(`SELECT s.id FROM sub_themes s JOIN themes t ON t.id = s.theme_id WHERE t.network_id = ? ORDER BY s.id LIMIT 1`, network)
	gp, err := b.st.CreateGoodPractice(ctx, data.GoodPractice{NetworkID: network, Title: "Made on B", OwnerPartnerID: partner, Description: "…", SubThemeIDs: []string{sub}})
	if err != nil {
		t.Fatal(err)
	}
	b.sync(network) // the practice goes out before B deletes the partner
	if _, err := a.st.DeletePartner(ctx, partner); err != nil {
		t.Fatal(err)
	}
	a.sync(network)
	deliver(t, b, a)
	a.sync(network) // A meets the practice as an orphan
	if _, err := b.st.DeletePartner(ctx, partner); err != nil {
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	exchange(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if n := entriesHolding(l, network, partner); n != "2" {
			t.Errorf("%s: %s trash entries hold the partner, want one of each laptop", l.name, n)
		}
		if n := entriesHolding(l, network, gp.ID); n != "1" {
			t.Errorf("%s: %s trash entries hold the practice", l.name, n)
		}
	}
	sameEverywhere(t, network, a, b)
	// Either entry may be restored first: the other brings back what it
	// holds beside the partner that is back already.
	practices := a.query(`SELECT count(*) FROM good_practices WHERE network_id = ?`, network)
	other := a.query(`SELECT id FROM trash WHERE network_id = ? AND instr(payload, ?) > 0 AND instr(payload, ?) = 0`, network, partner, gp.ID)
	entry := a.query(`SELECT id FROM trash WHERE network_id = ? AND instr(payload, ?) > 0`, network, gp.ID)
	for _, id := range []string{other, entry} {
		if _, err := a.st.RestoreTrash(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if got := l.query(`SELECT count(*) FROM good_practice_sub_themes WHERE good_practice_id = ?`, gp.ID); got != "1" {
			t.Errorf("%s: the restored practice has %s sub-themes", l.name, got)
		}
		if got := entriesHolding(l, network, partner); got != "0" {
			t.Errorf("%s: %s entries still hold the partner", l.name, got)
		}
		if got, was := l.query(`SELECT count(*) FROM good_practices WHERE network_id = ?`, network), practices; got <= was {
			t.Errorf("%s: %s practices after both restores, %s before: the partner's did not come back", l.name, got, was)
		}
	}
}

// A grid row dropped on A after B deleted its meeting (B had kept the grid
// and the row in the meeting's entry as records made under a record it had
// deleted) is gone everywhere: the drop is later than the delete, and no
// entry of A's holds the row (seed 1796303758496951148: B and C kept it in
// the entry, A's copy of the entry did not hold it).
func TestARowDroppedAfterItsParentsDeleteElsewhereLeavesTheEntry(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	meeting, partner := gridlessMeeting(a, network)
	if _, err := b.st.DeleteMeeting(ctx, meeting); err != nil {
		t.Fatal(err)
	}
	g, err := a.st.SaveGrid(ctx, data.LearningGrid{MeetingID: meeting, PartnerID: partner, Rows: []data.GridRow{{Learning: "kept"}, {Learning: "dropped on A"}}})
	if err != nil {
		t.Fatal(err)
	}
	a.sync(network)
	deliver(t, a, b)
	b.sync(network) // B keeps the grid and both rows in the meeting's entry
	if n := entriesHolding(b, network, "dropped on A"); n != "1" {
		t.Fatalf("B: %s entries hold the row before A drops it", n)
	}
	dropped := g.Rows[1].ID
	g.Rows = g.Rows[:1]
	if _, err := a.st.SaveGrid(ctx, g); err != nil {
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	exchange(t, network, a, b)
	wantHeld(t, network, dropped, "0", "the dropped row", a, b)
	wantHeld(t, network, g.ID, "1", "the grid", a, b)
	sameEverywhere(t, network, a, b)
}

// A grid made on A under a meeting B deleted went into the meeting's entry
// on A; A then deleted the grid's partner, and B restored the meeting
// without ever having had the grid. The grid ends in the partner's entry on
// both laptops, not lost on A with its copy of the meeting's entry (seed
// 1796303758496951148: a grid in the partner's entry on two laptops and in
// none on the third).
func TestARestoreElsewhereKeepsWhatTheEntryHeldHere(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	meeting, partner := gridlessMeeting(a, network)
	entry, err := b.st.DeleteMeeting(ctx, meeting)
	if err != nil {
		t.Fatal(err)
	}
	b.sync(network)
	g, err := a.st.SaveGrid(ctx, data.LearningGrid{MeetingID: meeting, PartnerID: partner, Rows: []data.GridRow{{Learning: "made on A"}}})
	if err != nil {
		t.Fatal(err)
	}
	deliver(t, b, a)
	a.sync(network) // the grid goes out, and into the meeting's entry here
	if _, err := a.st.DeletePartner(ctx, partner); err != nil {
		t.Fatal(err)
	}
	a.sync(network)
	if _, err := b.st.RestoreTrash(ctx, entry); err != nil {
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	exchange(t, network, a, b)
	wantHeld(t, network, g.ID, "1", "the grid", a, b)
	sameEverywhere(t, network, a, b)
}

// entriesHolding counts the trash entries of a network whose payload names
// an id (or holds a text).
func entriesHolding(l *testLaptop, network, id string) string {
	return l.query(`SELECT count(*) FROM trash WHERE network_id = ? AND instr(payload, ?) > 0`, network, id)
}

// wantHeld: on every laptop, want trash entries hold the record id.
func wantHeld(t *testing.T, network, id, want, what string, ls ...*testLaptop) {
	t.Helper()
	for _, l := range ls {
		if n := entriesHolding(l, network, id); n != want {
			t.Errorf("%s: %s trash entries hold %s, want %s", l.name, n, what, want)
		}
	}
}

// A meeting deleted on B, then on A (whose delete is the later), while C
// edits one of its grids: on A the grid leaves A's entry for B's (the lower
// id, settleSharedTrash), and C's edit then finds A's delete the latest with
// no entry of A's holding the grid. The grid was deleted into the trash with
// its meeting all the same, and stays in B's entry with C's edit on every
// laptop (seed 1796411544580334985: the grid and its rows lost on the laptop
// that deleted second).
func TestAGridMovedToAnotherEntryIsNotDroppedForGood(t *testing.T) {
	ctx := context.Background()
	a, b, c, network := threeLaptopsOfOneNetwork(t)
	grid := a.query(`SELECT g.id FROM learning_grids g JOIN meetings m ON m.id = g.meeting_id
		WHERE m.network_id = ? AND EXISTS (SELECT 1 FROM grid_rows r WHERE r.grid_id = g.id) ORDER BY g.id LIMIT 1`, network)
	meeting := a.query(`SELECT meeting_id FROM learning_grids WHERE id = ?`, grid)
	if _, err := b.st.DeleteMeeting(ctx, meeting); err != nil {
		t.Fatal(err)
	}
	b.sync(network)
	if _, err := a.st.DeleteMeeting(ctx, meeting); err != nil {
		t.Fatal(err)
	}
	c.sql(`UPDATE learning_grids SET theme_key = 'edited on C' WHERE id = ?`, grid)
	c.sync(network)
	deliver(t, b, a)
	a.sync(network) // A's delete goes out, later than B's; the grid moves to B's entry
	wantHeld(t, network, grid, "1", "the grid", a)
	deliver(t, c, a)
	a.sync(network) // C's edit of the grid
	for range 3 {
		deliverAll(t, a, b, c)
		for _, l := range []*testLaptop{a, b, c} {
			l.sync(network)
		}
	}
	for _, l := range []*testLaptop{a, b, c} {
		if n := entriesHolding(l, network, "edited on C"); n != "1" {
			t.Errorf("%s: %s entries hold the grid with C's edit, want 1", l.name, n)
		}
	}
	sameEverywhere(t, network, a, b, c)
}

// A grid made on A under a meeting B had deleted (B deleted it before it
// met the grid, then kept the grid and its rows in the meeting's entry,
// with no delete of its own of them); A drops a row of the grid, and B,
// not having seen that, restores the meeting. B's restore inserts the grid
// and the row with no version of their existence (on B they had never been
// deleted), and A, which met B's delete and then the restore, took the
// dropped row back as it came, and the grid without A's later edit, while
// on B the drop and the edit arrived after the restore and stood (seed
// 1796420253710872416: A held a grid row its versions say deleted, a
// grid's updated_at differed). With A deleting the grid's partner before
// the restore arrives, the grid comes to A as an orphan and the row went
// with it into A's entry of the partner, where droppedForGood took it for
// one of A's delete (the trash table differed). Every laptop ends with the
// drop standing, the grid as its versions say, and the same trash.
func TestARowDroppedWhileItsRestoreWasUnderWayStaysDropped(t *testing.T) {
	for _, partnerDeleted := range []bool{false, true} {
		t.Run(map[bool]string{false: "restore", true: "restore after the partner's delete"}[partnerDeleted], func(t *testing.T) {
			ctx := context.Background()
			a, b, network := twoLaptops(t)
			meeting := a.query(`SELECT id FROM meetings WHERE network_id = ? AND id NOT IN (SELECT meeting_id FROM learning_grids) ORDER BY id LIMIT 1`, network)
			partner := a.query(`SELECT id FROM partners WHERE network_id = ? AND role = 'partner' ORDER BY id LIMIT 1`, network)
			g, err := a.st.SaveGrid(ctx, data.LearningGrid{MeetingID: meeting, PartnerID: partner, Rows: []data.GridRow{{Learning: "kept"}, {Learning: "dropped on A"}}})
			if err != nil {
				t.Fatal(err)
			}
			a.sync(network)
			entry, err := b.st.DeleteMeeting(ctx, meeting)
			if err != nil {
				t.Fatal(err)
			}
			deliver(t, a, b)
			b.sync(network) // B's delete goes out without the grid, then the grid goes into B's entry
			if n := entriesHolding(b, network, "dropped on A"); n != "1" {
				t.Fatalf("B: %s entries hold the row before A drops it", n)
			}
			dropped := g.Rows[1].ID
			g.Rows = g.Rows[:1]
			if _, err := a.st.SaveGrid(ctx, g); err != nil {
				t.Fatal(err)
			}
			a.sync(network) // the drop goes out
			deliver(t, b, a)
			a.sync(network) // B's delete: the grid, without the row, into A's copy of the entry
			if partnerDeleted {
				if _, err := a.st.DeletePartner(ctx, partner); err != nil {
					t.Fatal(err)
				}
				a.sync(network)
			}
			if _, err := b.st.RestoreTrash(ctx, entry); err != nil {
				t.Fatal(err)
			}
			b.sync(network) // the restore goes out before B meets the drop
			deliver(t, b, a)
			a.sync(network) // B's restore, after A's drop
			exchange(t, network, a, b)
			exchange(t, network, a, b)
			for _, l := range []*testLaptop{a, b} {
				if got := l.query(`SELECT count(*) FROM grid_rows WHERE id = ?`, dropped); got != "0" {
					t.Errorf("%s: the dropped row is live", l.name)
				}
				checkWinners(t, l, network)
				checkLost(t, l, network)
			}
			wantHeld(t, network, dropped, "0", "the dropped row", a, b)
			if partnerDeleted {
				wantHeld(t, network, g.ID, "1", "the grid", a, b)
			}
			sameEverywhere(t, network, a, b)
		})
	}
}

// A grid made on A under a meeting B deleted (before B met the grid, which
// B then kept in the meeting's entry with no delete of its own); B restores
// the meeting and drops a row of the grid before its next sync. B's file
// holds neither the row's insert nor its delete, and A, whose copy of the
// entry held the row, brought it back with what the restore left out (seed
// 1796421560820256348: C ended with a grid row fewer than A and B). The
// drop stands on both laptops.
func TestARowDroppedAfterARestoreBeforeTheSyncStaysDropped(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	meeting, partner := gridlessMeeting(a, network)
	g, err := a.st.SaveGrid(ctx, data.LearningGrid{MeetingID: meeting, PartnerID: partner, Rows: []data.GridRow{{Learning: "kept"}, {Learning: "dropped on B"}}})
	if err != nil {
		t.Fatal(err)
	}
	a.sync(network)
	entry, err := b.st.DeleteMeeting(ctx, meeting)
	if err != nil {
		t.Fatal(err)
	}
	deliver(t, a, b)
	b.sync(network) // B's delete goes out without the grid, then the grid goes into B's entry
	deliver(t, b, a)
	a.sync(network) // the grid and its rows go into A's copy of the entry
	wantHeld(t, network, "dropped on B", "1", "the row", a, b)
	if _, err := b.st.RestoreTrash(ctx, entry); err != nil {
		t.Fatal(err)
	}
	bg, err := b.st.Grid(ctx, meeting, partner, "")
	if err != nil {
		t.Fatal(err)
	}
	dropped := g.Rows[1].ID
	bg.Rows = slices.DeleteFunc(bg.Rows, func(r data.GridRow) bool { return r.ID == dropped })
	if len(bg.Rows) != 1 {
		t.Fatalf("B: the restored grid has %d rows besides the one to drop", len(bg.Rows))
	}
	if _, err := b.st.SaveGrid(ctx, bg); err != nil {
		t.Fatal(err)
	}
	exchange(t, network, a, b)
	exchange(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if got := l.query(`SELECT count(*) FROM grid_rows WHERE id = ?`, dropped); got != "0" {
			t.Errorf("%s: the dropped row is live", l.name)
		}
		if got := l.query(`SELECT count(*) FROM grid_rows WHERE grid_id = ?`, g.ID); got != "1" {
			t.Errorf("%s: the grid has %s rows, want the one kept", l.name, got)
		}
		checkWinners(t, l, network)
		checkLost(t, l, network)
	}
	wantHeld(t, network, dropped, "0", "the dropped row", a, b)
	sameEverywhere(t, network, a, b)
}

// A meeting's entry that loses its grids (settleSharedTrash moving them to
// another entry, droppedForGood) and gains them back holds its tables in the
// order the delete wrote them, not the grids after the meeting's themes:
// a laptop whose copy never lost them holds the same entry (seed
// 1796422617753786131: one laptop held the grid before the meeting's
// themes, the others after).
func TestATableAddedToAnEntryGoesWhereTheDeleteWroteIt(t *testing.T) {
	ctx := context.Background()
	a, _, network := twoLaptops(t)
	meeting := a.query(`SELECT m.id FROM meetings m WHERE m.network_id = ?
		AND EXISTS (SELECT 1 FROM learning_grids g JOIN grid_rows r ON r.grid_id = g.id WHERE g.meeting_id = m.id)
		AND EXISTS (SELECT 1 FROM meeting_themes t WHERE t.meeting_id = m.id) ORDER BY m.id LIMIT 1`, network)
	if meeting == "" {
		t.Fatal("the demo network has no meeting with themes and a grid with rows")
	}
	entry, err := a.st.DeleteMeeting(ctx, meeting)
	if err != nil {
		t.Fatal(err)
	}
	payload := a.query(`SELECT payload FROM trash WHERE id = ?`, entry)
	counts := a.query(`SELECT counts FROM trash WHERE id = ?`, entry)
	rows, err := data.TrashRows(payload)
	if err != nil {
		t.Fatal(err)
	}
	var grids []data.TrashRow
	for _, r := range rows {
		if r.Table == "learning_grids" || r.Table == "grid_rows" {
			grids = append(grids, r)
		}
	}
	left, leftCounts, err := data.RemoveTrashRows(payload, counts, grids)
	if err != nil {
		t.Fatal(err)
	}
	c, err := readOnly(a.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	m := &merger{c: c, network: network, cols: columnCache{c: c, schema: "main"}}
	e := &trashEntry{id: entry, payload: left, counts: leftCounts}
	if err := m.addTo(e, grids); err != nil {
		t.Fatal(err)
	}
	if m.err != nil {
		t.Fatal(m.err)
	}
	tables := func(p string) []string {
		rs, err := data.TrashRows(p)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rs {
			if len(out) == 0 || out[len(out)-1] != r.Table {
				out = append(out, r.Table)
			}
		}
		return out
	}
	if e.payload != payload {
		t.Errorf("the entry holds its tables as %q after the grids came back, the delete wrote %q", tables(e.payload), tables(payload))
	}
	if e.counts != counts {
		t.Errorf("counts %s, the delete wrote %s", e.counts, counts)
	}
}

// A grid C made under a meeting that B then deleted without knowing it, and
// that C deleted and restored before it met B's delete: the grid is live
// everywhere, and B's entry of the meeting does not hold it, on B as well,
// which kept it there as made under the record it had deleted before C's
// restore brought it back (seed 1796413806483800352: B's entry held the
// grid on A and B, not on C, which met B's delete after its restore).
func TestAGridBackFromARestoreLeavesTheEntryThatOnlyKeptIt(t *testing.T) {
	ctx := context.Background()
	a, b, c, network := threeLaptopsOfOneNetwork(t)
	meeting, partner := gridlessMeeting(c, network)
	g, err := c.st.SaveGrid(ctx, data.LearningGrid{MeetingID: meeting, PartnerID: partner, Rows: []data.GridRow{{Learning: "made on C"}}})
	if err != nil {
		t.Fatal(err)
	}
	c.sync(network)
	if _, err := b.st.DeleteMeeting(ctx, meeting); err != nil { // B has not met the grid
		t.Fatal(err)
	}
	b.sync(network)
	entry, err := c.st.DeleteMeeting(ctx, meeting) // (an entry of a higher id than B's)
	if err != nil {
		t.Fatal(err)
	}
	c.sync(network)
	if _, err := c.st.RestoreTrash(ctx, entry); err != nil {
		t.Fatal(err)
	}
	c.sync(network)
	// B meets the grid after its delete (it keeps it in its entry), then
	// C's delete and restore; C meets B's delete after its restore.
	deliverFilesOf(t, c, b, c.laptopID())
	b.sync(network)
	deliverFilesOf(t, b, c, b.laptopID())
	c.sync(network)
	for range 3 {
		deliverAll(t, a, b, c)
		for _, l := range []*testLaptop{a, b, c} {
			l.sync(network)
		}
	}
	for _, l := range []*testLaptop{a, b, c} {
		if got := l.query(`SELECT count(*) FROM learning_grids WHERE id = ?`, g.ID); got != "1" {
			t.Errorf("%s: the restored grid is not live", l.name)
		}
		if n := entriesHolding(l, network, g.ID); n != "0" {
			t.Errorf("%s: %s trash entries hold the grid that is back", l.name, n)
		}
		if n := entriesHolding(l, network, meeting); n != "1" {
			t.Errorf("%s: %s trash entries hold the meeting, want B's", l.name, n)
		}
		checkWinners(t, l, network)
		checkLost(t, l, network)
	}
	sameEverywhere(t, network, a, b, c)
}

// gridlessMeeting is the first meeting of the network without a learning
// grid and its first partner (not the lead): where a test makes a grid.
func gridlessMeeting(l *testLaptop, network string) (meeting, partner string) {
	return l.query(`SELECT id FROM meetings WHERE network_id = ? AND id NOT IN (SELECT meeting_id FROM learning_grids) ORDER BY id LIMIT 1`, network),
		l.query(`SELECT id FROM partners WHERE network_id = ? AND role = 'partner' ORDER BY id LIMIT 1`, network)
}
