package livesession

import (
	"fmt"
	"image/png"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidesheet"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// startForTest runs a session of the template survey that only the test
// draws (the follow loop sleeps).
func startForTest(t *testing.T) *Run {
	t.Helper()
	sh := quietShell(t)
	return startOn(t, sh, templateSurvey(t, sh))
}

// quietShell is a shell on the demo network whose live sessions only the
// test draws: the follow loop sleeps.
func quietShell(t *testing.T) *shell.Shell {
	t.Helper()
	sh := uitest.NewShell(t, true)
	every := followEvery
	followEvery = time.Hour
	t.Cleanup(func() { followEvery = every })
	return sh
}

// startOn runs sv's session on sh on loopback, stopped when the test ends.
func startOn(t *testing.T, sh *shell.Shell, sv data.Survey) *Run {
	t.Helper()
	l, err := Start(sh, sv, "127.0.0.1:0", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(l.stop)
	return l
}

func post(t *testing.T, phone *http.Client, l *Run, path string, form url.Values) {
	t.Helper()
	resp, err := phone.PostForm(l.URL()+path, form)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("%s: %v %v", path, resp, err)
	}
	resp.Body.Close()
}

// tap presses a button of the controls window.
func tap(t *testing.T, l *Run, label string) {
	t.Helper()
	test.Tap(uitest.ButtonIn(t, l.ctl.win.Content(), label))
}

// nothingCrossesIntoTheJoinColumn fails when a text of the left column
// reaches the join column, measured as Fyne draws it, at size.
func nothingCrossesIntoTheJoinColumn(t *testing.T, l *Run, size fyne.Size) {
	t.Helper()
	s := slidesheet.NewSheet(size)
	limit := s.DX + (leftColumn.X+leftColumn.W)*s.Scale + 1
	uitest.Walk(l.render(size), func(o fyne.CanvasObject) bool {
		if x, ok := o.(*canvas.Text); ok && x.Position().X < s.DX+joinColumn.X*s.Scale {
			w := fyne.MeasureText(x.Text, x.TextSize, x.TextStyle).Width
			if x.Position().X+w > limit {
				t.Errorf("at %v, %q runs to %.0f, past the left column's edge %.0f", size, x.Text, x.Position().X+w, limit)
			}
		}
		return true
	})
}

var sizes = []fyne.Size{fyne.NewSize(1920, 1080), fyne.NewSize(1366, 768)}

// snap writes the presenter at size as a PNG when LIVE_PNG names a folder
// (to look at; the screenshots of record are taken under Xvfb).
func snap(t *testing.T, l *Run, name string) {
	dir := os.Getenv("LIVE_PNG")
	if dir == "" {
		return
	}
	for _, size := range sizes {
		c := software.NewCanvas()
		c.SetPadded(false)
		c.SetContent(l.render(size))
		c.Resize(size)
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%.0fx%.0f.png", name, size.Width, size.Height)))
		if err != nil {
			t.Fatal(err)
		}
		png.Encode(f, c.Capture())
		f.Close()
	}
}

func TestOptionsShowBeforeTheFirstVoteAndNothingRunsOverTheCode(t *testing.T) {
	l := startForTest(t)
	for _, o := range l.se.Questions[0].Options {
		if !slideHas(l, o) {
			t.Fatalf("option %q is not on the slide before any vote", o)
		}
	}
	if n := countTexts(l, "0 · 0 %"); n != 4 {
		t.Fatalf("%d options show 0 before any vote, want 4", n)
	}
	snap(t, l, "options-before-vote")
	tap(t, l, "Next")
	tap(t, l, "Next") // scales
	post(t, joined(t, l), l, "vote", url.Values{"q": {"2"}, "v0": {"4"}, "v1": {"2"}, "v2": {"5"}})
	post(t, joined(t, l), l, "vote", url.Values{"q": {"2"}, "v0": {"5"}, "v1": {"2"}})
	l.refresh()
	if !slideHas(l, "mean 4.50 · median 4.5 · 2 answers") || !slideHas(l, "mean 5.00 · median 5 · 1 answer") {
		t.Fatal("the scale's statistics are not on the slide")
	}
	snap(t, l, "scale-distribution")
	for _, size := range sizes {
		nothingCrossesIntoTheJoinColumn(t, l, size)
	}
	tap(t, l, "Next") // the word cloud
	for _, words := range []string{"trust youth trust", "trust budgets the", "youth Trust"} {
		post(t, joined(t, l), l, "vote", url.Values{"q": {"3"}, "v": strings.Fields(words)})
	}
	l.refresh()
	if !slideHas(l, "trust") || !slideHas(l, "youth") || countTexts(l, "the") > 0 {
		t.Fatal("the cloud's words, without stop-words, are not on the slide")
	}
	snap(t, l, "word-cloud")
	l.ctl.hide.SetText("Youth, budgets")
	tap(t, l, "Apply the filter")
	if slideHas(l, "youth") || !slideHas(l, "trust") || len(l.se.State().Filter.Hide) != 2 {
		t.Fatalf("the word filter did not take words out of the cloud: %+v", l.se.State().Filter)
	}
	for _, size := range sizes {
		noTextsOverlap(t, l, size)
	}
}

// countTexts counts the drawn texts that are exactly s.
func countTexts(l *Run, s string) int {
	n := 0
	uitest.Walk(l.render(widgets.SlideSize), func(o fyne.CanvasObject) bool {
		if x, ok := o.(*canvas.Text); ok && x.Text == s {
			n++
		}
		return true
	})
	return n
}

func TestLockCountdownAndResultsControls(t *testing.T) {
	l := startForTest(t)
	tap(t, l, "Lock")
	if st := l.se.State(); !st.Locked || st.Open || !slideHas(l, "Locked · 0 answers") {
		t.Fatalf("after Lock: %+v", st)
	}
	tap(t, l, "Reopen")
	if st := l.se.State(); st.Locked || !st.Open {
		t.Fatalf("after Reopen: %+v", st)
	}
	tap(t, l, "30 s")
	if st := l.se.State(); time.Until(st.Deadline) < 28*time.Second || time.Until(st.Deadline) > 30*time.Second {
		t.Fatalf("the 30 s countdown ends at %v", st.Deadline)
	}
	if !slideHas(l, "Voting closes in 0:30") && !slideHas(l, "Voting closes in 0:29") {
		t.Fatal("the countdown is not on the slide")
	}
	snap(t, l, "countdown")
	l.ctl.custom.SetText("1:30")
	tap(t, l, "Start")
	if d := time.Until(l.se.State().Deadline); d < 88*time.Second || d > 90*time.Second {
		t.Fatalf("a custom countdown of 1:30 runs %v", d)
	}
	l.ctl.custom.SetText("soon")
	tap(t, l, "Start")
	if !uitest.TextIn(l.ctl.win.Canvas().Overlays().Top(), "not a time") {
		t.Fatal("a custom countdown that is not a time is not refused with a message")
	}
	l.ctl.win.Canvas().Overlays().Top().Hide()
	uitest.Key(l.sh, fyne.KeyX)
	if !l.se.State().Deadline.IsZero() {
		t.Fatal("X did not stop the countdown")
	}
	test.Tap(l.ctl.phones)
	test.Tap(l.ctl.screen)
	if st := l.se.State(); !st.PhoneResults || st.ShowResults {
		t.Fatalf("the results checks: %+v", st)
	}
	if !slideHas(l, "Working together with citizens") || slideHas(l, "0 · 0 %") {
		t.Fatal("with the results hidden the slide should list the options without counts")
	}
	uitest.Key(l.sh, fyne.KeyL)
	if !l.se.State().Locked || !l.ctl.lock.Visible() || l.ctl.lock.Text != "Reopen" {
		t.Fatal("L did not lock, or the controls do not offer Reopen")
	}
}

func TestOpenAnswerCardsHideAndQAModeration(t *testing.T) {
	l := startForTest(t)
	for range 4 {
		uitest.Key(l.sh, fyne.KeyRight) // the open question
	}
	long := "Our youth council meets the mayor every month and its proposals go to the city council with a written answer within six weeks."
	post(t, joined(t, l), l, "vote", url.Values{"q": {"4"}, "v": {long}})
	for _, text := range []string{"Start small: one street, one question, and report back what changed.",
		"The library as a meeting place for ULG meetings — neutral ground works.", "Nothing, sorry."} {
		post(t, joined(t, l), l, "vote", url.Values{"q": {"4"}, "v": {text}})
	}
	l.refresh()
	if !slideHas(l, "Our youth council") || !slideHas(l, "six weeks.") || !slideHas(l, "Nothing, sorry.") {
		t.Fatal("the open answers are not on the slide as whole texts")
	}
	snap(t, l, "open-answer-cards")
	for _, size := range sizes {
		nothingCrossesIntoTheJoinColumn(t, l, size)
		textsStayInTheirCards(t, l, size)
	}
	hide, ok := uitest.Find(l.ctl.lists, func(b *widget.Button) bool { return b.Text == "Hide" })
	if !ok {
		t.Fatal("no Hide button for the open answers")
	}
	if !slideHas(l, "Voting open · 4 answers") {
		t.Fatal("the slide does not count the 4 answers")
	}
	test.Tap(hide) // the newest: "Nothing, sorry."
	if slideHas(l, "Nothing, sorry.") || !slideHas(l, "Our youth council") || !uitest.TextIn(l.ctl.lists, "1 hidden") {
		t.Fatal("the hidden answer is still on the slide")
	}
	// The room is told of the answers it sees, not of the one hidden.
	if !slideHas(l, "Voting open · 3 answers") {
		t.Fatal("with one answer hidden, the slide does not count the 3 it shows")
	}
	snap(t, l, "open-answer-hidden")
	tap(t, l, "Show the 1 hidden again")
	if !slideHas(l, "Nothing, sorry.") || !slideHas(l, "Voting open · 4 answers") {
		t.Fatal("the hidden answer did not come back")
	}

	test.Tap(l.ctl.approval)
	test.Tap(l.ctl.qa)
	phone := joined(t, l)
	post(t, phone, l, "ask", url.Values{"text": {"Who pays for the study visits?"}})
	l.refresh()
	if slideHas(l, "Who pays") || !slideHas(l, "1 waiting for approval") || !uitest.TextIn(l.ctl.lists, "Who pays for the study visits?") {
		t.Fatal("a question waiting for approval is on the projector, or not in the controls")
	}
	if slideHas(l, "No questions yet") || !slideHas(l, "shown once approved") {
		t.Fatal("with a question waiting, the slide says there is none")
	}
	snap(t, l, "qa-waiting")
	tap(t, l, "Approve")
	if !slideHas(l, "Who pays for the study visits?") || !slideHas(l, "0 votes") {
		t.Fatal("the approved question is not on the slide")
	}
	// Until the first upvote the order is the order asked, and the slide says so.
	post(t, phone, l, "ask", url.Values{"text": {"Can partners swap study visits?"}})
	l.refresh()
	tap(t, l, "Approve")
	if !slideHas(l, "in the order asked until the first upvote") || slideHas(l, "most upvoted") {
		t.Fatal("with no upvotes the slide does not say the order is the order asked")
	}
	_, shown := l.se.QA()
	if len(shown) != 2 || shown[0].Text != "Who pays for the study visits?" {
		t.Fatalf("with no upvotes the questions are not in the order asked: %+v", shown)
	}
	post(t, joined(t, l), l, "upvote", url.Values{"id": {shown[1].ID}})
	l.refresh()
	if _, shown = l.se.QA(); shown[0].Text != "Can partners swap study visits?" || !slideHas(l, "most upvoted first, then in the order asked") || !slideHas(l, "1 vote") {
		t.Fatalf("after an upvote: %+v, or the slide does not say the order", shown)
	}
	snap(t, l, "qa")
	test.Tap(qaButton(t, l, "Can partners swap study visits?", "Hide")) // the upvoted one
	test.Tap(qaButton(t, l, "Who pays for the study visits?", "Answered"))
	if !slideHas(l, "0 votes · answered") {
		t.Fatal("the question is not marked answered")
	}
	test.Tap(qaButton(t, l, "Who pays for the study visits?", "Hide"))
	if slideHas(l, "Who pays") {
		t.Fatal("the hidden question is still on the slide")
	}
}

// textsStayInTheirCards fails when a line of a card's text reaches below
// the card, measured as Fyne draws it.
func textsStayInTheirCards(t *testing.T, l *Run, size fyne.Size) {
	t.Helper()
	var cards []*canvas.Rectangle
	var texts []*canvas.Text
	uitest.Walk(l.render(size), func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *canvas.Rectangle:
			if x.CornerRadius > 0 {
				cards = append(cards, x)
			}
		case *canvas.Text:
			texts = append(texts, x)
		}
		return true
	})
	if len(cards) == 0 {
		t.Fatal("no cards drawn")
	}
	for _, x := range texts {
		for _, c := range cards {
			p, cp := x.Position(), c.Position()
			inside := p.X >= cp.X && p.X < cp.X+c.Size().Width && p.Y >= cp.Y && p.Y < cp.Y+c.Size().Height
			if inside && p.Y+fyne.MeasureText(x.Text, x.TextSize, x.TextStyle).Height > cp.Y+c.Size().Height+1 {
				t.Errorf("at %v, %q runs out of its card", size, x.Text)
			}
		}
	}
}

// noTextsOverlap fails when two drawn texts overlap (the word cloud). Fyne
// gives a text a box about 1.36 × its size tall, lines are 1.25 × apart:
// boxes may overlap by a sixth of their height where no glyph does.
func noTextsOverlap(t *testing.T, l *Run, size fyne.Size) {
	t.Helper()
	type box struct {
		text       string
		x, y, w, h float32
	}
	var boxes []box
	uitest.Walk(l.render(size), func(o fyne.CanvasObject) bool {
		if x, ok := o.(*canvas.Text); ok && x.Text != "" {
			m := fyne.MeasureText(x.Text, x.TextSize, x.TextStyle)
			boxes = append(boxes, box{x.Text, x.Position().X, x.Position().Y, m.Width, m.Height})
		}
		return true
	})
	for i, a := range boxes {
		for _, b := range boxes[i+1:] {
			slack := min(a.h, b.h) / 6
			if a.x < b.x+b.w && b.x < a.x+a.w && a.y+slack < b.y+b.h && b.y+slack < a.y+a.h {
				t.Errorf("at %v, %q and %q overlap", size, a.text, b.text)
			}
		}
	}
}

// qaButton finds the button labelled label on the Q&A row of text.
func qaButton(t *testing.T, l *Run, text, label string) *widgets.Button {
	t.Helper()
	var found *widgets.Button
	for _, o := range l.ctl.lists.Objects {
		if uitest.TextIn(o, text) {
			if b, ok := uitest.Find(o, func(b *widgets.Button) bool { return b.Text == label && b.Visible() }); ok {
				found = b
			}
		}
	}
	if found == nil {
		t.Fatalf("no %q on the Q&A row of %q", label, text)
	}
	return found
}

// The reviewer approved a question and the next click, on the row under
// the pointer, hid another one: the rows moved. Now they stay in the
// order asked, whatever is decided; a hidden one can be shown again and
// the last decision undone.
func TestModeratingKeepsTheRowsWhereTheyAre(t *testing.T) {
	l := startForTest(t)
	l.ctl.win.Resize(fyne.NewSize(700, 900))
	test.Tap(l.ctl.approval)
	test.Tap(l.ctl.qa)
	asked := []string{"Hoe betrekken we jongeren bij de ULG?", "Which city hosts the next meeting?", "You are all useless bureaucrats."}
	for _, text := range asked {
		post(t, joined(t, l), l, "ask", url.Values{"text": {text}})
	}
	l.refresh()
	pos := func(b *widgets.Button) fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(b.Size().Width/2, b.Size().Height/2))
	}
	// The presenter approves the first (it left the queue above the
	// insult, which moved up), then clicks where the insult's Hide was.
	under := pos(qaButton(t, l, asked[2], "Hide"))
	test.Tap(qaButton(t, l, asked[0], "Approve"))
	test.TapCanvas(l.ctl.win.Canvas(), under)
	items := l.se.Moderation()
	if len(items) != 3 || !items[2].Hidden || items[0].Hidden || !items[0].Approved || items[1].Hidden {
		t.Fatalf("the click under the pointer did not hide the intended question: %+v", items)
	}
	if got := pos(qaButton(t, l, asked[2], "Show again")); got != under {
		t.Fatalf("the hidden question's row moved from %v to %v", under, got)
	}
	if slideHas(l, "useless") || !slideHas(l, "Hoe betrekken") {
		t.Fatal("the slide does not follow the decisions")
	}
	// Undo takes back the hide; Show again after a hide brings it back.
	tap(t, l, "Undo (Ctrl+Z)")
	if items := l.se.Moderation(); items[2].Hidden || items[2].Approved {
		t.Fatalf("undo did not take back the hide: %+v", items[2])
	}
	test.Tap(qaButton(t, l, asked[1], "Hide"))
	test.Tap(qaButton(t, l, asked[1], "Show again"))
	if items := l.se.Moderation(); items[1].Hidden {
		t.Fatal("Show again did not show the hidden question")
	}
}

// K shows the controls and hides them again (on a single screen they
// cover the slide); they fit the screen.
func TestKTogglesTheControls(t *testing.T) {
	l := startForTest(t)
	if !l.ctl.shown {
		t.Fatal("the controls are not shown at the start")
	}
	uitest.Key(l.sh, fyne.KeyK)
	if l.ctl.shown {
		t.Fatal("K did not hide the controls")
	}
	uitest.Key(l.sh, fyne.KeyK)
	if !l.ctl.shown {
		t.Fatal("K did not bring the controls back")
	}
	for _, screen := range append(sizes, fyne.NewSize(1024, 600)) { // and the smallest window there is
		if s := fitSize(screen); s.Width > max(screen.Width*0.4, 420) || s.Height > max(screen.Height*0.55, 320) {
			t.Errorf("on %v the controls take %v", screen, s)
		}
		// Nothing is cut at the side: the controls are no wider than
		// their window (with the Q&A and answers listed).
		l.se.ToggleQA()
		l.ctl.refresh()
		if need, has := l.ctl.win.Content().MinSize().Width, fitSize(screen).Width; need > has {
			t.Errorf("on %v the controls need %.0f px in a window of %.0f", screen, need, has)
		}
		l.se.ToggleQA()
	}
}

// Home goes to the first question live too, as in the other presenters.
func TestHomeGoesToTheFirstQuestion(t *testing.T) {
	l := startForTest(t)
	uitest.Key(l.sh, fyne.KeyRight)
	uitest.Key(l.sh, fyne.KeyRight)
	if l.se.State().Question != 2 {
		t.Fatalf("Right twice: question %d", l.se.State().Question)
	}
	uitest.Key(l.sh, fyne.KeyHome)
	if st := l.se.State(); st.Question != 0 || !slideHas(l, "Question 1 of") {
		t.Fatalf("Home: question %d", st.Question)
	}
}

// The word filter's box says what it does: the cloud leaves out the
// common words of the phones' languages, not of English only — a Polish
// phone's "się" goes, and comes back with the box unticked.
func TestTheStopWordsBoxSaysWhichLanguages(t *testing.T) {
	l := startForTest(t)
	for range 3 {
		uitest.Key(l.sh, fyne.KeyRight) // the word cloud
	}
	if label := l.ctl.stop.Text; strings.Contains(label, "English stop-words") || !uitest.TextIn(l.ctl.win.Content(), "the phones' languages") {
		t.Errorf("the box says %q", label)
	}
	phone := joined(t, l)
	post(t, phone, l, "lang", url.Values{"lang": {"pl"}})
	post(t, phone, l, "vote", url.Values{"q": {"3"}, "v": {"udział", "się"}})
	l.refresh()
	if !l.ctl.stop.Checked || !slideHas(l, "udział") || countTexts(l, "się") > 0 {
		t.Fatal("with the box ticked the Polish stop-word is in the cloud")
	}
	test.Tap(l.ctl.stop)
	tap(t, l, "Apply the filter")
	if countTexts(l, "się") != 1 {
		t.Fatal("with the box unticked the Polish stop-word is not in the cloud")
	}
}
