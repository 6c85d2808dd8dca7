package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// A network cannot be given another network's name, whatever its capitals.
func TestUpdateNetworkRefusesATakenName(t *testing.T) {
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	if _, err := s.CreateNetwork(ctx, data.Network{Name: "Cities of Water"}); err != nil {
		t.Fatal(err)
	}
	n.Name = "cities of WATER"
	var ce *data.ConstraintError
	if err := s.UpdateNetwork(ctx, n); !errors.As(err, &ce) || !strings.Contains(ce.Msg, "already called") {
		t.Fatalf("renaming to a taken name: %v", err)
	}
	n.Name = "Cities of Fire"
	if err := s.UpdateNetwork(ctx, n); err != nil {
		t.Fatal(err)
	}
}
