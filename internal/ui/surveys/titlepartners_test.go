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

// Importing a question template asks for its title — the file name,
// made readable, selected so that typing replaces it — and a meeting.
func TestTemplateImportAsksTitleAndMeeting(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	v.importPath("../../../assets/examples/survey-template.csv")
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "New survey from survey-template.csv") {
		t.Fatal("the template was imported without asking for its title")
	}
	title := uitest.FocusedEntry(sh)
	if title == nil || title.Text != "Survey template" || title.SelectedText() != "Survey template" {
		t.Fatalf("the title field should have the focus with the file name selected: %+v", title)
	}
	test.Type(title, "CNM2 live")
	sel, ok := uitest.Find(d, func(s *widget.Select) bool { return s.Selected == noMeeting })
	if !ok {
		t.Fatal("no meeting choice")
	}
	sel.SetSelectedIndex(2)
	meeting := sel.Selected
	test.Tap(uitest.ButtonIn(t, d, "Create"))
	if len(v.surveys) != 1 || v.surveys[0].Title != "CNM2 live" {
		t.Fatalf("surveys %+v", v.surveys)
	}
	m, err := sh.Store().MeetingByIDOrTitle(sh.Ctx(), sh.Network().ID, v.surveys[0].MeetingID)
	if err != nil || m.Title+" · "+m.StartDate != meeting {
		t.Fatalf("the survey's meeting %+v (%v), chosen %q", m, err, meeting)
	}
}

// A survey whose respondents name their city shows how many answered from
// each partner, on the results screen and as the presenter's first slide;
// the preview asks for the title with the file name selected.
func TestResultsShowRespondentsPerPartner(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	path := filepath.Join(t.TempDir(), "cities.csv")
	os.WriteFile(path, []byte("Timestamp,Which city do you represent?,Need\n1,Genk,Trust\n2,Genk,Youth\n3,Gotham,Trust\n"), 0o644)
	v.importPath(path)
	d := uitest.TopOverlay(sh)
	if title := uitest.FocusedEntry(sh); title == nil || title.SelectedText() != "Cities" {
		t.Fatalf("the preview's title should have the focus with the file name selected: %+v", title)
	}
	done := make(chan struct{})
	v.imported = func(data.Survey) { close(done) }
	test.Tap(uitest.ButtonIn(t, d, "Import"))
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not finish")
	}
	if o := uitest.TopOverlay(sh); o != nil && uitest.TextIn(o, "Some cities are no partner") {
		test.Tap(uitest.ButtonIn(t, o, "OK"))
	}
	body := v.results.body
	if !uitest.TextIn(body, "Respondents per partner") || !uitest.TextIn(body, "3 respondents · 1 matched to no partner") || !uitest.TextIn(body, "2 · 66.7 %") {
		t.Fatal("the results do not say how many answered per partner")
	}
	v.results.present()
	if !uitest.TextIn(sh.Window().Canvas().Content(), "Respondents per partner") {
		t.Fatal("the presenter's first slide is not the respondents per partner")
	}
	uitest.Key(sh, fyne.KeyRight)
	if !uitest.TextIn(sh.Window().Canvas().Content(), "1 / 1") {
		t.Fatal("the next slide is not the first question")
	}
	uitest.Key(sh, fyne.KeyEscape)
}
