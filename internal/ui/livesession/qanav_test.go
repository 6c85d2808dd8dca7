package livesession

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// phonePage is what a joined phone is shown now.
func phonePage(t *testing.T, l *Run, phone *http.Client) string {
	t.Helper()
	resp, err := phone.Get(l.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// The review pressed Q, then Right: the slide and the phones stayed on
// the Q&A while the session went on to the next question, open for votes
// nobody could see, and the controls said that question. The Q&A stands
// between the question it was turned on over and the next: Right (and
// Next) goes on to that next question, Left (and Back) back to the
// question, the slide, the controls and the phones alike.
func TestRightFromTheQAGoesOnToTheNextQuestion(t *testing.T) {
	l := startForTest(t)
	phone := joined(t, l)
	shows := func(when string, question int, qa bool) {
		t.Helper()
		st := l.se.State()
		if st.Question != question || st.QA != qa {
			t.Errorf("%s: question %d, Q&A %v; want question %d, Q&A %v", when, st.Question+1, st.QA, question+1, qa)
		}
		slide := strings.Join(slidefit.Texts(l.render(sizes[0])), " | ")
		controls := l.ctl.status.Text
		page := phonePage(t, l, phone)
		atQuestion := `name="q" value="` + string(rune('0'+question)) + `"`
		if qa {
			if !strings.Contains(slide, "Your questions") || !strings.HasPrefix(controls, "Q&A") || !strings.Contains(page, `action="/ask"`) || !l.ctl.qa.Checked {
				t.Errorf("%s: not the Q&A everywhere: slide %q, controls %q, phone asks %v", when, slide, controls, strings.Contains(page, `action="/ask"`))
			}
			return
		}
		want := "Question " + string(rune('1'+question)) + " of 6"
		if !strings.Contains(slide, want) || strings.Contains(slide, "Your questions") || !strings.HasPrefix(controls, want) ||
			!strings.Contains(page, atQuestion) || l.ctl.qa.Checked {
			t.Errorf("%s: not %s everywhere: slide %q, controls %q, phone at it %v", when, want, slide, controls, strings.Contains(page, atQuestion))
		}
	}
	uitest.Key(l.sh, fyne.KeyQ)
	shows("Q", 0, true)
	uitest.Key(l.sh, fyne.KeyRight)
	shows("Q, Right", 1, false)
	snap(t, l, "qa-right-next-question")
	uitest.Key(l.sh, fyne.KeyQ)
	uitest.Key(l.sh, fyne.KeyLeft)
	shows("Q, Left", 1, false)
	uitest.Key(l.sh, fyne.KeyQ)
	tap(t, l, "Next") // the controls' button does what Right does
	shows("Q, Next", 2, false)
	uitest.Key(l.sh, fyne.KeyQ)
	tap(t, l, "Back")
	shows("Q, Back", 2, false)
	for range 3 {
		uitest.Key(l.sh, fyne.KeyRight)
	}
	uitest.Key(l.sh, fyne.KeyQ)
	uitest.Key(l.sh, fyne.KeyRight) // after the last question nothing comes next
	shows("Q at the last question, Right", 5, true)
	uitest.Key(l.sh, fyne.KeyHome)
	shows("Q, Home", 0, false)
}
