package surveys

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// corpus is the survey package's synthetic exports.
const corpus = "../../survey/testdata/corpus/"

// A Mentimeter file of three sessions: the preview offers them merged, one
// by one or each as its own survey, tells the reactions it leaves out and
// the rule behind each kind; "each" makes three surveys.
func TestPreviewSessionsEachItsOwnSurvey(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	v.importPath(corpus + "menti-sessions.xlsx")
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "Mentimeter export") || !uitest.TextIn(d, "reactions to content slides are not imported") {
		t.Fatal("no Mentimeter preview with its reactions")
	}
	if !scrollPreviewTo(d, func() bool { return uitest.TextIn(d, "in order and with those nobody chose, from the Session sheets") }) {
		t.Fatal("the preview does not say why a slide is a choice")
	}
	sel, ok := uitest.Find(d, func(s *widget.Select) bool { return s.Selected == allSessions })
	if !ok {
		t.Fatal("no session choice")
	}
	if len(sel.Options) != 5 { // merged, each, sessions 1–3
		t.Fatalf("session choices %q", sel.Options)
	}
	sel.SetSelected(eachSessions)
	done := make(chan struct{})
	v.imported = func(data.Survey) { close(done) }
	test.Tap(uitest.ButtonIn(t, d, "Import"))
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		uitest.Walk(uitest.TopOverlay(sh), func(c fyne.CanvasObject) bool {
			if l, ok := c.(*widget.Label); ok {
				t.Log(l.Text)
			}
			return true
		})
		t.Fatal("the import did not finish")
	}
	if len(v.surveys) != 3 {
		t.Fatalf("surveys %+v, want one per session", v.surveys)
	}
}

// Where the Voters and Session sheets disagree, the preview says by how much.
func TestPreviewSaysWhereSheetsDisagree(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	v.importPath(corpus + "menti-disagree.xlsx")
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "disagree on 1 option;") || !uitest.TextIn(d, "(-1)") {
		t.Fatal("the preview does not tell the disagreement")
	}
	if _, ok := uitest.Find(d, func(s *widget.Select) bool { return s.Selected == allSessions }); ok {
		t.Fatal("a session choice for a file of one session")
	}
}

// A Mentimeter file without its Voters sheet: the preview says it holds
// counts per question only and how many took part at least; once
// imported, the results say so, list the open answers the file gave and
// offer no partner filter (no answer is tied to a city).
func TestImportWithoutVotersShowsCountsOnly(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	v.importPath(corpus + "menti-no-voters.xlsx")
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "No Voters sheet: counts per question only, no per-respondent answers, no city.") || !uitest.TextIn(d, "at least 28 respondents") {
		t.Fatal("the preview does not say the file holds counts only")
	}
	if !uitest.TextIn(d, "e.g. Genk · Gdańsk · Iași") {
		t.Fatal("the preview shows no options of the Session sheets")
	}
	done := make(chan data.Survey, 1)
	v.imported = func(sv data.Survey) { done <- sv }
	test.Tap(uitest.ButtonIn(t, d, "Import"))
	var sv data.Survey
	select {
	case sv = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not finish")
	}
	if !sv.CountsOnly || sv.Respondents != 28 {
		t.Fatalf("imported %+v", sv)
	}
	if got := v.results.heading.Text; got != "Menti no voters — at least 28 respondents (counts only)" {
		t.Fatalf("heading %q", got)
	}
	if !uitest.TextIn(v.results.body, "Multiple choice · 27 answered") || uitest.TextIn(v.results.body, "skipped") {
		t.Fatal("the results do not show the answered without a skipped")
	}
	if !uitest.TextIn(v.results.body, "“A toolkit for co-design”") || !uitest.TextIn(v.results.body, "Who pays for the study visits?") {
		t.Fatal("the results lack the listed answers or the audience's questions")
	}
	if !uitest.TextIn(v.list, "at least 28 respondents (counts only) · Mentimeter") {
		t.Fatal("the survey list does not say the survey holds counts only")
	}
	if !v.results.partner.Disabled() {
		t.Fatal("a partner filter for a survey without respondents' cities")
	}
}
