package gridsview

import (
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Each row's relevance note ("why it matters"), which the editor shows, is
// on the grid's slides too (issue 15, finding 4: the slide left it out).
func TestGridSlidesShowWhyItMatters(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	sheet, err := loadSheetForTest(v)
	if err != nil {
		t.Fatal(err)
	}
	var shown []string
	for _, gp := range gridPages(sheet) {
		shown = append(shown, slidefit.Texts(gridSlide(sheet, gp, widgets.SlideSize))...)
	}
	all := strings.Join(strings.Fields(strings.Join(shown, " ")), " ")
	notes := 0
	for _, pg := range sheet.Partners {
		for _, r := range pg.Rows {
			if note := strings.Join(strings.Fields(r.RelevanceNote), " "); note != "" {
				notes++
				if !strings.Contains(all, note) {
					t.Errorf("%s: the note %q is on no slide", pg.Heading(), note)
				}
			}
		}
	}
	if notes == 0 {
		t.Fatal("the demo's grids have no relevance notes: the test shows nothing")
	}
}
