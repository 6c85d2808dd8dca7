package livesession

import (
	"image/png"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// The screenshots of docs/screenshots/live: a session of ten phones
// through every view the README shows, drawn at 1920×1080 and 1366×768
// into LIVE_PNG (the test skips without it):
//
//	LIVE_PNG=/tmp/shots go test -tags ci -run TestLiveScreenshots ./internal/ui/livesession/
func TestLiveScreenshots(t *testing.T) {
	dir := testkit.ShotFolder(t, "LIVE_PNG")
	l := startForTest(t)
	phones := make([]*http.Client, 10)
	for i := range phones {
		phones[i] = joined(t, l)
	}
	see := func(name string, texts ...string) {
		t.Helper()
		l.refresh()
		for _, s := range texts {
			if !slideHas(l, s) {
				t.Fatalf("%s: %q is not on the slide", name, s)
			}
		}
		snap(t, l, name)
	}
	see("options-before-vote", "Working together with citizens", "0 · 0 %")
	uitest.Key(l.sh, fyne.KeyRight)
	uitest.Key(l.sh, fyne.KeyRight) // the scales
	marks := [][3]string{{"4", "2", "5"}, {"5", "2", "4"}, {"3", "1", "4"}, {"4", "3", "5"}, {"5", "2", "3"}, {"4", "1", "4"}, {"2", "2", "5"}}
	for i, m := range marks {
		post(t, phones[i], l, "vote", url.Values{"q": {"2"}, "v0": {m[0]}, "v1": {m[1]}, "v2": {m[2]}})
	}
	see("scale-distribution", "7 answers")
	uitest.Key(l.sh, fyne.KeyRight) // the cloud
	for i, words := range [][]string{{"trust", "youth", "time"}, {"trust", "budgets"}, {"youth", "listening"}, {"trust", "courage"}, {"time", "youth"}} {
		post(t, phones[i], l, "vote", url.Values{"q": {"3"}, "v": words})
	}
	see("word-cloud", "trust")
	uitest.Key(l.sh, fyne.KeyRight) // the open answers
	for i, text := range []string{
		"Our youth council meets the mayor every month and its proposals go to the city council with a written answer within six weeks.",
		"Start small: one street, one question, and report back what changed.",
		"The library as a meeting place for ULG meetings — neutral ground works.",
		"Pay for the participants' time: a voucher brought people who never come.",
		"Say no early when an idea cannot be done, and say why."} {
		post(t, phones[i], l, "vote", url.Values{"q": {"4"}, "v": {text}})
	}
	see("open-answers", "Say no early")
	uitest.Key(l.sh, fyne.KeyRight) // the ranking, with a countdown
	for i, order := range [][]string{{"1", "2", "3"}, {"2", "1", "3"}, {"1", "3", "2"}} {
		post(t, phones[i], l, "vote", url.Values{"q": {"5"}, "v0": {order[0]}, "v1": {order[1]}, "v2": {order[2]}})
	}
	tap(t, l, "1 min")
	see("countdown", "Voting closes in")
	test.Tap(l.ctl.approval)
	test.Tap(l.ctl.qa)
	for i, q := range []string{"Who pays for the study visits?", "Can two partners share one transnational meeting?",
		"Will the Online Academy recordings stay online after 2027?", "Is the mayor invited to the final event?"} {
		post(t, phones[i], l, "ask", url.Values{"text": {q}})
	}
	l.refresh()
	for range 3 {
		tap(t, l, "Approve")
	}
	see("qa-before-upvotes", "in the order asked until the first upvote", "1 waiting for approval")
	c := software.NewCanvas() // the moderation, in the controls window
	c.SetContent(l.ctl.win.Content())
	c.Resize(l.ctl.win.Canvas().Size())
	f, err := os.Create(filepath.Join(dir, "controls-qa-moderation.png"))
	if err != nil {
		t.Fatal(err)
	}
	png.Encode(f, c.Capture())
	f.Close()
	_, shown := l.se.QA()
	for i := range 4 {
		post(t, phones[4+i], l, "upvote", url.Values{"id": {shown[1+i%2].ID}})
	}
	post(t, phones[9], l, "upvote", url.Values{"id": {shown[0].ID}})
	see("qa", "most upvoted first, then in the order asked", "2 votes")
}
