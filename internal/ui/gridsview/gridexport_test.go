package gridsview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// Follow-up… at Core Network Meeting 3 with a review comment just typed:
// the comment is stored first, the follow-up written in the background
// holds it with the demo's other reviews, and the user is told where.
func TestFollowUpExportThroughTheDialogs(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	for _, o := range v.meeting.Options {
		if strings.HasPrefix(o, "Core Network Meeting 3") {
			v.meeting.SetSelected(o)
		}
	}
	v.partner.SetSelected("Gdańsk")
	comment, ok := uitest.Find(v.review, func(e *widget.Entry) bool { return e.PlaceHolder == "What happened (Enter stores it)" })
	if !ok {
		t.Fatal("no review comment")
	}
	test.Type(comment, "Two more to come.") // typed where the cursor is: before the stored comment
	test.Tap(uitest.ButtonIn(t, v.obj, "Follow-up…"))
	uitest.EntryWithText(t, uitest.TopOverlay(sh), "Follow-up - Core Network Meeting 3").SetText("cnm3.md")
	done := make(chan struct{})
	sh.Exported = func() { close(done) }
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the export did not finish")
	}
	path := filepath.Join(sh.LastFolder(), "cnm3.md")
	if !uitest.TextIn(uitest.TopOverlay(sh), "5 earlier actions reviewed, 0 agreed) written to "+path) {
		t.Fatal("the user was not told where the follow-up went")
	}
	md, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Follow-up — Core Network Meeting 3", "Two more to come.Examples added", "Task description ready"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the follow-up lacks %q:\n%s", want, md)
		}
	}
}
