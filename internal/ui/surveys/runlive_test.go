package surveys

import (
	"net"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// Run live… asks where to serve, starts the presenter and, once the
// session ended, shows the survey again.
func TestRunLiveFromTheSurveysScreen(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	sv, err := survey.ImportTemplate(sh.Ctx(), sh.Store(), sh.Network().ID, "../../../assets/examples/survey-template.csv", "Online Academy 4")
	if err != nil {
		t.Fatal(err)
	}
	v := uitest.Open[*surveysView](t, sh, "surveys")
	v.Reload()
	v.selectID(sv.ID)
	ln, err := net.Listen("tcp", "127.0.0.1:0") // a free port
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()

	test.Tap(uitest.ButtonIn(t, v.obj, "Run live…"))
	form := uitest.TopOverlay(sh)
	where, _ := uitest.Find(form, func(s *widget.Select) bool { return true })
	where.SetSelected(where.Options[len(where.Options)-1]) // this computer only
	uitest.EntryWithText(t, form, "8").SetText(strconv.Itoa(port))
	test.Tap(uitest.ButtonIn(t, form, "Start"))
	if !sh.Presenting() || uitest.TopOverlay(sh) != nil {
		t.Fatal("the presenter is not up")
	}
	uitest.Key(sh, fyne.KeyEscape)
	uitest.Key(sh, fyne.KeyReturn) // end
	if sh.Presenting() || v.results.sv.ID != sv.ID {
		t.Fatal("the window did not come back to the survey")
	}
}
