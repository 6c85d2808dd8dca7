package study

import (
	"context"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
)

// Load reads from the store what a study is assembled from: the study,
// its network, sections, partners, matrix and roadmap. The caller may swap
// Sections for a snapshot's.
func Load(ctx context.Context, s *data.Store, studyID string) (Inputs, error) {
	var in Inputs
	var err error
	if in.Study, err = s.Study(ctx, studyID); err != nil {
		return in, err
	}
	if in.Network, err = s.Network(ctx, in.Study.NetworkID); err != nil {
		return in, err
	}
	if in.Sections, err = s.StudySections(ctx, studyID); err != nil {
		return in, err
	}
	if in.Matrix, err = matrix.Load(ctx, s, in.Study.NetworkID); err != nil {
		return in, err
	}
	r, err := roadmap.Load(ctx, s, in.Network) // reads the partners too
	in.Partners, in.Roadmap = r.Partners, roadmap.Build(r)
	return in, err
}
