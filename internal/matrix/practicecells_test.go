package matrix

import (
	"context"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Peer learning reads the matrix, so it follows the catalogue at once: a
// practice of Osijek ticked for 2.2 closes the gap Genk's need left there
// and makes Osijek a helper.
func TestPeerLearningFollowsThePractices(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	n, err := s.CreateNetwork(ctx, data.Network{Name: "Gaps"})
	if err != nil {
		t.Fatal(err)
	}
	osijek, _ := s.SavePartner(ctx, data.Partner{NetworkID: n.ID, Name: "Osijek", Position: 0})
	genk, _ := s.SavePartner(ctx, data.Partner{NetworkID: n.ID, Name: "Genk", Position: 1})
	var th data.Theme
	if err := s.Update(ctx, func(tx *data.Tx) error {
		th, err = tx.CreateTheme(data.Theme{NetworkID: n.ID, Number: "2", Title: "Public space",
			SubThemes: []data.SubTheme{{Number: "2.1", Title: "Squares"}, {Number: "2.2", Title: "Parks"}}})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	sub22 := th.SubThemes[1]
	if _, err := s.SetMatrixCell(ctx, data.MatrixCell{PartnerID: genk.ID, SubThemeID: sub22.ID, State: KnowledgeNeed}); err != nil {
		t.Fatal(err)
	}
	peers := func() PeerLearning {
		t.Helper()
		m, err := Load(ctx, s, n.ID)
		if err != nil {
			t.Fatal(err)
		}
		return m.PeerLearning()
	}
	if pl := peers(); len(pl.Gaps) != 1 || pl.Gaps[0].Row.SubTheme.ID != sub22.ID {
		t.Fatalf("before: gaps %+v, want 2.2", pl.Gaps)
	}
	gp, err := s.CreateGoodPractice(ctx, data.GoodPractice{NetworkID: n.ID, Title: "Pocket parks", OwnerPartnerID: osijek.ID, SubThemeIDs: []string{sub22.ID}})
	if err != nil {
		t.Fatal(err)
	}
	pl := peers()
	if len(pl.Gaps) != 0 {
		t.Errorf("after ticking 2.2: gaps %+v, want none", pl.Gaps)
	}
	if len(pl.Needs) != 1 || len(pl.Needs[0].Helpers) != 1 || pl.Needs[0].Helpers[0].ID != osijek.ID {
		t.Errorf("after ticking 2.2: needs %+v, want Genk helped by Osijek", pl.Needs)
	}
	if len(pl.Pairs) != 1 || pl.Pairs[0].Host.ID != osijek.ID || pl.Pairs[0].Learner.ID != genk.ID {
		t.Errorf("pairs %+v, want Genk learning from Osijek", pl.Pairs)
	}
	gp.SubThemeIDs = nil
	if err := s.UpdateGoodPractice(ctx, gp); err != nil {
		t.Fatal(err)
	}
	if pl := peers(); len(pl.Gaps) != 1 {
		t.Errorf("after unticking: gaps %+v, want 2.2 again", pl.Gaps)
	}
}
