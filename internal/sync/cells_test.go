package sync

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// One matrix cell (a partner × a sub-theme) made on two laptops is one
// cell: the sync merges the two records into the one made first, its
// state the later of the two, on every laptop; nothing is refused.
func TestOneMatrixCellMadeOnTwoLaptopsIsMerged(t *testing.T) {
	ctx := context.Background()
	a, b, network := twoLaptops(t)
	pair := a.query(`SELECT p.id || '|' || s.id FROM partners p JOIN themes t ON t.network_id = p.network_id JOIN sub_themes s ON s.theme_id = t.id
		WHERE p.network_id = ? AND NOT EXISTS (SELECT 1 FROM matrix_cells c WHERE c.partner_id = p.id AND c.sub_theme_id = s.id) ORDER BY 1 LIMIT 1`, network)
	partner, subTheme := pair[:36], pair[37:]
	for _, x := range []struct {
		l     *testLaptop
		state string
	}{{a, data.CellKnowledgeNeed}, {b, data.CellGoodPractice}} { // B's later
		if _, err := x.l.st.SetMatrixCell(ctx, data.MatrixCell{PartnerID: partner, SubThemeID: subTheme, State: x.state}); err != nil {
			t.Fatal(err)
		}
		pastClockOf(t, x.l) // B's edit later than A's: in the same millisecond A's counter could be ahead
	}
	ids := []string{a.query(`SELECT id FROM matrix_cells WHERE partner_id = ? AND sub_theme_id = ?`, partner, subTheme),
		b.query(`SELECT id FROM matrix_cells WHERE partner_id = ? AND sub_theme_id = ?`, partner, subTheme)}
	for i := 0; i < 2; i++ {
		for _, l := range []*testLaptop{a, b} {
			if r := l.sync(network); len(r.Refused) > 0 {
				t.Fatalf("%s refused %+v", l.name, r.Refused)
			}
		}
		deliver(t, a, b)
		deliver(t, b, a)
	}
	exchange(t, network, a, b)
	sameEverywhere(t, network, a, b)
	for _, l := range []*testLaptop{a, b} {
		if got := l.query(`SELECT group_concat(id || ' ' || state) FROM matrix_cells WHERE partner_id = ? AND sub_theme_id = ?`, partner, subTheme); got != min(ids[0], ids[1])+" "+data.CellGoodPractice {
			t.Errorf("%s: cells %q, want the first made (%s) with B's later state", l.name, got, min(ids[0], ids[1]))
		}
	}
}

// pastClockOf waits until the wall clock is past l's clock (milliseconds
// times 1000 plus a counter), so that another laptop's next edit is later
// by the clock whatever l's counter reached within its millisecond.
func pastClockOf(t *testing.T, l *testLaptop) {
	t.Helper()
	clock, err := strconv.ParseInt(l.query(`SELECT clock FROM sync_laptop`), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	for time.Now().UnixMilli() <= clock/1000 {
		time.Sleep(time.Millisecond)
	}
}
