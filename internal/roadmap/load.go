package roadmap

import (
	"context"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Load reads what a network's roadmap is drawn from.
func Load(ctx context.Context, s *data.Store, n data.Network) (Inputs, error) {
	in := Inputs{Network: n}
	var err error
	if in.Meetings, err = s.Meetings(ctx, n.ID); err != nil {
		return in, err
	}
	if in.Partners, err = s.Partners(ctx, n.ID); err != nil {
		return in, err
	}
	if in.Milestones, err = s.Milestones(ctx, n.ID); err != nil {
		return in, err
	}
	in.Actions, err = s.NetworkActions(ctx, n.ID)
	return in, err
}
