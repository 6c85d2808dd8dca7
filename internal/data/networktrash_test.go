package data_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

func TestADeletedNetworkIsHiddenThenBackWhole(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	ms, _ := s.Milestones(ctx, n.ID)
	inner, err := s.DeleteMilestone(ctx, ms[0].ID) // the network's own trash goes and comes back with it
	if err != nil {
		t.Fatal(err)
	}
	before := dump(t, db)
	other, err := s.CreateNetwork(ctx, data.Network{Name: "Second"})
	if err != nil {
		t.Fatal(err)
	}
	trashID, err := s.DeleteNetwork(ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ns, _ := s.Networks(ctx); len(ns) != 1 || ns[0].ID != other.ID {
		t.Fatalf("networks after the delete: %+v", ns)
	}
	if _, err := s.Network(ctx, n.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Network of a deleted network: %v", err)
	}
	if _, err := s.NetworkByName(ctx, n.Name); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("NetworkByName of a deleted network: %v", err)
	}
	del, err := s.DeletedNetworks(ctx)
	if err != nil || len(del) != 1 || del[0].ID != trashID || del[0].Kind != data.TrashNetwork || del[0].Label != "network '"+n.Name+"'" {
		t.Fatalf("deleted networks: %+v, %v", del, err)
	}
	if del[0].Counts["partners"] == 0 || del[0].Summary() == "" {
		t.Errorf("the entry counts %v (%q)", del[0].Counts, del[0].Summary())
	}
	if _, err := s.RestoreTrash(ctx, trashID); err != nil {
		t.Fatal(err)
	}
	after := dump(t, db)
	delete(after, "networks") // the second network is new; compare the rest row by row
	wantRest := before
	delete(wantRest, "networks")
	sameDump(t, "after the restore", after, wantRest)
	if got, err := s.Network(ctx, n.ID); err != nil || got.Name != n.Name {
		t.Fatalf("restored network: %+v, %v", got, err)
	}
	if items, _ := s.Trash(ctx, n.ID); len(items) != 1 || items[0].ID != inner {
		t.Errorf("the network's own trash after the restore: %+v", items)
	}
}

func TestADeletedNetworkIsNotRestoredOverANewOneOfTheSameName(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	trashID, err := s.DeleteNetwork(ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateNetwork(ctx, data.Network{Name: n.Name}); err != nil {
		t.Fatal(err)
	}
	var ce *data.ConstraintError
	if _, err := s.RestoreTrash(ctx, trashID); !errors.As(err, &ce) {
		t.Fatalf("restore over a same-named network: %v", err)
	}
	if del, _ := s.DeletedNetworks(ctx); len(del) != 1 {
		t.Errorf("the refused entry is gone: %+v", del)
	}
}

func TestADeletedNetworkIsPurgedForGoodAfterThirtyDays(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	db := side(t, s)
	if _, err := s.DeleteNetwork(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.PurgeTrash(ctx, time.Now().Add(data.TrashKeep-time.Hour)); err != nil || got != 0 {
		t.Fatalf("purged %d before 30 days (%v)", got, err)
	}
	if got, err := s.PurgeTrash(ctx, time.Now().Add(data.TrashKeep+time.Hour)); err != nil || got != 1 {
		t.Fatalf("purged %d after 30 days (%v)", got, err)
	}
	for _, table := range []string{"networks", "partners", "trash", "surveys", "themes"} {
		if left := one[int](t, db, `SELECT COUNT(*) FROM `+table); left != 0 {
			t.Errorf("%d rows left in %s after the purge", left, table)
		}
	}
}
