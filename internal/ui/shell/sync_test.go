package shell_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/sync"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// otherLaptop is a second database that joined the shell's network
// through folder: the shell's laptop synced first, then this one.
func otherLaptop(t *testing.T, sh *shell.Shell, folder string) *data.Store {
	t.Helper()
	ctx := context.Background()
	b, err := data.Open(filepath.Join(t.TempDir(), "ben.db"), data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	if err := sync.SetLaptopName(ctx, b, "Ben's laptop"); err != nil {
		t.Fatal(err)
	}
	if _, err := sync.Run(ctx, sh.Store(), folder, sh.Network().ID); err != nil {
		t.Fatal(err)
	}
	if r, err := sync.Run(ctx, b, folder, sh.Network().ID); err != nil || r.Files != 1 {
		t.Fatalf("Ben's laptop joined with %+v, %v", r, err)
	}
	return b
}

// sharing is a shell on the demo network whose sync folder is set and
// shared with another laptop, and the network's partners.
func sharing(t *testing.T) (sh *shell.Shell, ben *data.Store, folder string, ps []data.Partner) {
	t.Helper()
	sh, _ = newFakeShell(t, true)
	folder = t.TempDir()
	if err := sync.SetFolder(context.Background(), sh.Store(), sh.Network().ID, folder); err != nil {
		t.Fatal(err)
	}
	ben = otherLaptop(t, sh, folder)
	ps, err := sh.Store().Partners(context.Background(), sh.Network().ID)
	if err != nil {
		t.Fatal(err)
	}
	return sh, ben, folder, ps
}

// editPartner changes a partner on one laptop through the store.
func editPartner(t *testing.T, s *data.Store, id string, change func(*data.Partner)) {
	t.Helper()
	p, err := s.Partner(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	change(&p)
	if _, err := s.SavePartner(context.Background(), p); err != nil {
		t.Fatal(err)
	}
}

// card is the conflict on the screen whose title is title.
func card(t *testing.T, o fyne.CanvasObject, title string) fyne.CanvasObject {
	t.Helper()
	c, ok := uitest.Find(o, func(c *fyne.Container) bool {
		if len(c.Objects) < 3 {
			return false
		}
		l, ok := c.Objects[0].(*widget.Label)
		return ok && l.Text == title
	})
	if !ok {
		t.Fatalf("no conflict %q on the screen", title)
	}
	return c
}

// A user shares the network through a folder in the sync settings,
// edits the same partner as another laptop, presses Ctrl+Shift+S with a
// typed word on screen (it is saved first), is told of the conflicts and
// resolves one each way on the conflicts screen; the store holds what was
// chosen and the list ends empty.
func TestSyncSettingsSyncNowAndTheConflictsScreen(t *testing.T) {
	sh, views := newFakeShell(t, true)
	ctx := context.Background()
	folder := t.TempDir()

	sh.ShowSyncSettings()
	form := uitest.TopOverlay(sh)
	shared := uitest.EntryWithPlaceholder(t, form, "e.g. the Syncthing or Nextcloud folder shared with the others")
	shared.SetText(filepath.Dir(sh.Store().Path())) // the folder the database is in
	test.Tap(uitest.ButtonIn(t, form, "Save"))      // the field is left: its error shows and Save is disabled
	if uitest.TopOverlay(sh) != form || !uitest.ButtonIn(t, form, "Save").Disabled() {
		t.Error("a sync folder holding the database was taken")
	}
	shared.SetText(folder)
	name := uitest.EntryWithPlaceholder(t, form, "e.g. Anna's laptop")
	if h, _ := os.Hostname(); h != "" && name.Text == "" {
		t.Errorf("the laptop's name is not prefilled with the computer's name %q", h)
	}
	name.SetText("Anna's laptop")
	tap(t, sh, "Save")
	st, err := sync.StatusOf(sh.Store().Path(), sh.Network().ID, "")
	if err != nil || st.Folder != folder || st.LaptopName != "Anna's laptop" {
		t.Fatalf("the settings stored %+v, %v", st, err)
	}

	ben := otherLaptop(t, sh, folder)
	ps, err := sh.Store().Partners(ctx, sh.Network().ID)
	if err != nil {
		t.Fatal(err)
	}
	p := ps[0]
	one, two := int64(1111), int64(2222)
	editPartner(t, sh.Store(), p.ID, func(p *data.Partner) { p.Population, p.Country, p.Region = &one, "A-land", "A-region" })
	editPartner(t, ben, p.ID, func(p *data.Partner) { p.Population, p.Country, p.Region = &two, "B-land", "B-region" }) // later: it wins
	if _, err := sync.Run(ctx, ben, folder, sh.Network().ID); err != nil {
		t.Fatal(err)
	}

	v := (*views)[0]
	v.typed = "a typed word"
	ended := jobEnded(sh)
	uitest.Shortcut(sh, &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	tap(t, sh, "Save") // the screen's unsaved changes: saved before the sync
	waitFor(t, "the sync", ended)
	if v.stored != "a typed word" {
		t.Errorf("the typed word was not saved before the sync: %q", v.stored)
	}
	if v.reloads == 0 {
		t.Error("the views were not reloaded after the sync")
	}
	report := uitest.TopOverlay(sh)
	if !uitest.TextIn(report, "Received") || !uitest.TextIn(report, "To review: 3 conflicts") {
		t.Fatalf("the report says %q", topText(sh))
	}
	tap(t, sh, "Review conflicts…")
	screen := uitest.TopOverlay(sh)
	if !uitest.TextIn(screen, "Ben's laptop") || !uitest.TextIn(screen, "this laptop") {
		t.Errorf("the screen does not name the laptops: %q", topText(sh))
	}

	test.Tap(uitest.ButtonIn(t, card(t, screen, "Partner "+p.Name+" — Population"), "Keep"))
	test.Tap(uitest.ButtonIn(t, card(t, screen, "Partner "+p.Name+" — Country"), "Take the other"))
	uitest.Key(sh, fyne.KeyReturn) // Enter takes it, as the highlighted button would
	test.Tap(uitest.ButtonIn(t, card(t, screen, "Partner "+p.Name+" — Region"), "Edit…"))
	region := uitest.EntryWithText(t, uitest.TopOverlay(sh), "B-region")
	if region.CursorColumn != len("B-region") {
		t.Errorf("the Edit box opens with the cursor at column %d, not after the text", region.CursorColumn)
	}
	region.SetText("Both regions")
	tap(t, sh, "Save")

	got, err := sh.Store().Partner(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Population == nil || *got.Population != two || got.Country != "A-land" || got.Region != "Both regions" {
		t.Errorf("after keep, take and edit the partner holds %v, %q, %q", got.Population, got.Country, got.Region)
	}
	if !uitest.TextIn(screen, "No conflicts to review on this laptop.") {
		t.Errorf("the resolved conflicts are still listed: %q", topText(sh))
	}
	reviewed, ok := uitest.Find(screen, func(c *widget.Check) bool { return c.Text == "Show the reviewed ones too" })
	if !ok {
		t.Fatal("no Show the reviewed ones too")
	}
	test.Tap(reviewed)
	if !uitest.TextIn(screen, "Reviewed: kept") || !uitest.TextIn(screen, "Reviewed: edited to “Both regions”") {
		t.Errorf("show reviewed lists %q", topText(sh))
	}
	if cs, err := sync.Conflicts(sh.Store().Path(), sh.Network().ID, false); err != nil || len(cs) != 0 {
		t.Errorf("conflicts left: %v, %v", cs, err)
	}
}

// A folder that is gone (the folder tool stopped, the disk unplugged) is
// said in a dialog, and nothing is synced.
func TestSyncNowWithTheFolderGoneSaysSo(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	folder := filepath.Join(t.TempDir(), "stick")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := sync.SetFolder(context.Background(), sh.Store(), sh.Network().ID, folder); err != nil {
		t.Fatal(err)
	}
	os.Remove(folder)
	ended := jobEnded(sh)
	sh.SyncNow()
	waitFor(t, "the sync", ended)
	if !strings.Contains(topText(sh), "is the folder tool") && !strings.Contains(topText(sh), "Is the folder tool") {
		t.Fatalf("the dialog says %q", topText(sh))
	}
}

// synced returns a channel closed once the next sync of the window has
// ended and been shown.
func synced(sh *shell.Shell) <-chan struct{} {
	done := make(chan struct{})
	sh.Synced = func(shell.SyncReport, error) { close(done) }
	return done
}

// The automatic sync is quiet: held back while a dialog is open, then the
// status line says what it did, and conflicts that appeared wait behind a
// button of the top bar that opens the conflicts screen — no dialog.
func TestTheAutomaticSyncIsQuietAndLeadsToItsConflicts(t *testing.T) {
	sh, ben, folder, ps := sharing(t)
	ctx := context.Background()
	editPartner(t, sh.Store(), ps[0].ID, func(p *data.Partner) { p.Country = "A-land" })
	editPartner(t, ben, ps[0].ID, func(p *data.Partner) { p.Country = "B-land" })
	if _, err := sync.Run(ctx, ben, folder, sh.Network().ID); err != nil {
		t.Fatal(err)
	}

	sh.ShowMessage("Something", "a dialog the user reads")
	sh.StartJob = func(func()) { t.Error("an automatic sync started under a dialog") }
	sh.SyncQuietly()
	sh.StartJob = nil
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))

	done := synced(sh)
	sh.SyncQuietly()
	waitFor(t, "the automatic sync", done)
	if uitest.TopOverlay(sh) != nil {
		t.Fatalf("the automatic sync opened a dialog: %q", topText(sh))
	}
	if line := sh.StatusLine(); !strings.Contains(line, "Synced at") || !strings.Contains(line, "1 conflict") {
		t.Errorf("the status line says %q", line)
	}
	note := sh.SyncNote()
	if !note.Visible() || !strings.Contains(note.Text, "1 conflict after the sync") {
		t.Fatalf("no note of the new conflict: %v %q", note.Visible(), note.Text)
	}
	test.Tap(note)
	if top := uitest.TopOverlay(sh); top == nil || !uitest.TextIn(top, "Partner "+ps[0].Name+" — Country") {
		t.Fatalf("the note did not lead to the conflicts screen: %q", topText(sh))
	}
	if note.Visible() {
		t.Error("the note stays after the conflicts were opened")
	}
}

// Quitting syncs once more: a change made since the last sync reaches
// the other laptop.
func TestQuittingSyncsOnceMore(t *testing.T) {
	sh, ben, folder, ps := sharing(t)
	ctx := context.Background()
	editPartner(t, sh.Store(), ps[0].ID, func(p *data.Partner) { p.Region = "changed before quitting" })
	sh.EnableAutoSync()
	sh.WhenStopping()
	if _, err := sync.Run(ctx, ben, folder, sh.Network().ID); err != nil {
		t.Fatal(err)
	}
	got, err := ben.Partner(ctx, ps[0].ID)
	if err != nil || got.Region != "changed before quitting" {
		t.Fatalf("the other laptop has %q, %v", got.Region, err)
	}
}

// Quitting during a live session: the session stops first and stores
// what the room sent (here, its stop writes a change), and the sync at
// quit then carries it to the other laptop — it is not skipped because a
// session was running.
func TestQuittingDuringALiveSessionSyncsWhatTheRoomSent(t *testing.T) {
	sh, ben, folder, ps := sharing(t)
	ctx := context.Background()
	sh.Track(func() {
		editPartner(t, sh.Store(), ps[0].ID, func(p *data.Partner) { p.Region = "stored as the session stopped" })
	})
	sh.EnableAutoSync()
	sh.WhenStopping()
	if _, err := sync.Run(ctx, ben, folder, sh.Network().ID); err != nil {
		t.Fatal(err)
	}
	got, err := ben.Partner(ctx, ps[0].ID)
	if err != nil || got.Region != "stored as the session stopped" {
		t.Fatalf("the other laptop has %q, %v", got.Region, err)
	}
}

// A sync at quit that does not run says why in the log (here: the folder
// is gone) — it used to return without a word.
func TestASyncAtQuitHeldBackSaysWhy(t *testing.T) {
	sh, _, folder, _ := sharing(t)
	if err := os.RemoveAll(folder); err != nil {
		t.Fatal(err)
	}
	var logged []string
	sh.SetLogError(func(what string, err error) { logged = append(logged, what+": "+err.Error()) })
	sh.EnableAutoSync()
	sh.WhenStopping()
	if !strings.Contains(strings.Join(logged, "\n"), "the sync at quit was not done: the sync folder "+folder+" is not there") {
		t.Errorf("logged %q", logged)
	}
}

// Quitting after a hand-over was merged (File › Import network…, Merge)
// syncs like any quit: the merge's edit and one made after it reach the
// other laptop, and the log names no sync at quit held back.
func TestQuittingAfterAMergedImportSyncs(t *testing.T) {
	sh, ben, folder, ps := sharing(t)
	ctx := context.Background()
	var logged []string
	sh.SetLogError(func(what string, err error) { logged = append(logged, what+": "+err.Error()) })
	editPartner(t, ben, ps[0].ID, func(p *data.Partner) { p.Country = "from the hand-over" })
	file := filepath.Join(t.TempDir(), "ben.aoce")
	if _, err := ben.ExportNetwork(ctx, sh.Network().ID, file, "test"); err != nil {
		t.Fatal(err)
	}
	previewed(t, sh, file)
	ended := jobEnded(sh)
	tap(t, sh, "Merge")
	waitFor(t, "the merge", ended)
	editPartner(t, sh.Store(), ps[1].ID, func(p *data.Partner) { p.Region = "after the merge" })
	sh.EnableAutoSync()
	sh.WhenStopping()
	if len(logged) > 0 {
		t.Errorf("logged %q", logged)
	}
	if _, err := sync.Run(ctx, ben, folder, sh.Network().ID); err != nil {
		t.Fatal(err)
	}
	got, err := ben.Partner(ctx, ps[1].ID)
	if err != nil || got.Region != "after the merge" {
		t.Fatalf("the other laptop has %q, %v", got.Region, err)
	}
}

// The sync settings name the other laptops the network is shared with, as
// they named themselves (from their state files in the folder).
func TestSyncSettingsNameTheOtherLaptops(t *testing.T) {
	sh, _, _, _ := sharing(t)
	sh.ShowSyncSettings()
	if top := uitest.TopOverlay(sh); top == nil || !uitest.TextIn(top, "Shared with Ben's laptop") {
		t.Fatalf("the settings say %q", topText(sh))
	}
}

// Quitting while an automatic sync is under way: stopping cancels that
// sync, so the sync at quit runs after it — it used to be skipped ("a sync
// was still under way") and the change made before quitting stayed here.
func TestQuittingDuringAnAutomaticSyncSyncsOnceMore(t *testing.T) {
	sh, ben, folder, ps := sharing(t)
	ctx := context.Background()
	var logged []string
	sh.SetLogError(func(what string, err error) { logged = append(logged, what+": "+err.Error()) })
	editPartner(t, sh.Store(), ps[0].ID, func(p *data.Partner) { p.Region = "changed during the automatic sync" })
	var inFlight func()
	sh.StartJob = func(run func()) { inFlight = run } // under way until stopping cancelled it
	sh.SyncQuietly()
	sh.StartJob = nil
	if inFlight == nil {
		t.Fatal("no automatic sync started")
	}
	sh.EnableAutoSync()
	go func() { // the cancelled sync lets go once the app stops
		time.Sleep(2 * time.Second)
		inFlight()
	}()
	sh.WhenStopping()
	for _, l := range logged {
		if strings.Contains(l, "sync at quit") {
			t.Errorf("logged %q", l)
		}
	}
	if _, err := sync.Run(ctx, ben, folder, sh.Network().ID); err != nil {
		t.Fatal(err)
	}
	got, err := ben.Partner(ctx, ps[0].ID)
	if err != nil || got.Region != "changed during the automatic sync" {
		t.Fatalf("the other laptop has %q, %v", got.Region, err)
	}
}
