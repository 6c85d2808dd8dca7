package surveys

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// largeCSV writes a Google Forms export of n respondents.
func largeCSV(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Timestamp,Your city,Main learning need,Rating\n")
	cities := []string{"Genk", "Gdańsk", "Iași", "Breda"}
	for i := range n {
		fmt.Fprintf(&b, "%d,%s,Need %d,%d\n", i, cities[i%len(cities)], i%7, 1+i%5)
	}
	path := filepath.Join(t.TempDir(), "large.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// holdImport holds the next import at its first progress report: held is
// closed once it is there, and it goes on when release is closed.
func holdImport(v *surveysView) (held, release chan struct{}) {
	held, release = make(chan struct{}), make(chan struct{})
	first := true
	v.importProgress = func() { // on the import's goroutine
		if first {
			first = false
			close(held)
			<-release
		}
	}
	return held, release
}

// Escape on a running import's progress dialog asks (the import would be
// lost) and never closes the dialog under the import; staying lets the
// import finish whole.
func TestEscapeNeverClosesARunningImport(t *testing.T) {
	const respondents = 20000
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	path := largeCSV(t, respondents)
	held, release := holdImport(v)
	done := make(chan data.Survey, 1)
	v.imported = func(sv data.Survey) { done <- sv }
	v.importPath(path)
	test.Tap(uitest.ButtonIn(t, uitest.TopOverlay(sh), "Import"))
	<-held
	progress := uitest.TopOverlay(sh)
	if !uitest.TextIn(progress, "Importing large.csv") {
		t.Fatal("no progress dialog")
	}
	uitest.Key(sh, fyne.KeyEscape)
	overlays := sh.Window().Canvas().Overlays().List()
	if len(overlays) < 2 || overlays[len(overlays)-2] != progress || !uitest.TextIn(uitest.TopOverlay(sh), "Nothing of the import is stored.") {
		t.Fatal("Escape did not ask before stopping the import, over its progress dialog")
	}
	uitest.Key(sh, fyne.KeyEscape) // go on importing
	if uitest.TopOverlay(sh) != progress {
		t.Fatal("the progress dialog is gone while the import runs")
	}
	uitest.Key(sh, fyne.KeyEscape)
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) != progress {
		t.Fatal("the progress dialog is gone while the import runs")
	}
	close(release)
	var sv data.Survey
	select {
	case sv = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the import did not finish")
	}
	if sv.Respondents != respondents || len(v.surveys) != 1 || v.surveys[0].Respondents != respondents {
		t.Fatalf("the import stored %d respondents of %d", sv.Respondents, respondents)
	}
	if uitest.TopOverlay(sh) == progress {
		t.Fatal("the progress dialog stayed after the import")
	}
	// The import can be undone (the survey goes) and redone.
	sh.Undo()
	if len(v.surveys) != 0 {
		t.Fatal("undo left the imported survey")
	}
	sh.Redo()
	if len(v.surveys) != 1 || v.surveys[0].Respondents != respondents {
		t.Fatalf("redo imported %+v", v.surveys)
	}
}

// A survey file dropped on the screen is a survey; other files are left
// to the area that takes drops (partners).
func TestDroppedSurveyFile(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	if v.Drop(filepath.Join(t.TempDir(), "study.pdf")) {
		t.Fatal("a PDF was taken as a survey")
	}
	path := filepath.Join(t.TempDir(), "academy.CSV")
	if err := os.WriteFile(path, []byte(academyCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	if !v.Drop(path) || !uitest.TextIn(uitest.TopOverlay(sh), "Google Forms export") {
		t.Fatal("a dropped CSV did not open the import preview")
	}
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) != nil {
		t.Fatal("Escape did not close the preview")
	}
}
