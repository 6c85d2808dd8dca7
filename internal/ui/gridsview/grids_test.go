package gridsview

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

func TestLearningGridWithTheKeyboardAndReview(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	// The view opens on the latest meeting with grids: the demo's third.
	if !strings.HasPrefix(v.meeting.Selected, "Core Network Meeting 3") || v.partner.Selected != "Genk" {
		t.Fatalf("opened on %q / %q", v.meeting.Selected, v.partner.Selected)
	}
	chooseMeeting(v, "Core Network Meeting 2")
	if v.partner.Selected != "Genk" || len(v.rows) != 3 {
		t.Fatalf("meeting 2: %q with %d rows", v.partner.Selected, len(v.rows))
	}
	// Enter in the last row adds a row and puts the cursor in it.
	last := v.rows[2]
	last.action.OnSubmitted(last.action.Text)
	if len(v.rows) != 4 || sh.Window().Canvas().Focused() != v.rows[3].learning {
		t.Fatalf("Enter: %d rows, focus on %v", len(v.rows), sh.Window().Canvas().Focused())
	}
	test.Type(v.rows[3].learning, "Peer reviews need a clear question")
	v.rows[3].relevance.SetSelected("4")
	v.rows[3].action.SetText("Write the question for our peer review")
	if !v.dirty {
		t.Fatal("typing did not mark the grid as changed")
	}
	// Changing partner with unsaved rows asks first.
	v.partner.SetSelected("Gdańsk")
	if !uitest.TextIn(uitest.TopOverlay(sh), "not saved yet") {
		t.Fatal("unsaved rows were not asked about")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	genk, _ := sh.Store().PartnerByName(sh.Ctx(), sh.Network().ID, "Genk")
	g, err := sh.Store().Grid(sh.Ctx(), v.grid.MeetingID, genk.ID, "")
	if err != nil || len(g.Rows) != 4 || g.Rows[3].Relevance != 4 || g.Rows[3].Learning != "Peer reviews need a clear question" {
		t.Fatalf("saved grid %+v %v", g.Rows, err)
	}
	if v.partner.Selected != "Gdańsk" || len(v.rows) != 3 {
		t.Fatalf("after saving, showing %q with %d rows", v.partner.Selected, len(v.rows))
	}
	// At the next meeting Gdańsk reviews its actions.
	for _, o := range v.meeting.Options {
		if strings.HasPrefix(o, "Core Network Meeting 3") {
			v.meeting.SetSelected(o)
		}
	}
	gdansk := v.selectedPartner()
	items, _ := sh.Store().ActionsToReview(sh.Ctx(), gdansk.ID, v.selectedMeeting().ID)
	if len(items) != 3 || !uitest.TextIn(v.review, "Invite the youth council") {
		t.Fatalf("%d actions to review", len(items))
	}
	var open data.ReviewItem
	for _, it := range items {
		if it.Row.ReviewStatus == data.ReviewOpen {
			open = it
		}
	}
	// Review the open one with the keyboard-free widgets: status and comment.
	for _, o := range v.review.Objects {
		if uitest.TextIn(o, "Invite the youth council") {
			sel, _ := uitest.Find(o, func(s *widget.Select) bool { return true })
			sel.SetSelected("In progress")
		}
	}
	items, _ = sh.Store().ActionsToReview(sh.Ctx(), gdansk.ID, v.selectedMeeting().ID)
	for _, it := range items {
		if it.Row.ID == open.Row.ID && it.Row.ReviewStatus != data.ReviewInProgress {
			t.Fatalf("the review was not stored: %+v", it.Row)
		}
	}
}

func TestDashboard(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	test.Tap(uitest.ButtonIn(t, v.obj, "Dashboard"))
	d := uitest.TopOverlay(sh)
	if !uitest.TextIn(d, "Grids filled") || !uitest.TextIn(d, "Gdańsk") || !uitest.TextIn(d, "0 of 6") {
		t.Fatal("no dashboard")
	}
}

func TestGridPresenter(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	v.Present()
	if sh.Window().MainMenu() != nil {
		t.Fatal("the presenter shows the menu")
	}
	sheet, _ := loadSheetForTest(v)
	if pages := gridPages(sheet); len(pages) < 2 || !slideShows(gridSlide(sheet, pages[1], widgets.SlideSize), "Gdańsk") {
		t.Fatal("the second slide is not Gdańsk's grid")
	}
	sh.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	sh.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if sh.Window().MainMenu() == nil {
		t.Fatal("Esc did not leave the presenter")
	}
}

// chooseMeeting picks the meeting whose label starts with title.
func chooseMeeting(v *gridsView, title string) {
	for _, o := range v.meeting.Options {
		if strings.HasPrefix(o, title) {
			v.meeting.SetSelected(o)
		}
	}
}

func loadSheetForTest(v *gridsView) (grids.Sheet, error) {
	return grids.Load(v.sh.Ctx(), v.sh.Store(), v.sh.Network(), v.selectedMeeting())
}

// slideShows tells whether a slide has a text containing s.
func slideShows(o fyne.CanvasObject, s string) bool {
	found := false
	uitest.Walk(o, func(c fyne.CanvasObject) bool {
		if t, ok := c.(*canvas.Text); ok && strings.Contains(t.Text, s) {
			found = true
		}
		return !found
	})
	return found
}

// A grid per theme sits beside the meeting's grid and is exported under
// its own heading.
func TestGridPerTheme(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	for _, o := range v.meeting.Options {
		if strings.HasPrefix(o, "Core Network Meeting 3") {
			v.meeting.SetSelected(o)
		}
	}
	// Core Network Meeting 3 works on themes 3 and 4.
	if len(v.scope.Options) != 3 || v.scope.Selected != wholeMeeting {
		t.Fatalf("scopes %q, chosen %q", v.scope.Options, v.scope.Selected)
	}
	meetingRows := len(v.rows)
	v.scope.SetSelected(v.scope.Options[2])
	if v.grid.ThemeKey == "" || len(v.rows) != 1 || v.rows[0].learning.Text != "" {
		t.Fatalf("theme grid: key %q, %d rows", v.grid.ThemeKey, len(v.rows))
	}
	v.rows[0].learning.SetText("Rules can be rewritten with the people they bind")
	if !v.Save() {
		t.Fatal("the theme grid was not saved")
	}
	v.scope.SetSelected(wholeMeeting)
	if v.grid.ThemeKey != "" || len(v.rows) != meetingRows {
		t.Fatalf("back on the meeting's grid: key %q, %d rows (had %d)", v.grid.ThemeKey, len(v.rows), meetingRows)
	}
	sheet, err := grids.Load(sh.Ctx(), sh.Store(), sh.Network(), v.selectedMeeting())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, pg := range sheet.Partners {
		if pg.Partner.Name == "Genk" && strings.HasPrefix(pg.Heading(), "Genk – 4 ") && pg.Rows[0].Learning == "Rules can be rewritten with the people they bind" {
			found = true
		}
	}
	if !found {
		t.Fatalf("the theme grid is not in the export: %+v", sheet.Partners)
	}
}

// A laptop's grids screen opened before its network had meetings and
// partners: a sync brings them, and the reload the shell does after a
// sync (Sync now, the automatic sync) shows the chosen grid's empty row
// with its status line below it — not drawn over the row, as when the
// rows' box kept the height it had with no row in it.
func TestTheStatusStaysBelowTheRowsAfterASyncReload(t *testing.T) {
	ctx := context.Background()
	var network data.Network
	sh := uitest.NewShellAfter(t, false, func(s *data.Store) {
		var err error
		if network, err = s.CreateNetwork(ctx, data.Network{Name: "Cities of Tomorrow"}); err != nil {
			t.Fatal(err)
		}
	}, Area())
	v := uitest.Open[*gridsView](t, sh, "grids")
	if v.status.Text != "Add meetings and partners first." {
		t.Fatalf("an empty network's grids say %q", v.status.Text)
	}
	// What a sync brings in, then the reload that follows it.
	if _, err := sh.Store().SavePartner(ctx, data.Partner{NetworkID: network.ID, Name: "Genk", Role: data.RolePartner}); err != nil {
		t.Fatal(err)
	}
	if _, err := sh.Store().SaveMeeting(ctx, data.Meeting{NetworkID: network.ID, Kind: "core_network_meeting", Title: "Kick-off", StartDate: "2026-12-01", EndDate: "2026-12-01"}); err != nil {
		t.Fatal(err)
	}
	sh.ReloadAll()
	if len(v.rows) != 1 || !strings.Contains(v.status.Text, ": 0 rows.") {
		t.Fatalf("after the sync: %d rows, %q", len(v.rows), v.status.Text)
	}
	rowsEnd := v.rowBox.Position().Y + v.rowBox.Size().Height
	if v.rowBox.Size().Height < v.rowBox.MinSize().Height || v.status.Position().Y < rowsEnd {
		t.Errorf("the rows end at %v (%v high, %v needed) and the status line %q starts at %v, over them",
			rowsEnd, v.rowBox.Size().Height, v.rowBox.MinSize().Height, v.status.Text, v.status.Position().Y)
	}
}
