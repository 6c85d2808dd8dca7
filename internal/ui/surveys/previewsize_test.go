package surveys

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// wideCSV is a file of n one-word questions and two respondents.
func wideCSV(t *testing.T, n int) string {
	var head, row strings.Builder
	for i := range n {
		if i > 0 {
			head.WriteString(",")
			row.WriteString(",")
		}
		fmt.Fprintf(&head, "Q%d", i)
		row.WriteString("yes")
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("wide%d.csv", n))
	os.WriteFile(path, []byte(head.String()+"\n"+row.String()+"\n"+row.String()+"\n"), 0o644)
	return path
}

// The preview of a file with as many questions as a survey may have opens
// at once, its list taking most of a 1366×768 window; a file with more is
// refused with the limit and the file's name.
func TestPreviewOfAWideFile(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	sh.Window().Resize(fyne.NewSize(1366, 768))
	v := uitest.Open[*surveysView](t, sh, "surveys")
	start := time.Now()
	v.importPath(wideCSV(t, survey.MaxQuestions))
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the preview of %d questions took %v", survey.MaxQuestions, took)
	}
	d := uitest.TopOverlay(sh)
	scroll, ok := uitest.Find(d, func(s *container.Scroll) bool { return s.Direction == container.ScrollVerticalOnly })
	if !ok {
		t.Fatal("no list of questions")
	}
	if h := scroll.Size().Height; h < 400 {
		t.Errorf("the list of questions is %.0f px high in a 768 px window", h)
	}
	uitest.Key(sh, fyne.KeyEscape)
	v.importPath(wideCSV(t, survey.MaxQuestions+1))
	if o := uitest.TopOverlay(sh); o == nil || !uitest.TextIn(o, "wide1001.csv, line 1: has 1001 questions; a survey may have at most 1000") {
		t.Fatal("a file with too many questions was not refused with the limit")
	}
}

// scrollPreviewTo scrolls the preview's list (which draws only the rows on
// screen) until a row matching found is drawn; false when none does.
func scrollPreviewTo(d fyne.CanvasObject, found func() bool) bool {
	l, ok := uitest.Find(d, func(*widget.List) bool { return true })
	if !ok {
		return false
	}
	for i := range l.Length() {
		if l.ScrollTo(i); found() {
			return true
		}
	}
	return false
}

// Selecting a row (by a click, which focuses the list) leaves Escape to
// close the preview: the list does not keep the keys.
func TestPreviewEscapeAfterSelectingARow(t *testing.T) {
	sh := uitest.NewShell(t, true, Area())
	v := uitest.Open[*surveysView](t, sh, "surveys")
	v.importPath(wideCSV(t, 3))
	d := uitest.TopOverlay(sh)
	l, ok := uitest.Find(d, func(*widget.List) bool { return true })
	if !ok {
		t.Fatal("no list of questions")
	}
	sh.Window().Canvas().Focus(l)
	l.Select(1)
	if !uitest.TextIn(d, "2. Q1 — why:") {
		t.Fatal("the selected row's rule is not told in full")
	}
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) == d {
		t.Fatal("Escape did not close the preview after a row was selected")
	}
}
