package shell_test

import (
	"errors"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// fakeView is a view with a typed value that may be unsaved: it stands for
// any editing screen, so the shell's decisions are tested without the
// real areas (which import the shell).
type fakeView struct {
	name     string
	stored   string // what the store would hold
	typed    string // what is on screen
	saveOK   bool   // whether Save succeeds
	reloads  int
	flushErr error
	flushed  bool
	dropped  []string
	takes    bool // Drop accepts
	news     int
	label    *widget.Label
	entry    *widget.Entry
	obj      fyne.CanvasObject
}

func newFakeView(name string) *fakeView {
	v := &fakeView{name: name, saveOK: true, label: widget.NewLabel(name), entry: widget.NewEntry()}
	v.obj = container.NewVBox(v.label, v.entry)
	return v
}

func (v *fakeView) Object() fyne.CanvasObject { return v.obj }
func (v *fakeView) Reload()                   { v.reloads++ }
func (v *fakeView) Unsaved() string {
	if v.typed != v.stored {
		return "the " + v.name
	}
	return ""
}
func (v *fakeView) Save() bool {
	if v.saveOK {
		v.stored = v.typed
	}
	return v.saveOK
}
func (v *fakeView) Discard() { v.typed = v.stored }
func (v *fakeView) Flush() error {
	v.flushed = true
	if v.flushErr == nil {
		v.stored = v.typed
	}
	return v.flushErr
}
func (v *fakeView) Drop(path string) bool { v.dropped = append(v.dropped, path); return v.takes }
func (v *fakeView) New()                  { v.news++ }

// fakeAreas are two areas of fake views; the views are returned as built.
func fakeAreas(views *[]*fakeView) []shell.Area {
	build := func(name string) func(*shell.Shell) shell.View {
		return func(*shell.Shell) shell.View {
			v := newFakeView(name)
			*views = append(*views, v)
			return v
		}
	}
	return []shell.Area{
		{ID: "first", Title: "First", Build: build("first"), TakesDrops: true},
		{ID: "second", Title: "Second", Build: build("second")},
	}
}

// newFakeShell is a shell on a fresh database (with the demo network
// when withDemo) whose areas are fake views.
func newFakeShell(t *testing.T, withDemo bool) (*shell.Shell, *[]*fakeView) {
	t.Helper()
	return newFakeShellOn(t, test.NewTempApp(t), withDemo)
}

// newFakeShellWithApp is a second window of the same user (app and
// preferences) on another database.
func newFakeShellWithApp(t *testing.T, a fyne.App) (*shell.Shell, *[]*fakeView) {
	t.Helper()
	return newFakeShellOn(t, a, false)
}

func newFakeShellOn(t *testing.T, a fyne.App, withDemo bool) (*shell.Shell, *[]*fakeView) {
	t.Helper()
	views := &[]*fakeView{}
	path := filepath.Join(t.TempDir(), "shell.db")
	if withDemo {
		path, _ = testkit.DemoFile(t, "shell.db")
	}
	s, err := data.Open(path, data.Writer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	w := a.NewWindow("AoCE Desktop")
	sh := shell.New(a, w, s, fakeAreas(views))
	w.SetContent(sh.Content())
	w.Resize(fyne.NewSize(1180, 720))
	sh.Start("")
	t.Cleanup(w.Close)
	return sh, views
}

// tap presses the button with this text in the dialog on top.
func tap(t *testing.T, sh *shell.Shell, text string) {
	t.Helper()
	top := uitest.TopOverlay(sh)
	if top == nil {
		t.Fatalf("no dialog to press %q in", text)
	}
	test.Tap(uitest.ButtonIn(t, top, text))
}

// errBroken is a failure a fake store call returns.
var errBroken = errors.New("the disk is full")

// topText is the text of the labels of the dialog on top, "" when none.
func topText(sh *shell.Shell) string {
	top := uitest.TopOverlay(sh)
	if top == nil {
		return ""
	}
	text := ""
	uitest.Walk(top, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			text += l.Text + "\n"
		}
		return true
	})
	return text
}
