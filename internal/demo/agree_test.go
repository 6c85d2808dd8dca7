package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/assets"
)

// The demo's practices and matrix are one truth: a partner's practice
// serves exactly the sub-themes of the cells that name it, and the matrix
// the store holds after loading is the file's, cell for cell.
func TestDemoPracticesAndMatrixAgree(t *testing.T) {
	var f file
	if err := json.NewDecoder(bytes.NewReader(assets.DemoNetwork)).Decode(&f); err != nil {
		t.Fatal(err)
	}
	fromPractices, fromCells := map[string]bool{}, map[string]bool{}
	for _, gp := range f.GoodPractices {
		if gp.OwnerPartner == "" {
			continue // outside practices are the Outside column
		}
		for _, st := range gp.SubThemes {
			fromPractices[gp.OwnerPartner+" × "+st+": "+gp.Title] = true
		}
	}
	want := map[string]string{}
	for _, c := range f.Matrix {
		for _, title := range c.Practices {
			fromCells[c.Partner+" × "+c.SubTheme+": "+title] = true
		}
		want[c.Partner+" × "+c.SubTheme] = fmt.Sprint(c.State, c.Practices)
		if len(c.Practices) > 0 && c.State != "gp" && c.State != "gp_kn" {
			t.Errorf("%s × %s names practices but is %s", c.Partner, c.SubTheme, c.State)
		}
	}
	for k := range fromPractices {
		if !fromCells[k] {
			t.Errorf("practice %s: its cell does not name it", k)
		}
	}
	for k := range fromCells {
		if !fromPractices[k] {
			t.Errorf("cell %s: the practice does not list the sub-theme", k)
		}
	}

	ctx := context.Background()
	s := openStore(t)
	res, err := Load(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	cells, err := s.MatrixCells(ctx, res.Network.ID)
	if err != nil {
		t.Fatal(err)
	}
	partners, _ := s.Partners(ctx, res.Network.ID)
	themes, _ := s.Themes(ctx, res.Network.ID)
	gps, _ := s.GoodPractices(ctx, res.Network.ID)
	name := map[string]string{}
	for _, p := range partners {
		name[p.ID] = p.Name
	}
	for _, th := range themes {
		for _, st := range th.SubThemes {
			name[st.ID] = st.Number
		}
	}
	for _, gp := range gps {
		name[gp.ID] = gp.Title
	}
	got := map[string]string{}
	for _, c := range cells {
		var titles []string
		for _, id := range c.PracticeIDs {
			titles = append(titles, name[id])
		}
		got[name[c.PartnerID]+" × "+name[c.SubThemeID]] = fmt.Sprint(c.State, titles)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: stored %q, the file says %q", k, got[k], w)
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: stored %q, the file has no such cell", k, g)
		}
	}
	if len(got) != len(want) || len(want) == 0 {
		t.Errorf("%d cells stored, %d in the file", len(got), len(want))
	}
}
