package livesession

import (
	"fmt"
	"net/url"
	"regexp"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit/slidetest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// presenterWords are words for the presenter that the review found on
// the projector: the keys that turn pages or show results, and how many
// open answers were hidden (the controls window says that).
var presenterWords = regexp.MustCompile(`Down|\bUp\b|R shows|\d+ hidden|continued`)

// slideWords fails for presenterWords in any text of the slide drawn at
// each size.
func slideWords(t *testing.T, l *Run, where string) {
	t.Helper()
	for _, size := range sizes {
		for _, s := range slidefit.Texts(l.render(size)) {
			if presenterWords.MatchString(s) {
				t.Errorf("%s at %v: the room reads %q", where, size, s)
			}
		}
	}
}

// The room reads the question, its results and which page it is on; the
// keys and the moderation are the presenter's (the F1 help, the controls).
func TestTheSlideSaysNoKeysAndNoHiddenCount(t *testing.T) {
	l := startForTest(t)
	for range 4 {
		uitest.Key(l.sh, fyne.KeyRight) // the open question
	}
	for i := range 30 {
		post(t, joined(t, l), l, "vote", url.Values{"q": {"4"}, "v": {slidetest.Words(fmt.Sprintf("Answer %02d:", i+1), 160)}})
	}
	l.refresh()
	hide, ok := uitest.Find(l.ctl.lists, func(b *widget.Button) bool { return b.Text == "Hide" })
	if !ok {
		t.Fatal("no Hide button for the open answers")
	}
	test.Tap(hide)
	if !uitest.TextIn(l.ctl.lists, "1 hidden") {
		t.Fatal("the controls do not count the hidden answer")
	}
	if l.pages < 2 {
		t.Fatalf("the answers take %d page, want several", l.pages)
	}
	if !slideHas(l, fmt.Sprintf("Page 1 of %d · newest first", l.pages)) {
		t.Errorf("the slide does not say which page it shows in words: %q", slidefit.Texts(l.render(sizes[0])))
	}
	slideWords(t, l, "open answers, page 1")
	uitest.Key(l.sh, fyne.KeyDown)
	if l.page != 1 || !slideHas(l, fmt.Sprintf("Page 2 of %d · newest first", l.pages)) {
		t.Errorf("after Down, page %d: %q", l.page+1, slidefit.Texts(l.render(sizes[0])))
	}
	slideWords(t, l, "open answers, page 2")
	snap(t, l, "room-words-open-answers")
	uitest.Key(l.sh, fyne.KeyLeft) // the word cloud, its results hidden
	uitest.Key(l.sh, fyne.KeyR)
	if l.se.State().ShowResults || !slideHas(l, "The results are hidden for now.") {
		t.Fatal("with R the cloud does not say its results are hidden")
	}
	slideWords(t, l, "cloud hidden")
	snap(t, l, "room-words-cloud-hidden")
}
