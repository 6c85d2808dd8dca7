package shell_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

var documentFormats = []string{".xlsx", ".docx", ".pdf"}

// formatRadio is the format chooser of the dialog on top.
func formatRadio(t *testing.T, sh *shell.Shell) *widget.RadioGroup {
	t.Helper()
	r, ok := uitest.Find(uitest.TopOverlay(sh), func(*widget.RadioGroup) bool { return true })
	if !ok {
		t.Fatal("the export dialog has no format chooser")
	}
	return r
}

// option is the chooser's option that names this format.
func option(t *testing.T, r *widget.RadioGroup, prefix string) string {
	t.Helper()
	for _, o := range r.Options {
		if strings.HasPrefix(o, prefix) {
			return o
		}
	}
	t.Fatalf("no option %q in %q", prefix, r.Options)
	return ""
}

// folderLabel is the dialog's label that shows the folder it saves to.
func folderLabel(t *testing.T, sh *shell.Shell, folder string) *widget.Label {
	t.Helper()
	l, ok := uitest.Find(uitest.TopOverlay(sh), func(l *widget.Label) bool { return l.Text == folder })
	if !ok {
		t.Fatalf("the dialog does not show the folder %s", folder)
	}
	return l
}

// The format chooser says what each format is for; choosing one changes
// the name's extension, typing an extension chooses its format, and a name
// typed without one gets the chosen format's.
func TestTheFormatChooserAndTheExtensionFollowEachOther(t *testing.T) {
	sh, _ := newFakeShell(t, false)
	var got string
	sh.AskExportPath("Export the grids", "Learning grids.docx", documentFormats, func(path string) { got = path })
	r := formatRadio(t, sh)
	if !strings.Contains(r.Selected, "to edit in Word") || !strings.Contains(option(t, r, "XLSX"), "filter") || !strings.Contains(option(t, r, "PDF"), "print") {
		t.Fatalf("options %q, chosen %q: want what each is for, DOCX chosen", r.Options, r.Selected)
	}
	name := uitest.EntryWithText(t, uitest.TopOverlay(sh), "Learning grids")
	r.SetSelected(option(t, r, "XLSX"))
	if name.Text != "Learning grids.xlsx" {
		t.Errorf("choosing XLSX made the name %q", name.Text)
	}
	name.SetText("Minutes CNM 3.PDF")
	if !strings.HasPrefix(r.Selected, "PDF") {
		t.Errorf("typing .PDF chose %q", r.Selected)
	}
	name.SetText("Minutes v1.2")
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	if filepath.Base(got) != "Minutes v1.2.pdf" {
		t.Errorf("saved to %q, want the chosen format's extension added: Minutes v1.2.pdf", got)
	}
}

// The folder saved to last is where the next export starts, ahead of the
// export folder of Settings; choosing a new export folder in Settings
// puts it first again.
func TestTheLastExportFolderIsRemembered(t *testing.T) {
	sh, _ := newFakeShell(t, false)
	settings, chosen := t.TempDir(), t.TempDir()
	shell.SaveSettings(shell.Settings{ExportFolder: settings}, sh.App().Preferences())
	var got string
	sh.AskExportPath("Export", "matrix.xlsx", documentFormats, func(path string) { got = path })
	folderLabel(t, sh, settings).SetText(chosen) // as the folder dialog does
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Save"))
	if got != filepath.Join(chosen, "matrix.xlsx") {
		t.Fatalf("saved to %q", got)
	}
	sh.AskExportPath("Export", "grids.docx", documentFormats, func(string) {})
	folderLabel(t, sh, chosen)
	uitest.Key(sh, fyne.KeyEscape)

	// The preference is the user's: a window on another database of the
	// same user starts there too.
	other, _ := newFakeShellWithApp(t, sh.App())
	other.AskExportPath("Export", "grids.docx", documentFormats, func(string) {})
	folderLabel(t, other, chosen)
	uitest.Key(other, fyne.KeyEscape)

	os.Remove(chosen)
	sh.AskExportPath("Export", "grids.docx", documentFormats, func(string) {})
	folderLabel(t, sh, settings) // the folder is gone: the Settings' one
	uitest.Key(sh, fyne.KeyEscape)
}

// recordingOpener records what it was asked to open; fail makes it fail.
type recordingOpener struct {
	opened, shown []string
	fail          error
}

func (o *recordingOpener) Open(path string) error {
	o.opened = append(o.opened, path)
	return o.fail
}

func (o *recordingOpener) ShowInFolder(path string) error {
	o.shown = append(o.shown, path)
	return o.fail
}

// exportOnce runs an export that writes a small file and waits until the
// user has been told.
func exportOnce(t *testing.T, sh *shell.Shell, path string) {
	t.Helper()
	done := make(chan struct{})
	sh.Exported = func() { close(done) }
	sh.ExportInBackground(path, func(context.Context, func(string, float64)) (string, error) {
		return "The grids of 2 partners written to " + path + ".", os.WriteFile(path, []byte("x"), 0o644)
	})
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the export did not finish")
	}
}

// After an export the message offers Open and Show in folder, which hand
// the file to the system's opener; where there is none, the user is told
// so and where the file is.
func TestTheExportMessageOpensTheFileOrItsFolder(t *testing.T) {
	sh, _ := newFakeShell(t, false)
	opener := &recordingOpener{}
	sh.Opener = opener
	path := filepath.Join(t.TempDir(), "grids.xlsx")
	exportOnce(t, sh, path)
	if !uitest.TextIn(uitest.TopOverlay(sh), "written to "+path) {
		t.Fatal("the message does not say where the file went")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Open"))
	exportOnce(t, sh, path)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Show in folder"))
	if len(opener.opened) != 1 || opener.opened[0] != path || len(opener.shown) != 1 || opener.shown[0] != path {
		t.Fatalf("opened %q, shown %q; want %s once each", opener.opened, opener.shown, path)
	}
	if top := uitest.TopOverlay(sh); top != nil {
		t.Fatal("a message is still up after Show in folder")
	}

	opener.fail = errors.Join(shell.ErrNoOpener, errors.New("xdg-open was not found"))
	exportOnce(t, sh, path)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Open"))
	if top := uitest.TopOverlay(sh); !uitest.TextIn(top, "No program to open it") || !uitest.TextIn(top, "grids.xlsx in "+filepath.Dir(path)) {
		t.Fatal("with no opener, the user is not told so and where the file is")
	}
}

// The system's opener: xdg-open on Linux (the folder for Show in folder),
// open and open -R on macOS, explorer and explorer /select on Windows;
// with no such program, ErrNoOpener naming it.
func TestTheSystemOpenerRunsTheSystemsProgram(t *testing.T) {
	found := func(name string) (string, error) { return "/usr/bin/" + name, nil }
	for goos, want := range map[string][2]string{
		"linux":   {"xdg-open /tmp/x/grids.xlsx", "xdg-open /tmp/x"},
		"darwin":  {"open /tmp/x/grids.xlsx", "open -R /tmp/x/grids.xlsx"},
		"windows": {"explorer /tmp/x/grids.xlsx", "explorer /select,/tmp/x/grids.xlsx"},
	} {
		var ran []string
		o := shell.SystemOpener(goos, found, func(cmd *exec.Cmd) error {
			ran = append(ran, filepath.Base(cmd.Path)+" "+strings.Join(cmd.Args[1:], " "))
			return nil
		})
		if err := o.Open("/tmp/x/grids.xlsx"); err != nil {
			t.Fatal(err)
		}
		if err := o.ShowInFolder("/tmp/x/grids.xlsx"); err != nil {
			t.Fatal(err)
		}
		if len(ran) != 2 || ran[0] != want[0] || ran[1] != want[1] {
			t.Errorf("%s ran %q, want %q", goos, ran, want)
		}
	}
	none := shell.SystemOpener("linux", func(name string) (string, error) { return "", exec.ErrNotFound }, nil)
	if err := none.Open("/tmp/x/grids.xlsx"); !errors.Is(err, shell.ErrNoOpener) || !strings.Contains(err.Error(), "xdg-open") {
		t.Errorf("with no xdg-open: %v", err)
	}
}

// When the opener it started gives up (xdg-open ends with status 3 where
// no program is set up for the file's kind), the shell is told, so the
// user does not wait for a window that never comes.
func TestAnOpenerThatGivesUpIsReported(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("xdg-open is Linux's opener")
	}
	bin := t.TempDir()
	os.WriteFile(filepath.Join(bin, "xdg-open"), []byte("#!/bin/sh\nexit 3\n"), 0o755)
	t.Setenv("PATH", bin)
	failed := make(chan string, 1)
	o := shell.RealSystemOpener(func(program, file string, folder bool, err error) {
		failed <- fmt.Sprint(program, " ", file, " ", folder, ": ", err)
	})
	if err := o.Open("/tmp/x/grids.xlsx"); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-failed:
		if got != "xdg-open /tmp/x/grids.xlsx false: exit status 3" {
			t.Errorf("reported %q", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the opener's failure was not reported")
	}
}

// When showing the folder fails, the message names the folder and the
// file in it; once it is read, the export's message is still there, so
// the file can still be opened.
func TestAFailedShowInFolderNamesTheFolderAndKeepsOpen(t *testing.T) {
	sh, _ := newFakeShell(t, false)
	opener := &recordingOpener{}
	sh.Opener = opener
	dir := filepath.Join(t.TempDir(), "rev16")
	os.Mkdir(dir, 0o755)
	path := filepath.Join(dir, "grids.pdf")
	exportOnce(t, sh, path)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Show in folder"))
	sh.OpenerFailed("xdg-open", path, true, errors.New("exit status 3"))
	top := uitest.TopOverlay(sh)
	if want := "could not show the folder " + dir + " (where grids.pdf is)"; !uitest.TextIn(top, want) {
		t.Fatalf("the failure does not say %q", want)
	}
	uitest.Key(sh, fyne.KeyReturn) // dismiss the failure
	if top := uitest.TopOverlay(sh); top == nil || !uitest.TextIn(top, "written to "+path) {
		t.Fatal("dismissing the failure closed the export's message")
	}
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Open"))
	if len(opener.opened) != 1 || opener.opened[0] != path {
		t.Fatalf("opened %q after the failure, want %s", opener.opened, path)
	}
}
