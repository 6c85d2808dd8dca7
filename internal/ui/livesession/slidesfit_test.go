package livesession

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit/slidetest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidesheet"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// startSurvey runs a live session of the survey a template CSV of rows
// (kind, prompt, options…) makes, drawn only by the test.
func startSurvey(t *testing.T, rows [][]string) *Run {
	t.Helper()
	sh := quietShell(t)
	var b strings.Builder
	b.WriteString("kind,prompt")
	for i := range 12 {
		fmt.Fprintf(&b, ",option %d", i+1)
	}
	for _, r := range rows {
		b.WriteString("\n" + strings.Join(r, ","))
	}
	path := filepath.Join(t.TempDir(), "stress.csv")
	if err := os.WriteFile(path, []byte(b.String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sv, err := survey.ImportTemplate(sh.Ctx(), sh.Store(), sh.Network().ID, path, "Stress survey of the live presenter")
	if err != nil {
		t.Fatal(err)
	}
	return startOn(t, sh, sv)
}

// longOptions are n options of 80 characters each, made of whole words.
func longOptions(n int) []string {
	var out []string
	for i := range n {
		out = append(out, slidetest.Words(fmt.Sprintf("Option %02d:", i+1), 80))
	}
	return out
}

// longAnswer is an open answer of 500 characters of whole words.
var longAnswer = slidetest.Words("Our youth council meets the mayor every month and", 500)

// The live presenter's every view, at the projector's, the laptop's and
// the small beamer's size, with the demo survey and a stress survey, read
// back with Fyne's own text measurement: no text is cut or overlaps
// another, none is below the Floor, and every option and answer is on
// some page (the keys Down and Up reach every page).
func TestLiveSlidesFit(t *testing.T) {
	t.Run("demo", func(t *testing.T) {
		l := startForTest(t)
		checkView(t, l, "options before the vote", l.se.Questions[0].Options)
		uitest.Key(l.sh, fyne.Key1)
		checkView(t, l, "countdown", l.se.Questions[0].Options)
		uitest.Key(l.sh, fyne.KeyX)
		uitest.Key(l.sh, fyne.KeyRight)
		uitest.Key(l.sh, fyne.KeyRight) // scales
		post(t, joined(t, l), l, "vote", map[string][]string{"q": {"2"}, "v0": {"4"}, "v1": {"2"}, "v2": {"5"}})
		post(t, joined(t, l), l, "vote", map[string][]string{"q": {"2"}, "v0": {"3"}, "v1": {"1"}})
		l.refresh()
		checkView(t, l, "scale distribution", l.se.Questions[2].Options)
		uitest.Key(l.sh, fyne.KeyRight) // the word cloud
		post(t, joined(t, l), l, "vote", map[string][]string{"q": {"3"}, "v": {"trust", "youth", "budgets"}})
		l.refresh()
		checkView(t, l, "cloud", []string{"trust", "youth", "budgets"})
		uitest.Key(l.sh, fyne.KeyRight) // open answers
		answers := []string{longAnswer, "Start small: one street, one question, and report back what changed.", "Nothing, sorry."}
		for _, a := range answers {
			post(t, joined(t, l), l, "vote", map[string][]string{"q": {"4"}, "v": {a}})
		}
		l.refresh()
		checkView(t, l, "open answers", answers)
		uitest.Key(l.sh, fyne.KeyRight) // the ranking, unanswered
		checkView(t, l, "ranking", l.se.Questions[5].Options)
		uitest.Key(l.sh, fyne.KeyQ)
		asked := []string{"Who pays for the study visits?", "Can the ULG coordinators meet online between the meetings?"}
		for _, q := range asked {
			post(t, joined(t, l), l, "ask", map[string][]string{"text": {q}})
		}
		l.refresh()
		checkView(t, l, "Q&A", asked)
	})
	t.Run("stress", func(t *testing.T) {
		opts := longOptions(12)
		l := startSurvey(t, [][]string{
			append([]string{"single", slidetest.Words("Which of these twelve long options should the network take up first?", 120)}, opts...),
			append([]string{"scales 1-5", "How confident is your city in each of these?"}, opts[:8]...),
			append([]string{"ranking", "Rank the options"}, opts...),
			{"open", "What should partners learn from your city?"},
		})
		uitest.Key(l.sh, fyne.Key2)
		checkView(t, l, "stress options before the vote", opts)
		uitest.Key(l.sh, fyne.KeyX)
		uitest.Key(l.sh, fyne.KeyRight)
		for v := range 5 {
			form := map[string][]string{"q": {"1"}}
			for i := range 8 {
				form[fmt.Sprintf("v%d", i)] = []string{fmt.Sprint((i+v)%5 + 1)}
			}
			post(t, joined(t, l), l, "vote", form)
		}
		l.refresh()
		checkView(t, l, "stress scale distribution", opts[:8])
		uitest.Key(l.sh, fyne.KeyRight)
		checkView(t, l, "stress ranking", opts)
		uitest.Key(l.sh, fyne.KeyRight)
		var answers []string
		for i := range 40 {
			a := slidetest.Words(fmt.Sprintf("Answer %02d:", i+1), 40+(i*37)%160)
			if i == 7 {
				a = longAnswer
			}
			answers = append(answers, a)
			post(t, joined(t, l), l, "vote", map[string][]string{"q": {"3"}, "v": {a}})
		}
		l.refresh()
		checkView(t, l, "stress open answers", answers)
	})
}

// checkView reads every page of the slide shown at each size (reached
// with the key Down, back with Up) and fails for a text cut, overlapping,
// below the Floor or into the join column, and for a want that is on no
// page.
func checkView(t *testing.T, l *Run, name string, want []string) {
	t.Helper()
	for _, size := range slidetest.Sizes {
		var seen []string
		l.view.Resize(size)
		for l.page > 0 {
			uitest.Key(l.sh, fyne.KeyUp)
		}
		for page := 0; ; page++ {
			o := l.render(size)
			o.Resize(size)
			where := fmt.Sprintf("%s at %.0f×%.0f, page %d of %d", name, size.Width, size.Height, page+1, l.pages)
			for i, p := range ownEllipsisAside(l, slidefit.Problems(o)) {
				if i == 6 {
					t.Errorf("%s: … and more", where)
					break
				}
				t.Errorf("%s: %s", where, p)
			}
			readSlide(t, o, size, where)
			seen = append(seen, strings.Join(slidefit.Texts(o), " "))
			if !uitest.TextIn(l.view, pageLine(l)) { // what the window shows is the page drawn here
				t.Errorf("%s: the window does not show %q", where, pageLine(l))
			}
			if l.page == l.pages-1 {
				break
			}
			uitest.Key(l.sh, fyne.KeyDown)
			if l.page != page+1 {
				t.Fatalf("%s: Down went to page %d", where, l.page+1)
			}
		}
		t.Logf("%s at %.0f×%.0f: %d pages", name, size.Width, size.Height, len(seen))
		all := strings.Join(seen, " ")
		for _, w := range want {
			if !strings.Contains(all, strings.Join(strings.Fields(w), " ")) {
				t.Errorf("%s at %.0f×%.0f: %q is on no page", name, size.Width, size.Height, w)
			}
		}
		if size == slidetest.Sizes[0] {
			snapSlide(t, l, name)
		}
	}
}

// ownEllipsisAside leaves out the problem of an ellipsis that a
// question's prompt has of its own ("How confident is your city in…").
func ownEllipsisAside(l *Run, problems []string) []string {
	var out []string
	for _, p := range problems {
		own := false
		for _, q := range l.se.Questions {
			own = own || (strings.Contains(q.Prompt, "…") && p == fmt.Sprintf("%q is cut with an ellipsis", q.Prompt))
		}
		if !own {
			out = append(out, p)
		}
	}
	return out
}

// pageLine is the first text of the slide that only this page has: its
// "Page n of m", or the key hint on a slide of one page.
func pageLine(l *Run) string {
	if l.pages > 1 {
		return fmt.Sprintf("Page %d of %d", l.page+1, l.pages)
	}
	return keysHint()
}

// readSlide fails for a text below the Floor or from the left column
// into the join column.
func readSlide(t *testing.T, o fyne.CanvasObject, size fyne.Size, where string) {
	t.Helper()
	s := slidesheet.NewSheet(size)
	edge := s.DX + (leftColumn.X+leftColumn.W)*s.Scale + 1
	uitest.Walk(o, func(c fyne.CanvasObject) bool {
		x, ok := c.(*canvas.Text)
		if !ok || x.Text == "" {
			return true
		}
		if units := x.TextSize / s.Scale; units < slidesheet.Floor-0.01 {
			t.Errorf("%s: %q is %.1f units, below the Floor %.1f", where, x.Text, units, slidesheet.Floor)
		}
		if x.Position().X < s.DX+joinColumn.X*s.Scale && x.Position().X+fyne.MeasureText(x.Text, x.TextSize, x.TextStyle).Width > edge {
			t.Errorf("%s: %q runs into the join column", where, x.Text)
		}
		return true
	})
}

// snapSlide keeps the first page at 1920×1080 and 1366×768 as PNG when
// LIVE_PNG names a folder.
func snapSlide(t *testing.T, l *Run, name string) {
	for l.page > 0 {
		uitest.Key(l.sh, fyne.KeyUp)
	}
	snap(t, l, strings.ReplaceAll(name, " ", "-"))
}

// The review saw the slide's type shrink when the countdown started: its
// row is kept from the start, so the options keep their size and place.
func TestTheCountdownDoesNotMoveTheResults(t *testing.T) {
	l := startForTest(t)
	option := l.se.Questions[0].Options[0]
	before := placed(t, l, sizes[1], option)
	uitest.Key(l.sh, fyne.Key2)
	if !slideHas(l, "Voting closes in") {
		t.Fatal("no countdown on the slide")
	}
	if after := placed(t, l, sizes[1], option); after != before {
		t.Fatalf("the countdown moved the option from %+v to %+v", before, after)
	}
}

// place is where a text is drawn and how large.
type place struct{ size, x, y float32 }

// placed is where the slide drawn at size shows the (first line of) text.
func placed(t *testing.T, l *Run, size fyne.Size, text string) place {
	t.Helper()
	var p place
	uitest.Walk(l.render(size), func(o fyne.CanvasObject) bool {
		if x, ok := o.(*canvas.Text); ok && p.size == 0 && x.Text != "" && strings.HasPrefix(text, x.Text) {
			p = place{x.TextSize, x.Position().X, x.Position().Y}
		}
		return true
	})
	if p.size == 0 {
		t.Fatalf("%q is not on the slide", text)
	}
	return p
}

// The review pressed R and the slide's type jumped: hiding the results
// made the options larger and moved them. The results' room is kept, so
// the question and its options, statements or items stay as they were.
func TestHidingTheResultsKeepsTheQuestionStill(t *testing.T) {
	l := startForTest(t)
	for _, qi := range []int{0, 2, 5} { // a single choice, scales, a ranking
		for l.se.State().Question < qi {
			uitest.Key(l.sh, fyne.KeyRight)
		}
		q := l.se.Questions[qi]
		texts := []string{q.Prompt, q.Options[0], q.Options[len(q.Options)-1]}
		for _, size := range sizes {
			var shown []place
			for _, text := range texts {
				shown = append(shown, placed(t, l, size, text))
			}
			uitest.Key(l.sh, fyne.KeyR)
			if l.se.State().ShowResults {
				t.Fatal("R did not hide the results")
			}
			for i, text := range texts {
				if hidden := placed(t, l, size, text); hidden != shown[i] {
					t.Errorf("question %d at %v: hiding the results moved %q from %+v to %+v", qi+1, size, text, shown[i], hidden)
				}
			}
			if size == sizes[0] {
				snap(t, l, fmt.Sprintf("results-hidden-q%d", qi+1))
			}
			uitest.Key(l.sh, fyne.KeyR)
		}
	}
}
