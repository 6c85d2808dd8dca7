package search_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/search"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// openHit searches for typed (its first three words: each letter typed
// searches again), moves with ↓ to the hit of this kind and id and opens
// it with Enter, as the user would.
func openHit(t *testing.T, sh *shell.Shell, typed, kind, id string) {
	t.Helper()
	words := strings.Fields(typed)
	typed = strings.Join(words[:min(3, len(words))], " ")
	sd := search.Open(sh, "")
	typeIn(sh, typed)
	for range len(sd.Rows()) {
		if h := sd.Selected(); h != nil && h.Kind == kind && h.ID == id {
			break
		}
		uitest.Key(sh, fyne.KeyDown)
	}
	if h := sd.Selected(); h == nil || h.Kind != kind || h.ID != id {
		t.Fatalf("%q: ↓ never reached the %s %s among %q", typed, kind, id, sd.Rows())
	}
	uitest.Key(sh, fyne.KeyReturn)
	if uitest.TopOverlay(sh) != nil {
		t.Fatalf("%q: the search (or a question) is still open after Enter", typed)
	}
}

// must is the value of a store read that cannot fail here (a failure
// fails the test).
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// Every kind of hit opens its place: the area comes up with the record
// selected (or, for the kinds without a selection, set apart).
func TestEnterOpensThePlaceOfEveryKind(t *testing.T) {
	sh := uitest.NewShell(t, true, ui.Areas()...)
	st, ctx, net := sh.Store(), sh.Ctx(), sh.Network().ID
	onScreen := func(area string) {
		t.Helper()
		if sh.CurrentView() != uitest.Open[shell.View](t, sh, area) {
			t.Fatalf("the %s area is not on screen", area)
		}
	}

	t.Run("sub-theme", func(t *testing.T) {
		themes := must(st.Themes(ctx, net))
		sub := themes[len(themes)-1].SubThemes[0]
		openHit(t, sh, sub.Title, data.SearchSubTheme, sub.ID)
		onScreen("themes")
		uitest.EntryWithText(t, sh.Content(), sub.Title)
	})
	t.Run("meeting", func(t *testing.T) {
		ms := must(st.Meetings(ctx, net))
		m := ms[len(ms)-1]
		openHit(t, sh, m.Title, data.SearchMeeting, m.ID)
		onScreen("roadmap")
		uitest.EntryWithText(t, sh.Content(), m.Title)
	})
	partners := must(st.Partners(ctx, net))
	t.Run("learning need", func(t *testing.T) {
		themes := must(st.Themes(ctx, net))
		n := must(st.CreateLearningNeed(ctx, data.LearningNeed{NetworkID: net, PartnerID: partners[len(partners)-1].ID,
			SubThemeID: themes[0].SubThemes[0].ID, Priority: 1, Text: "Learn how Quart de Poblet runs its youth council"}, false))
		openHit(t, sh, "quart youth council", data.SearchNeed, n.ID)
		onScreen("needs")
		if _, ok := uitest.Find(sh.Content(), func(l *widget.Label) bool {
			return strings.Contains(l.Text, n.Text) && l.Importance == widget.HighImportance
		}); !ok {
			t.Error("the need's line is not set apart on screen")
		}
	})
	t.Run("grid row", func(t *testing.T) {
		var row data.GridRow
		for _, m := range must(st.Meetings(ctx, net)) {
			for _, g := range must(st.MeetingGrids(ctx, m.ID)) {
				for _, r := range g.Rows {
					if r.Learning != "" && g.PartnerID != partners[0].ID {
						row = r
					}
				}
			}
		}
		if row.ID == "" {
			t.Fatal("the demo has no grid row of a partner but the first")
		}
		openHit(t, sh, row.Learning, data.SearchGridRow, row.ID)
		onScreen("grids")
		if e := uitest.FocusedEntry(sh); e == nil || e.Text != row.Learning {
			t.Errorf("the cursor is in %v, want the row %q", e, row.Learning)
		}
	})
	t.Run("action", func(t *testing.T) {
		var a data.PlanAction
		var owner data.Partner
		for _, p := range partners[1:] { // not the first: the table shown at first
			if as := must(st.Actions(ctx, p.ID)); len(as) > 0 && a.ID == "" {
				a, owner = as[len(as)-1], p
			}
		}
		if a.ID == "" {
			t.Fatal("no partner but the first has an action in the demo")
		}
		openHit(t, sh, a.Title, data.SearchAction, a.ID)
		onScreen("actions")
		uitest.EntryWithText(t, sh.Content(), a.Title)
		if !uitest.TextIn(sh.Content(), owner.Name) {
			t.Error("the action's partner is not chosen")
		}
	})
	t.Run("study section", func(t *testing.T) {
		studies := must(st.Studies(ctx, net))
		var sec data.Section
		var word string
		for _, s := range must(st.StudySections(ctx, studies[0].ID)) {
			for _, w := range strings.Fields(s.Body) {
				if len(w) >= 9 && strings.Trim(w, ".,;:()*#") == w && word == "" && !strings.Contains(s.Title, w) {
					sec, word = s, w
				}
			}
		}
		if word == "" {
			t.Fatal("no study section with a long word in its text")
		}
		openHit(t, sh, strings.ToLower(word[:7]), data.SearchSection, sec.ID)
		onScreen("study")
		e := uitest.FocusedEntry(sh)
		if e == nil || !e.MultiLine || !strings.EqualFold(e.SelectedText()[:min(7, len(e.SelectedText()))], word[:7]) {
			t.Fatalf("focused %v, want the body of %q with a word starting %q selected", e, sec.Title, word[:7])
		}
	})
	t.Run("survey answer", func(t *testing.T) {
		sv := answeredSurvey(t, sh)
		openHit(t, sh, "zeppelin", data.SearchAnswer, sv.ID)
		onScreen("surveys")
		if !uitest.TextIn(sh.Content(), sv.Title+" — 3 respondents") {
			t.Error("the survey's results are not shown")
		}
		if _, ok := uitest.FindEntry(sh.Content(), func(e *widget.Entry) bool { return e.Text == "zeppelin" }); !ok {
			uitest.Walk(sh.Content(), func(o fyne.CanvasObject) bool {
				if l, ok := o.(*widget.Label); ok {
					t.Log(l.Text)
				}
				return true
			})
			t.Error("the question's answers are not searched for the words")
		}
		if !uitest.TextIn(sh.Content(), "a visit to the zeppelin hangar") {
			t.Error("the answer is not on screen")
		}
		if _, ok := uitest.Find(sh.Content(), func(s *container.Scroll) bool { return s.Offset.Y > 0 }); !ok {
			t.Error("the results are not scrolled to the second question")
		}
	})
}

// answeredSurvey imports a survey of three respondents, a rating before
// the open question, and indexes its answers for search.
func answeredSurvey(t *testing.T, sh *shell.Shell) data.Survey {
	t.Helper()
	csv := filepath.Join(t.TempDir(), "after-iasi.csv")
	if err := os.WriteFile(csv, []byte("Timestamp,Your city,Rating,What did you learn at the meeting?\n"+
		"1,Genk,5,Trust takes time\n2,Gdańsk,4,Budgets and a visit to the zeppelin hangar\n3,Iași,3,Youth councils\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sv, _, err := survey.Import(sh.Ctx(), sh.Store(), sh.Network().ID, csv, survey.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := sh.Store().IndexSurveyAnswers(sh.Ctx(), sv.ID); err != nil {
		t.Fatal(err)
	}
	return sv
}
