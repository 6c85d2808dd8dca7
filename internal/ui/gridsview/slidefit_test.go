package gridsview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit/slidetest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// Every grid slide reads whole at the three sizes, as the editor's columns
// under its headings: the demo meeting's grids, and a meeting where 12
// partners filled 8 long rows each.
func TestGridSlidesReadWhole(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	demo, err := loadSheetForTest(v)
	if err != nil {
		t.Fatal(err)
	}
	n := slidetest.StressNetwork(t, sh.Store())
	stress, err := grids.Load(sh.Ctx(), sh.Store(), n, slidetest.StressGrids(t, sh.Store(), n))
	if err != nil {
		t.Fatal(err)
	}
	if len(demo.Partners) == 0 || len(stress.Partners) != 12 {
		t.Fatalf("%d demo grids, %d stress grids", len(demo.Partners), len(stress.Partners))
	}
	// A meeting where one partner wrote one row and the others eight long
	// ones: its slide has room for larger type, but the deck keeps one size.
	mixed := stress
	mixed.Partners = append([]grids.PartnerGrid(nil), stress.Partners...)
	mixed.Partners[0].Rows = mixed.Partners[0].Rows[:1]
	for name, sheet := range map[string]grids.Sheet{"demo": demo, "stress": stress, "mixed": mixed} {
		slides := func(size fyne.Size) []fyne.CanvasObject {
			var out []fyne.CanvasObject
			for _, gp := range gridPages(sheet) {
				out = append(out, gridSlide(sheet, gp, size))
			}
			return out
		}
		var want []string
		for _, pg := range sheet.Partners {
			want = append(want, pg.Heading())
			for _, r := range pg.Rows {
				want = append(want, grids.Cells(r)...) // every column the editor shows
			}
		}
		slidetest.CheckWhole(t, "grid-"+name, want, slides)
		slidetest.OneSize(t, "grid-"+name, func(s string) bool { return s == grids.Columns[0] }, slides)
		for _, size := range slidetest.Sizes {
			for i, o := range slides(size) {
				if heads := strings.Join(slidefit.Texts(o), " "); !strings.Contains(heads, strings.Join(grids.Columns, " ")) {
					t.Errorf("grid-%s %d at %v: the slide does not head the editor's columns: %s", name, i+1, size, heads)
				} else if !strings.Contains(strings.Join(strings.Fields(heads), " "), grids.RelevanceNote) {
					t.Errorf("grid-%s %d at %v: the slide does not say what IAP 1–5 means: %s", name, i+1, size, heads)
				}
			}
		}
	}
}
