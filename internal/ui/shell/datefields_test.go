package shell_test

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Network details shows its dates in the format chosen in Settings and
// stores what is typed in it as the date it is.
func TestNetworkDetailsDatesFollowTheChosenFormat(t *testing.T) {
	was := widgets.CurrentDateFormat()
	t.Cleanup(func() { widgets.SetDateFormat(was) })
	widgets.SetDateFormat(widgets.DateDots)
	sh, _ := newFakeShell(t, true)
	start := sh.Network().StartDate
	if start == "" {
		t.Fatal("the demo network has no start date")
	}
	sh.EditNetwork()
	d := uitest.TopOverlay(sh)
	shown := widgets.ISODate(start) // 01.06.2023 for 2023-06-01
	e, ok := uitest.FindEntry(d, func(e *widget.Entry) bool { return e.Text == shown })
	if !ok {
		t.Fatalf("Network details does not show the start date as %s", shown)
	}
	if b := uitest.ButtonIn(t, d, "Save"); b.Disabled() {
		t.Fatal("Save is off for the dates as shown")
	}
	e.SetText("02.07.2023")
	test.Tap(uitest.ButtonIn(t, d, "Save"))
	if got := sh.Network().StartDate; got != "2023-07-02" {
		t.Fatalf("02.07.2023 was stored as %q", got)
	}
}
