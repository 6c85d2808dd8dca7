package roadmap

import (
	"context"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

func TestDemoRoadmap(t *testing.T) {
	s, n := testkit.DemoStore(t)
	ctx := context.Background()
	ms, _ := s.Meetings(ctx, n.ID)
	ps, _ := s.Partners(ctx, n.ID)
	genk := ps[0]
	// The demo has two ULG meetings per partner (February and June 2024); add two more for Genk.
	s.Update(ctx, func(tx *data.Tx) error {
		for _, day := range []string{"2024-02-10", "2024-06-20"} {
			if _, err := tx.CreateMeeting(data.Meeting{NetworkID: n.ID, Kind: data.MeetingULG, Title: "ULG Genk " + day, StartDate: day, HostIDs: []string{genk.ID}}); err != nil {
				return err
			}
		}
		return nil
	})
	ms, _ = s.Meetings(ctx, n.ID)
	r := Build(n, ms, ps)
	if len(r.Months) != 24 || r.Months[0].Format("2006-01") != "2023-11" || r.Months[23].Format("2006-01") != "2025-10" {
		t.Fatalf("months %d from %v", len(r.Months), r.Months[0])
	}
	cnm := r.Rows[0]
	if cnm.Label != "Core Network Meetings" || len(cnm.Cells[4]) != 1 || cnm.Cells[4][0] != "Core Network Meeting 2" { // 2024-03
		t.Fatalf("CNM row %+v", cnm.Cells[:6])
	}
	ulg := r.Rows[len(groups)]
	if !strings.HasPrefix(ulg.Label, "ULG meetings – Genk (4 of 8)") || len(ulg.Cells[3]) != 2 || len(ulg.Cells[7]) != 2 {
		t.Fatalf("Genk's ULG row %q %+v", ulg.Label, ulg.Cells)
	}
	if len(r.Rows) != len(groups)+9 || !strings.Contains(r.Rows[len(r.Rows)-1].Label, "(2 of 8)") {
		t.Fatalf("%d rows, last %q", len(r.Rows), r.Rows[len(r.Rows)-1].Label)
	}
}
