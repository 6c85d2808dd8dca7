package shell_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/demo"
	"github.com/aoce-desktop/aoce-desktop/internal/sync"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

func TestWelcomeOffersTheDemoOnAnEmptyDatabase(t *testing.T) {
	sh, _ := newFakeShell(t, false)
	demoBtn, _ := sh.WelcomeButtons()
	if demoBtn == nil || !uitest.TextIn(sh.Content(), "Start with the demo network") {
		t.Fatal("no welcome screen on an empty database")
	}
	test.Tap(demoBtn)
	if sh.Network().Name != demo.Name || sh.Window().Title() != demo.Name+" — AoCE Desktop" {
		t.Fatalf("after tapping the demo button: network %q, title %q", sh.Network().Name, sh.Window().Title())
	}
	if id, _ := sh.Store().Setting(context.Background(), "ui.last_network_id"); id != sh.Network().ID {
		t.Fatalf("last network remembered as %q", id)
	}
}

// New network from the welcome screen: the name field has the focus, so
// typing goes straight in, and Enter creates it.
func TestNewNetworkFromWelcome(t *testing.T) {
	sh, _ := newFakeShell(t, false)
	_, create := sh.WelcomeButtons()
	test.Tap(create)
	d := uitest.TopOverlay(sh)
	if d == nil || uitest.ButtonIn(t, d, "Create").Disabled() == false {
		t.Fatal("no new-network dialog, or Create enabled while the name is empty")
	}
	name := uitest.EntryWithPlaceholder(t, d, "e.g. Agents of Co-Existence")
	if uitest.FocusedEntry(sh) != name {
		t.Fatal("the name field does not have the focus")
	}
	test.Type(name, "Cities of Tomorrow")
	uitest.Key(sh, "Return")
	if sh.Network().Name != "Cities of Tomorrow" {
		t.Fatalf("network %q", sh.Network().Name)
	}
}

func TestNetworkPickerAppearsWithTwoNetworks(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	if sh.NetworkPicker().Visible() {
		t.Fatal("network picker shown with one network")
	}
	n := sh.Network()
	n.ID, n.Name = "", "Second network"
	created, err := sh.Store().CreateNetwork(context.Background(), n)
	if err != nil {
		t.Fatal(err)
	}
	sh.OpenNetwork(created)
	if !sh.NetworkPicker().Visible() || len(sh.NetworkPicker().Options) != 2 {
		t.Fatalf("picker visible %v with %v", sh.NetworkPicker().Visible(), sh.NetworkPicker().Options)
	}
	sh.NetworkPicker().SetSelected(demo.Name)
	if sh.Network().Name != demo.Name {
		t.Fatalf("picking the demo network opened %q", sh.Network().Name)
	}
}

// The live database and its companion files are refused as a target,
// also under another spelling of their path.
func TestBackupRefusesTheLiveDatabase(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	db := sh.Store().Path()
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	dotted := filepath.Join(filepath.Dir(db), ".", filepath.Base(db))
	for _, name := range []string{db, db + "-wal", link, dotted} {
		if sh.UnsafeSavePath(name) == "" {
			t.Errorf("%s is accepted as a target", name)
		}
	}
	if sh.UnsafeSavePath(filepath.Join(filepath.Dir(db), "copy.db")) != "" {
		t.Error("a new file beside the database is refused")
	}
	before, _ := os.ReadFile(db)
	sh.BackupDialog()
	d := uitest.TopOverlay(sh)
	uitest.EntryWithText(t, d, "aoce-backup-").SetText(filepath.Base(db))
	uitest.Key(sh, "Return")
	if !uitest.TextIn(uitest.TopOverlay(sh), "own database") {
		t.Fatal("choosing the live database as backup target was not refused")
	}
	if after, _ := os.ReadFile(db); len(after) != len(before) {
		t.Fatalf("the database changed: %d → %d bytes", len(before), len(after))
	}
}

// A backup runs in the background and lands where asked.
func TestBackupWritesACopy(t *testing.T) {
	sh, _ := newFakeShell(t, true)
	sh.BackupDialog()
	d := uitest.TopOverlay(sh)
	uitest.EntryWithText(t, d, "aoce-backup-").SetText("copy.db")
	ended := jobEnded(sh)
	test.Tap(uitest.ButtonIn(t, d, "Save"))
	target := filepath.Join(filepath.Dir(sh.Store().Path()), "copy.db")
	waitFor(t, "the backup", ended)
	if !uitest.TextIn(uitest.TopOverlay(sh), "A complete copy") {
		t.Fatal("the backup is not reported")
	}
	if _, err := os.Stat(target); err != nil {
		t.Fatalf("no backup written: %v", err)
	}
}

// The welcome screen takes a network over from another laptop: Import a
// network file… is File › Import network… (its file dialog), and Join a
// shared folder… builds the network from the folder Anna's laptop syncs
// into, as 'sync --folder DIR --network ID' does, and opens it; the
// network then syncs with that folder by itself.
func TestTheWelcomeTakesANetworkOverFromAnotherLaptop(t *testing.T) {
	ctx := context.Background()
	annaPath, network := testkit.DemoFile(t, "anna.db")
	anna, err := data.Open(annaPath, data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { anna.Close() })
	folder := t.TempDir()
	if err := sync.SetLaptopName(ctx, anna, "Anna's laptop"); err != nil {
		t.Fatal(err)
	}
	if _, err := sync.Run(ctx, anna, folder, network.ID); err != nil {
		t.Fatal(err)
	}

	sh, _ := newFakeShell(t, false)
	importFile, join := sh.WelcomeTakeOver()
	if importFile == nil || importFile.Text != "Import a network file…" || join.Text != "Join a shared folder…" {
		t.Fatal("the welcome screen offers no way to take a network over")
	}
	test.Tap(importFile)
	if !uitest.TextIn(uitest.TopOverlay(sh), "Open File") {
		t.Fatalf("Import a network file… opened %q", topText(sh))
	}
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))
	test.Tap(join)
	if !uitest.TextIn(uitest.TopOverlay(sh), "Open Folder") {
		t.Fatalf("Join a shared folder… opened %q", topText(sh))
	}
	sh.Window().Canvas().Overlays().Remove(uitest.TopOverlay(sh))

	// The jobs run once the tap or call that starts them has returned, on
	// the test's goroutine: the test driver has no UI goroutine of its own.
	var queued []func()
	sh.StartJob = func(run func()) { queued = append(queued, run) }
	runJobs := func() {
		for len(queued) > 0 {
			run := queued[0]
			queued = queued[1:]
			run()
		}
	}
	ended := jobEnded(sh)
	sh.JoinFolder(folder) // the folder picked
	runJobs()
	waitFor(t, "reading the folder", ended)
	if text := topText(sh); !strings.Contains(text, network.Name+" — shared by Anna's laptop, last written ") {
		t.Fatalf("the join form says %q", text)
	}
	uitest.EntryWithPlaceholder(t, uitest.TopOverlay(sh), "e.g. Anna's laptop").SetText("Ben's laptop")
	ended = jobEnded(sh)
	tap(t, sh, "Join")
	runJobs()
	waitFor(t, "the first sync", ended)
	if sh.Network().ID != network.ID || sh.Network().Name != network.Name {
		t.Fatalf("after joining the window shows %+v", sh.Network())
	}
	if !strings.Contains(topText(sh), network.Name+" is synced") {
		t.Errorf("no word of the sync: %q", topText(sh))
	}
	st, err := sync.StatusOf(sh.Store().Path(), network.ID, "")
	if err != nil || st.Folder != folder || st.LaptopName != "Ben's laptop" || !slices.Equal(st.Others, []string{"Anna's laptop"}) {
		t.Errorf("after joining the sync stands at %+v, %v", st, err)
	}
	ps, err := sh.Store().Partners(ctx, network.ID)
	if want, _ := anna.Partners(ctx, network.ID); err != nil || len(ps) != len(want) || len(ps) == 0 {
		t.Errorf("joined with %d partners of %d (%v)", len(ps), len(want), err)
	}
}
