package demo

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/study/outline"
)

func openStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestLoadCreatesTheReferenceNetworkOnce(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	res, err := Load(ctx, s)
	if err != nil || !res.Created {
		t.Fatalf("first load: %+v %v", res, err)
	}
	partners, err := s.Partners(ctx, res.Network.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(partners) != 9 {
		t.Fatalf("%d partners, want 9", len(partners))
	}
	genk := partners[0]
	if genk.Name != "Genk" || !genk.IsLead() || genk.Country != "Belgium" || *genk.Population != 67614 || *genk.UnemploymentRate != 38.1 || *genk.CivilServants != 1138 {
		t.Fatalf("Genk: %+v", genk)
	}
	iasi, err := s.PartnerByName(ctx, res.Network.ID, "IASI")
	if err != nil || iasi.Name != "Iași" || *iasi.Population != 393574 || *iasi.UnemploymentRate != 3.03 || *iasi.YouthUnemploymentRate != 0.75 {
		t.Fatalf("Iași: %+v %v", iasi, err)
	}
	themes, err := s.Themes(ctx, res.Network.ID)
	if err != nil {
		t.Fatal(err)
	}
	subs := 0
	for _, th := range themes {
		subs += len(th.SubThemes)
	}
	if len(themes) != 4 || subs != 16 {
		t.Fatalf("%d themes, %d sub-themes; want 4 and 16", len(themes), subs)
	}
	cells, err := s.MatrixCells(ctx, res.Network.ID)
	if err != nil || len(cells) == 0 {
		t.Fatalf("%d matrix cells (%v)", len(cells), err)
	}
	gps, err := s.GoodPractices(ctx, res.Network.ID)
	if err != nil {
		t.Fatal(err)
	}
	outside := map[string]bool{}
	for _, gp := range gps {
		if gp.IsOutside() {
			outside[gp.OutsideCity] = true
		}
	}
	for _, city := range []string{"Louisville", "Bogotá", "Espoo"} {
		if !outside[city] {
			t.Errorf("no outside good practice from %s (have %v)", city, outside)
		}
	}
	meetings, err := s.Meetings(ctx, res.Network.ID)
	if err != nil {
		t.Fatal(err)
	}
	cnm := map[string]bool{}
	for _, m := range meetings {
		if m.Kind == data.MeetingCoreNetwork {
			cnm[m.Title] = true
		}
	}
	for i := 1; i <= 6; i++ {
		if title := "Core Network Meeting " + string(rune('0'+i)); !cnm[title] {
			t.Errorf("missing %s", title)
		}
	}

	before, _ := s.NetworkFigures(ctx, res.Network.ID)
	again, err := Load(ctx, s)
	if err != nil || again.Created || again.Network.ID != res.Network.ID {
		t.Fatalf("second load: %+v %v, want the same network, not created", again, err)
	}
	after, _ := s.NetworkFigures(ctx, res.Network.ID)
	if before != after {
		t.Fatalf("second load changed the figures: %+v → %+v", before, after)
	}
	if ns, _ := s.Networks(ctx); len(ns) != 1 {
		t.Fatalf("%d networks after two loads", len(ns))
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}

// The demo has filled grids of Core Network Meeting 2 for two partners,
// whose actions were reviewed at Core Network Meeting 3.
func TestDemoGridsAndReviews(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	res, err := Load(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	meetings, _ := s.Meetings(ctx, res.Network.ID)
	id := map[string]string{}
	for _, m := range meetings {
		id[m.Title] = m.ID
	}
	for _, name := range []string{"Genk", "Gdańsk"} {
		p, _ := s.PartnerByName(ctx, res.Network.ID, name)
		g, err := s.Grid(ctx, id["Core Network Meeting 2"], p.ID, "")
		if err != nil || len(g.Rows) != 3 {
			t.Fatalf("%s's grid: %+v %v", name, g, err)
		}
		items, err := s.ActionsToReview(ctx, p.ID, id["Core Network Meeting 3"])
		reviewed := 0
		for _, it := range items {
			if it.Row.ReviewedMeeting == id["Core Network Meeting 3"] {
				reviewed++
			}
		}
		if err != nil || len(items) < 2 || reviewed < 2 {
			t.Fatalf("%s's actions at Core Network Meeting 3: %+v %v", name, items, err)
		}
	}
}

func TestDemoStudyIsDraftedFromTheOutlineOnce(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	res, err := Load(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	studies, err := s.Studies(ctx, res.Network.ID)
	if err != nil || len(studies) != 1 {
		t.Fatalf("studies %+v %v", studies, err)
	}
	sections, _ := s.StudySections(ctx, studies[0].ID)
	want := outline.Default()
	written := map[string]int{}
	for i, sec := range sections {
		if sec.Title != want[i].Title || sec.Kind != want[i].Kind {
			t.Fatalf("section %d is %q (%s), the outline has %q (%s)", i, sec.Title, sec.Kind, want[i].Title, want[i].Kind)
		}
		if sec.Body != "" {
			written[sec.Status]++
		}
	}
	if len(sections) != len(want) || written[data.StatusDraft] == 0 || written[data.StatusInReview] == 0 || written[data.StatusFinal] == 0 {
		t.Fatalf("%d sections; written ones by status %v", len(sections), written)
	}
	if snaps, _ := s.Snapshots(ctx, studies[0].ID); len(snaps) != 1 || snaps[0].Name != "Draft sent to the partners" {
		t.Fatalf("snapshots %+v", snaps)
	}
}

// Names are spelt as the partners spell them: Budaörs's practice is
// "Budaörs Community", whatever Table 1 of the study printed.
func TestDemoSpellsBudaörs(t *testing.T) {
	raw, err := os.ReadFile("../../assets/demo/network.json")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "Budörs") {
		t.Error("the demo misspells Budaörs as Budörs")
	}
}
