package pdfdoc

import (
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/paper"
)

// Every PDF started here (the survey report's too) is on the app's paper.
func TestPDFsAreOnTheChosenPaper(t *testing.T) {
	t.Cleanup(func() { paper.SetDefault("") })
	for _, p := range paper.Sizes {
		paper.SetDefault(p)
		pdf := New("P", "Survey", "Survey", NotoSans())
		pdf.AddPage()
		w, h := pdf.GetPageSize()
		if ww, wh := p.MM(); w != ww || h != wh {
			t.Errorf("on %s the page is %.1f × %.1f mm, want %.1f × %.1f", p, w, h, ww, wh)
		}
	}
}
