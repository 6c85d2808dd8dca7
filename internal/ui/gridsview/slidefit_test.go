package gridsview

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit/slidetest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// Every grid slide reads whole at the three sizes: the demo meeting's
// grids, and a meeting where 12 partners filled 8 long rows each.
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
	for name, sheet := range map[string]grids.Sheet{"demo": demo, "stress": stress} {
		slidetest.CheckPages(t, "grid-"+name, gridPages(sheet), func(gp gridPage, size fyne.Size) fyne.CanvasObject {
			return gridSlide(sheet, gp, size)
		})
	}
}
