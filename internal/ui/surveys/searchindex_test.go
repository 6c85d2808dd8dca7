package surveys

import (
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// After an import has been reported, its answers are indexed for search
// by a second job, with no dialog.
func TestImportedAnswersBecomeSearchable(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	importForTest(t, sh, "needs.csv", needsCSV)
	if d := uitest.TopOverlay(sh); d != nil && uitest.TextIn(d, "ndexing") {
		t.Error("the indexing shows a dialog")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		ids, err := sh.Store().SurveysToIndex(sh.Ctx())
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the imported survey's answers were not indexed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	hits, _, err := sh.Store().Search(sh.Ctx(), sh.Network().ID, "youth councils that last")
	var answers []data.SearchHit
	for _, h := range hits {
		if h.Kind == data.SearchAnswer {
			answers = append(answers, h)
		}
	}
	if err != nil || len(answers) != 1 || answers[0].Respondent != 1 {
		t.Errorf("youth councils that last: %+v %v", hits, err)
	}
}
