package surveys

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

const academyCSV = "Timestamp,Your city,Main learning need,Topics,Rating,Three words\n" +
	"1,Genk,Youth,Trust;Budget,5,trust youth\n2,Gdańsk,Youth,Budget,4,trust\n3,Iași,Digital,Trust;Youth,2,dialogue trust\n"

func TestSurveyImportWizardAndResults(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	if !v.empty.Visible() {
		t.Fatal("no empty state without surveys")
	}
	path := filepath.Join(t.TempDir(), "academy.csv")
	os.WriteFile(path, []byte(academyCSV), 0o644)
	v.importPath(path)
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "Google Forms export") {
		t.Fatal("no preview")
	}
	// Leave "Three words" out.
	var sel *widget.Select
	if !scrollPreviewTo(d, func() (ok bool) {
		sel, ok = uitest.Find(d, func(s *widget.Select) bool { return s.Selected == "Word cloud" })
		return ok
	}) {
		t.Fatal("no kind chooser for the word cloud")
	}
	sel.SetSelected("Ignore")
	done := make(chan struct{})
	v.imported = func(data.Survey) { close(done) }
	test.Tap(uitest.ButtonIn(t, d, "Import"))
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not finish")
	}
	if len(v.surveys) != 1 || v.surveys[0].Respondents != 3 {
		t.Fatalf("surveys %+v", v.surveys)
	}
	if len(v.results.res.Questions) != 3 {
		t.Fatalf("results show %d questions, want 3 (one left out)", len(v.results.res.Questions))
	}
	if v.results.res.Questions[0].Options[0].Label != "Youth" || v.results.res.Questions[0].Options[0].Count != 2 {
		t.Fatalf("first question %+v", v.results.res.Questions[0])
	}
	v.results.partner.SetSelected("Genk")
	if v.results.res.PartnerID == "" || v.results.res.Questions[0].Respondents != 1 {
		t.Fatalf("partner filter: %+v", v.results.res.Questions[0])
	}
	// Importing the same file again asks what to do.
	v.importPath(path)
	if !uitest.TextIn(uitest.TopOverlay(sh), "was imported before") {
		t.Fatal("a re-import was not recognised")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Cancel"))
	// Present one question full screen, step, leave.
	v.results.present()
	if sh.Window().MainMenu() != nil {
		t.Fatal("the presenter shows the menu")
	}
	uitest.Key(sh, fyne.KeyRight)
	uitest.Key(sh, fyne.KeyEscape)
	if sh.Window().MainMenu() == nil {
		t.Fatal("Escape did not leave the presenter")
	}
}
