package roadmapview

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/overview"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

func roadmapArea(t *testing.T, sh *shell.Shell) *roadmapView {
	return uitest.Open[*roadmapView](t, sh, "roadmap")
}

func rowNamed(v *roadmapView, prefix string) (roadmap.Row, bool) {
	for _, r := range v.r.Rows {
		if strings.HasPrefix(r.Label, prefix) {
			return r, true
		}
	}
	return roadmap.Row{}, false
}

func TestRoadmapScreen(t *testing.T) {
	sh := uitest.NewShell(t, true, Area(), overview.Area())
	v := roadmapArea(t, sh)
	rows, cols := v.table.Length()
	// 5 network meeting rows, 9 ULG rows, testing milestones + 4 partners, plan milestones + Genk, 2 Lead Expert rows.
	if rows != 23 || cols != 25 {
		t.Fatalf("table %d × %d", rows, cols)
	}
	if got := shortTitles(v.r.Rows[0].Cells[4]); got != "CNM 2" {
		t.Fatalf("March 2024 of the Core Network Meetings: %q", got)
	}
	// Clicking Iași's June ULG meeting opens it in the editor, which says what is due.
	iasi := slices.IndexFunc(v.r.Rows, func(r roadmap.Row) bool { return strings.HasPrefix(r.Label, "ULG – Iași") })
	v.table.Select(widget.TableCellID{Row: iasi, Col: 8}) // June 2024
	e := v.meetings
	if v.tabs.SelectedIndex() != 1 || e.title.Text != "ULG meeting 2 – Iași" || e.report.Checked || !e.ulg.Visible() {
		t.Fatalf("tab %d, editing %q, report %v", v.tabs.SelectedIndex(), e.title.Text, e.report.Checked)
	}
	e.report.SetChecked(true)
	e.attendance.SetChecked(true)
	test.Tap(uitest.ButtonIn(t, e.obj, "Save meeting"))
	if r, _ := rowNamed(v, "ULG – Iași"); r.Label != "ULG – Iași (2 of 8)" || r.Due != 0 {
		t.Fatalf("after the report and sheet came in: %q", r.Label)
	}
}

func TestMeetingsEditorAsksAndChecks(t *testing.T) {
	sh := uitest.NewShell(t, true, Area(), overview.Area())
	v := roadmapArea(t, sh)
	e := v.meetings
	v.tabs.SelectIndex(1)
	before := len(e.meetings)
	test.Tap(uitest.ButtonIn(t, e.obj, "New meeting"))
	if e.current != -1 || e.title.Text != "" || e.ulg.Visible() {
		t.Fatalf("new meeting form: current %d title %q", e.current, e.title.Text)
	}
	e.kind.SetSelected("Thematic working group")
	e.title.SetText("TWG on polarisation")
	e.start.SetText("2024-11-12")
	e.end.SetText("2024-11-05")
	test.Tap(uitest.ButtonIn(t, e.obj, "Save meeting"))
	if !uitest.TextIn(uitest.TopOverlay(sh), "before it starts") || len(e.meetings) != before {
		t.Fatal("a meeting ending before it starts was not refused")
	}
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	e.end.SetText("")
	e.online.SetChecked(true)
	e.hosts.SetSelected([]string{"Breda", "Aarhus"})
	// Leaving the area with the unsaved meeting asks first; Save stores it.
	sh.ShowArea(1)
	if sh.CurrentView() != v || !uitest.TextIn(uitest.TopOverlay(sh), "not saved yet") {
		t.Fatal("leaving with an unsaved meeting did not ask")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	if sh.CurrentView() == v || len(e.meetings) != before+1 {
		t.Fatalf("view %T, %d meetings", sh.CurrentView(), len(e.meetings))
	}
	saved := e.meetings[slices.IndexFunc(e.meetings, func(m data.Meeting) bool { return m.Title == "TWG on polarisation" })]
	if saved.Kind != data.MeetingThematicWorkGroup || !saved.Online || len(saved.HostIDs) != 2 {
		t.Fatalf("saved %+v", saved)
	}
	if r, _ := rowNamed(v, "Thematic working groups"); len(r.Cells[12]) != 1 { // November 2024
		t.Fatalf("the roadmap did not redraw: %+v", r.Cells)
	}
	// Deleting Core Network Meeting 2 names its grids first.
	sh.ShowArea(0)
	e.selectID(e.meetings[slices.IndexFunc(e.meetings, func(m data.Meeting) bool { return m.Title == "Core Network Meeting 2" })].ID)
	test.Tap(uitest.ButtonIn(t, e.obj, "Delete…"))
	if !uitest.TextIn(uitest.TopOverlay(sh), "learning grids") {
		t.Fatal("the delete confirmation does not say the grids go too")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Delete"))
	if len(e.meetings) != before || slices.ContainsFunc(e.meetings, func(m data.Meeting) bool { return m.Title == "Core Network Meeting 2" }) {
		t.Fatalf("%d meetings after the delete", len(e.meetings))
	}
}

func TestMilestoneDialogAndRoadmapPresenter(t *testing.T) {
	sh := uitest.NewShell(t, true, Area(), overview.Area())
	v := roadmapArea(t, sh)
	m := v.milestones
	before := len(m.items)
	v.tabs.SelectIndex(2)
	test.Tap(uitest.ButtonIn(t, m.obj, "New milestone"))
	dlg := uitest.TopOverlay(sh)
	uitest.EntryWithPlaceholder(t, dlg, "e.g. "+widgets.CurrentDateFormat().Example()).SetText("30.9.2024") // any accepted form
	test.Type(sh.Window().Canvas().Focused(), "Testing action peer review prepared")
	test.Tap(uitest.ButtonIn(t, dlg, "Save"))
	if len(m.items) != before+1 {
		t.Fatalf("%d milestones, want %d", len(m.items), before+1)
	}
	if r, _ := rowNamed(v, "Testing action milestones"); len(r.Cells[10]) != 1 { // September 2024
		t.Fatalf("the new milestone is not on the roadmap: %+v", r.Cells)
	}
	// The presenter shows the network's half years, each on as many slides
	// as its rows need.
	var firstHalf []fyne.CanvasObject
	pages := roadmapPages(v.r)
	for i, pg := range pages {
		if pg.half == 0 {
			firstHalf = append(firstHalf, roadmapSlide(v.r, pages, i, widgets.SlideSize))
		}
	}
	shows := func(s string) bool {
		for _, slide := range firstHalf {
			if uitest.TextIn(slide, s) {
				return true
			}
		}
		return false
	}
	if !shows("November 2023 to April 2024") || !shows("CNM 2") || !shows("Catalogue") {
		t.Fatal("the slides of the first half of 2024 miss its meetings or milestones")
	}
	v.tabs.SelectIndex(0)
	test.Tap(uitest.ButtonIn(t, v.obj, "Present"))
	if !sh.Window().FullScreen() {
		t.Fatal("Present did not go full screen")
	}
	// The room does not read the presenter's keys: the window's title names them.
	if shows("Esc") || shows("arrow keys") {
		t.Fatal("the roadmap slide tells the room the presenter's keys")
	}
	if title := sh.Window().Title(); !strings.Contains(title, "Esc") {
		t.Fatalf("while presenting, the window's title %q does not name the keys", title)
	}
	sh.Window().Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if sh.Window().FullScreen() {
		t.Fatal("Esc did not leave the presenter")
	}
}
