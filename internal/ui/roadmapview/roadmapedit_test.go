package roadmapview

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func storedMeeting(t *testing.T, sh *shell.Shell, id string) data.Meeting {
	t.Helper()
	m, err := sh.Store().MeetingByIDOrTitle(sh.Ctx(), sh.Network().ID, id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func networkFormOpen(sh *shell.Shell) bool {
	_, ok := uitest.FindEntry(uitest.TopOverlay(sh), func(e *widget.Entry) bool { return e.PlaceHolder == "e.g. Agents of Co-Existence" })
	return ok
}

// Issue 12: Edit network (Ctrl+E) with an unsaved meeting asks first;
// Cancel keeps the typing and opens nothing, Save stores it.
func TestEditNetworkAsksAboutAnUnsavedMeeting(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := roadmapArea(t, sh)
	v.tabs.SelectIndex(1)
	e := v.meetings
	id := e.loaded().ID
	e.place.SetText("Genk, C-Mine")
	sh.EditNetwork()
	if !uitest.TextIn(uitest.TopOverlay(sh), "the meeting ‘") {
		t.Fatal("Edit network did not ask about the unsaved meeting")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Cancel"))
	if networkFormOpen(sh) || e.place.Text != "Genk, C-Mine" || storedMeeting(t, sh, id).Place == "Genk, C-Mine" {
		t.Fatalf("after Cancel: network form %v, place %q", networkFormOpen(sh), e.place.Text)
	}
	sh.EditNetwork()
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	if storedMeeting(t, sh, id).Place != "Genk, C-Mine" || !networkFormOpen(sh) {
		t.Fatal("Save did not store the meeting and go on to the network")
	}
}

// A reload (after another change) keeps the meeting being typed.
func TestReloadKeepsTheMeetingBeingTyped(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := roadmapArea(t, sh)
	v.meetings.place.SetText("Typed, not saved")
	v.Reload()
	if v.meetings.place.Text != "Typed, not saved" || v.Unsaved() == "" {
		t.Fatal("the reload dropped the typing")
	}
}

// Undo takes back a meeting edit and a new meeting; redo makes them again.
func TestUndoAndRedoMeetings(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := roadmapArea(t, sh)
	e := v.meetings
	id, place := e.loaded().ID, e.loaded().Place
	e.place.SetText("Moved to Breda")
	if !e.Save() || sh.UndoName() != "edit meeting ‘"+e.loaded().Title+"’" {
		t.Fatalf("undo step %q", sh.UndoName())
	}
	sh.Undo()
	if storedMeeting(t, sh, id).Place != place || e.place.Text != place {
		t.Fatalf("undo: stored %q, shown %q", storedMeeting(t, sh, id).Place, e.place.Text)
	}
	sh.Redo()
	if storedMeeting(t, sh, id).Place != "Moved to Breda" {
		t.Fatal("redo did not edit the meeting again")
	}
	before := len(e.meetings)
	e.startNew()
	e.title.SetText("Walkshop in Genk")
	e.start.SetText("2025-02-03")
	if !e.Save() || len(e.meetings) != before+1 {
		t.Fatal("the new meeting was not stored")
	}
	sh.Undo()
	if len(e.meetings) != before || slices.ContainsFunc(e.meetings, func(m data.Meeting) bool { return m.Title == "Walkshop in Genk" }) {
		t.Fatal("undo did not take the new meeting back")
	}
	sh.Redo()
	if len(e.meetings) != before+1 {
		t.Fatal("redo did not add the meeting again")
	}
	sh.Undo() // the redone meeting (under its new id) goes again
	if len(e.meetings) != before {
		t.Fatal("undo after redo did not find the meeting")
	}
}

// Flush stores a meeting being typed when the app stops.
func TestFlushStoresTheMeeting(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := roadmapArea(t, sh)
	id := v.meetings.loaded().ID
	v.meetings.place.SetText("Flushed")
	if err := v.Flush(); err != nil || storedMeeting(t, sh, id).Place != "Flushed" {
		t.Fatalf("flush: %v", err)
	}
	v.meetings.number.SetText("three")
	if err := v.Flush(); err == nil {
		t.Fatal("a meeting the store refuses was flushed without an error")
	}
}

// The milestone dialog asks before Cancel drops typing; an edit is undone.
func TestMilestoneCancelAsksAndEditUndoes(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := roadmapArea(t, sh)
	m := v.milestones
	v.tabs.SelectIndex(2)
	first := m.items[0]
	m.list.Select(0)
	title := uitest.FocusedEntry(sh)
	title.SetText("Renamed milestone")
	uitest.Key(sh, "Escape")
	if !uitest.TextIn(uitest.TopOverlay(sh), "is not saved yet") {
		t.Fatal("Escape on a changed milestone did not ask")
	}
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh)) // keep the form
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	if uitest.TopOverlay(sh) != nil || !slices.ContainsFunc(m.items, func(x data.Milestone) bool { return x.Title == "Renamed milestone" }) {
		t.Fatal("the milestone was not saved")
	}
	if sh.UndoName() != "edit milestone ‘Renamed milestone’" {
		t.Fatalf("undo step %q", sh.UndoName())
	}
	sh.Undo()
	if !slices.ContainsFunc(m.items, func(x data.Milestone) bool { return x == first }) {
		t.Fatal("undo did not put the milestone back")
	}
}
