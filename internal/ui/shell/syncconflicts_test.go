package shell_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/sync"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// conflicted is a shell whose first partner's region was changed here and,
// later, on Ben's laptop, both synced: the conflicts screen is shown.
func conflicted(t *testing.T) (sh *shell.Shell, p data.Partner, screen fyne.CanvasObject) {
	t.Helper()
	return conflictedOn(t, func(p *data.Partner, laptop string) { p.Region = laptop + "-region" })
}

// conflictedOn is conflicted with another field: edit changes it here
// (laptop "A"), then on Ben's laptop ("B").
func conflictedOn(t *testing.T, edit func(p *data.Partner, laptop string)) (sh *shell.Shell, p data.Partner, screen fyne.CanvasObject) {
	t.Helper()
	sh, ben, folder, ps := sharing(t)
	p = ps[0]
	editPartner(t, sh.Store(), p.ID, func(p *data.Partner) { edit(p, "A") })
	editPartner(t, ben, p.ID, func(p *data.Partner) { edit(p, "B") }) // later: it wins
	ctx := context.Background()
	if _, err := sync.Run(ctx, ben, folder, sh.Network().ID); err != nil {
		t.Fatal(err)
	}
	if _, err := sync.Run(ctx, sh.Store(), folder, sh.Network().ID); err != nil {
		t.Fatal(err)
	}
	sh.ShowConflicts()
	return sh, p, uitest.TopOverlay(sh)
}

// A conflict is titled as the user knows the field, by the partner
// form's label: "Partner Genk — Contact e-mail", not contact_email.
func TestAConflictIsTitledByTheFieldsLabel(t *testing.T) {
	sh, p, screen := conflictedOn(t, func(p *data.Partner, laptop string) { p.ContactEmail = laptop + "@example.org" })
	card(t, screen, "Partner "+p.Name+" — Contact e-mail")
	if text := topText(sh); strings.Contains(text, "contact_email") || strings.Contains(text, "contact email") {
		t.Errorf("the screen names the column: %q", text)
	}
}

// A name collision the sync settled reads in names: the kind of record,
// its name and which laptop made each, no id.
func TestASettledCollisionIsToldInNames(t *testing.T) {
	sh, ben, folder, _ := sharing(t)
	ctx := context.Background()
	for _, s := range []*data.Store{sh.Store(), ben} {
		if _, err := s.SavePartner(ctx, data.Partner{NetworkID: sh.Network().ID, Name: "Harbour Lab", Country: "Spain", Role: "partner"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []*data.Store{sh.Store(), ben, sh.Store()} {
		if _, err := sync.Run(ctx, s, folder, sh.Network().ID); err != nil {
			t.Fatal(err)
		}
	}
	sh.ShowConflicts()
	text := topText(sh)
	if !strings.Contains(text, "Two partners named “Harbour Lab” were made at once: one on this laptop, one on Ben's laptop. The one made first (on this laptop) keeps the name; the sync renamed the one made on Ben's laptop “Harbour Lab (2)” on every laptop.") {
		t.Errorf("the screen says %q", text)
	}
	if regexp.MustCompile(`[0-9a-f]{8}`).MatchString(text) {
		t.Errorf("an id on the screen: %q", text)
	}
}

// focusedText is the label of the focused button or check, "" for others.
func focusedText(sh *shell.Shell) string {
	switch f := sh.Window().Canvas().Focused().(type) {
	case interface{ ButtonWidget() *widget.Button }:
		return f.ButtonWidget().Text
	case *widget.Button:
		return f.Text
	case *widget.Check:
		return f.Text
	}
	return ""
}

// tabTo presses Tab until the button or check labelled text has the focus.
func tabTo(t *testing.T, sh *shell.Shell, text string) {
	t.Helper()
	for range 40 {
		sh.Window().Canvas().FocusNext()
		if focusedText(sh) == text {
			return
		}
	}
	t.Fatalf("Tab never reaches %q", text)
}

func region(t *testing.T, sh *shell.Shell, id string) string {
	t.Helper()
	got, err := sh.Store().Partner(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return got.Region
}

// Tab to Edit… and Space opens the form on the kept value — the Space
// that pressed the button does not type itself over it — and Enter saves.
func TestSpaceOnEditOpensTheFormOnTheKeptValue(t *testing.T) {
	sh, p, _ := conflicted(t)
	tabTo(t, sh, "Edit…")
	uitest.Press(sh, fyne.KeySpace, ' ')
	if e := uitest.FocusedEntry(sh); e == nil || e.Text != "B-region" {
		t.Fatalf("the edit form opened on %q", topText(sh))
	}
	uitest.Press(sh, fyne.KeyReturn, 0)
	if got := region(t, sh, p.ID); got != "B-region" {
		t.Errorf("Enter in the edit form saved %q", got)
	}
}

// Two edits of the same minute show their seconds.
func TestEditsOfOneMinuteShowTheirSeconds(t *testing.T) {
	sh, _, _ := conflicted(t)
	if !regexp.MustCompile(`Ben's laptop · .* \d\d:\d\d:\d\d`).MatchString(topText(sh)) {
		t.Errorf("the times read %q", topText(sh))
	}
}

// Enter on a focused button presses it as Space does, and the check of
// the reviewed ones is reached by Tab.
func TestEnterPressesTheFocusedConflictButton(t *testing.T) {
	sh, p, screen := conflicted(t)
	tabTo(t, sh, "Take the other")
	uitest.Press(sh, fyne.KeyReturn, 0)
	uitest.Press(sh, fyne.KeyReturn, 0) // the question's Enter: take it
	if got := region(t, sh, p.ID); got != "A-region" {
		t.Errorf("Enter on Take the other left %q", got)
	}
	tabTo(t, sh, "Show the reviewed ones too")
	uitest.Press(sh, fyne.KeySpace, ' ')
	if !uitest.TextIn(screen, "Reviewed: the other value taken") {
		t.Errorf("Space on the check shows %q", topText(sh))
	}
}

// A review is undone by Ctrl+Z on the conflicts screen: the field holds
// its value again and the conflict is listed again; Redo takes it again.
func TestCtrlZTakesBackAReview(t *testing.T) {
	sh, p, screen := conflicted(t)
	test.Tap(uitest.ButtonIn(t, screen, "Take the other"))
	tap(t, sh, "Take it")
	if got := region(t, sh, p.ID); got != "A-region" {
		t.Fatalf("Take the other left %q", got)
	}
	undoOnScreen(t, sh, p, screen)
	uitest.Shortcut(sh, &fyne.ShortcutRedo{})
	if got := region(t, sh, p.ID); got != "A-region" {
		t.Errorf("after Redo the partner's region is %q", got)
	}
}

// editTo presses Edit… on the conflict of conflicted, types text over the
// kept value and presses Enter.
func editTo(t *testing.T, sh *shell.Shell, screen fyne.CanvasObject, text string) {
	t.Helper()
	test.Tap(uitest.ButtonIn(t, screen, "Edit…"))
	uitest.EntryWithText(t, uitest.TopOverlay(sh), "B-region").SetText(text)
	uitest.Press(sh, fyne.KeyReturn, 0)
}

// undoOnScreen presses Ctrl+Z on the conflicts screen of conflicted: the
// region is the kept one again and the conflict is listed again there.
func undoOnScreen(t *testing.T, sh *shell.Shell, p data.Partner, screen fyne.CanvasObject) {
	t.Helper()
	uitest.Shortcut(sh, &fyne.ShortcutUndo{})
	if got := region(t, sh, p.ID); got != "B-region" {
		t.Errorf("after Ctrl+Z the partner's region is %q", got)
	}
	if uitest.TopOverlay(sh) != screen {
		t.Fatalf("Ctrl+Z left the conflicts screen: %q", topText(sh))
	}
	card(t, screen, "Partner "+p.Name+" — Region") // listed again
}

// An edit typed over a conflict is undone by Ctrl+Z as any edit is: the
// field holds the kept value again and the conflict is listed again, on
// the screen the edit was made from — and still after the next sync.
func TestCtrlZTakesBackAnEditedConflict(t *testing.T) {
	sh, p, screen := conflicted(t)
	editTo(t, sh, screen, "Typed region")
	if got := region(t, sh, p.ID); got != "Typed region" {
		t.Fatalf("the edit saved %q", got)
	}
	if uitest.TopOverlay(sh) != screen {
		t.Fatalf("after the edit the screen shows %q", topText(sh))
	}
	undoOnScreen(t, sh, p, screen)
	st, err := sync.StatusOf(sh.Store().Path(), sh.Network().ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sync.Run(context.Background(), sh.Store(), st.Folder, sh.Network().ID); err != nil {
		t.Fatal(err)
	}
	if cs, err := sync.Conflicts(sh.Store().Path(), sh.Network().ID, false); err != nil || len(cs) != 1 {
		t.Errorf("after the next sync the conflicts to review are %+v (%v)", cs, err)
	}
}

// An edit emptied of the kept value is asked about, not saved at once.
func TestAnEmptiedEditIsAskedAbout(t *testing.T) {
	sh, p, screen := conflicted(t)
	editTo(t, sh, screen, "")
	if got := region(t, sh, p.ID); got != "B-region" {
		t.Fatalf("Enter on an emptied field saved %q at once", got)
	}
	if !strings.Contains(topText(sh), "“B-region” is removed here") {
		t.Fatalf("the question says %q", topText(sh))
	}
	tap(t, sh, "Save it empty")
	if got := region(t, sh, p.ID); got != "" {
		t.Errorf("Save it empty left %q", got)
	}
	if uitest.TopOverlay(sh) != screen {
		t.Errorf("the edit form stayed: %q", topText(sh))
	}
}

// Two long texts that differ only at their end show where they differ.
func TestLongTextsShowWhereTheyDiffer(t *testing.T) {
	sh, ben, folder, ps := sharing(t)
	p := ps[0]
	same := strings.Repeat("The same long description. ", 20)
	editPartner(t, sh.Store(), p.ID, func(p *data.Partner) { p.Region = same + "Anna ended it so." })
	editPartner(t, ben, p.ID, func(p *data.Partner) { p.Region = same + "Ben ended it otherwise." })
	ctx := context.Background()
	if _, err := sync.Run(ctx, ben, folder, sh.Network().ID); err != nil {
		t.Fatal(err)
	}
	if _, err := sync.Run(ctx, sh.Store(), folder, sh.Network().ID); err != nil {
		t.Fatal(err)
	}
	sh.ShowConflicts()
	text := topText(sh)
	if !strings.Contains(text, "Kept:\n…") || !strings.Contains(text, "Ben ended it otherwise.") || !strings.Contains(text, "Lost:\n…") || !strings.Contains(text, "Anna ended it so.") {
		t.Errorf("the screen shows %q", text)
	}
}

// A conflict left for later stays one press away: closing the screen puts
// the top bar's button back ("1 conflict to review"), which opens it again.
func TestAConflictLeftForLaterIsOnePressAway(t *testing.T) {
	sh, _, _ := conflicted(t)
	tap(t, sh, "Close")
	note := sh.SyncNote()
	if !note.Visible() || note.Text != "1 conflict to review" {
		t.Fatalf("after closing the screen the top bar shows %q (visible %v)", note.Text, note.Visible())
	}
	test.Tap(note)
	if !uitest.TextIn(uitest.TopOverlay(sh), "Take the other") {
		t.Errorf("the button opened %q", topText(sh))
	}
}

// An edit here to a record deleted on another laptop is not gone without
// a word: the message after Sync now says where it is.
func TestTheSyncMessageSaysAnEditWentToTheTrash(t *testing.T) {
	got := shell.SyncSummary(sync.Report{DeletedThere: []sync.DeletedThere{{Label: "partner 'Budaörs'", Laptop: "1f2e", By: "Ben's laptop"}}})
	if !strings.Contains(got, "Partner 'Budaörs' was deleted on Ben's laptop while it was changed here: it is in the trash with the change made here") {
		t.Errorf("the message says %q", got)
	}
}
